"""Event-rate predictions of catalog experiments (``cevns rate``)."""
from . import _core
from ._physics import _physics


def rate(experiment, form_factor="helm", couplings="radiative", sin2w=None, neutron_skin_fm=0.0,
         neutron_radius_fm=None, radii="measured", bsm=None):
    """Expected counts of a catalog experiment (``cevns experiments``) or an experiment YAML file.

    experiment: catalog id such as "coherent-csi-2017", or a path to a YAML file in the catalog
    schema (docs/configuration.md); the physics keywords are those of :func:`cevns.xsec`, bsm
    included (e.g. bsm={"nsi": "eps_ee_uV=0.1"}).

    Returns a dict with the keys of ``cevns rate --json``: target, mass_kg, signal_counts,
    background_counts, total_counts, isotope_signal_counts and flavour_signal_counts (dicts),
    detectors (experiments with several detectors only: a list of {name, target, mass_kg,
    signal_counts}), plus numpy arrays signal and total of shape (energy bins, time bins) and
    backgrounds (one such array per background component).
    """
    physics = _physics(form_factor, couplings, radii, sin2w, neutron_skin_fm, neutron_radius_fm, bsm)
    return _core.rate(str(experiment), physics)
