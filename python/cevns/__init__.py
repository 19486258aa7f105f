"""cevns: coherent elastic neutrino-nucleus scattering from Python (docs/python.md).

The functions mirror the command line (``cevns xsec``, ``target``, ``flux``, ``compare``,
``coherency``): the same names, and every unit in the name of its keyword or key (enu_MeV,
recoil_keV, total_cm2, dsigma_dT_cm2_per_keV, total_per_cm2_s). Arrays go in and come out; the
loops run in C++.

    >>> import cevns
    >>> cevns.xsec(target="Ar40", enu_MeV=30.0)["total_cm2"]        # cm^2 per nucleus
    >>> cevns.xsec("CsI", enu_MeV=[10, 20, 30], recoil_keV=[1, 5])["dsigma_dT_cm2_per_keV"].shape
    (3, 2)
    >>> reactor = cevns.flux("reactor", power_GW=3.9, distance_m=17)
    >>> reactor.density([1.0, 2.0, 3.0])                              # /cm^2/s/MeV

Errors of the library keep their message: cevns.InputError (a ValueError) for bad input, and
cevns.DataError, cevns.ConfigError, cevns.NumericalError (RuntimeErrors, subclasses of cevns.Error).
Plots: ``import cevns.plot`` (needs matplotlib; not imported by ``import cevns``).
"""
from . import _core
from ._core import ConfigError, DataError, Error, InputError, NumericalError
from ._physics import (FLAVOURS, coherency, compare, dsigma_dT, electron_xsec, form_factor, ibd_xsec,
                       isotope_names, nuclear_form_factors, target, xsec)
from ._rates import rate
from ._analysis import Likelihood, analysis_fit, likelihood, reactor_monitor, release_fit, toys
from ._darkmatter import discovery_limit, fog
from ._scan import scan, scan_quantities
from ._stats import fit, significance, tikhonov_unfold, unfold
from ._sources import Flux, flux, sources

__version__ = _core.__version__
SIN2W_DEFAULT = _core.sin2w_default


def data_directory():
    """The data directory the library reads (CEVNS_DATA_DIR, the source tree, or share/cevns/data)."""
    return _core.data_directory()


def __getattr__(name):
    # cevns.plot is loaded on first use, so that `import cevns` never needs matplotlib.
    if name == "plot":
        import importlib  # noqa: PLC0415
        return importlib.import_module(".plot", __name__)
    raise AttributeError(f"module 'cevns' has no attribute '{name}'")


__all__ = ["ConfigError", "DataError", "Error", "FLAVOURS", "Flux", "InputError", "NumericalError", "SIN2W_DEFAULT",
           "coherency", "compare", "data_directory", "dsigma_dT", "electron_xsec", "flux", "form_factor", "ibd_xsec",
           "isotope_names", "nuclear_form_factors", "rate", "sources", "target", "xsec"]
__all__ += ["discovery_limit", "fit", "fog", "scan", "scan_quantities", "significance", "tikhonov_unfold", "unfold"]
__all__ += ["Likelihood", "analysis_fit", "likelihood", "reactor_monitor", "release_fit", "toys"]

# every public function: arguments checked by their Python names, results checked finite (_checks.py)
from ._checks import check_public_api as _check_public_api  # noqa: E402

_check_public_api(globals(), __all__)
