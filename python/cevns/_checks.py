"""The Python share of the one validation layer (docs/reliability.md): every public function of
cevns is wrapped so that

* each numeric argument is checked before any work, by its Python name, against the same
  physical ranges as the command line's options (a bad value raises cevns.InputError, which is
  also a ValueError, naming the function, the argument and the range with its unit);
* no number it returns is NaN (else cevns.NumericalError naming the function and the inputs);
* no exception other than a cevns.Error subclass leaves it for a bad value: an integer too large
  for a double, an exhausted memory or a failure inside a numerical library become cevns errors.
"""
import functools
import inspect
import math
import numbers

import numpy as np

from ._core import Error, InputError, NumericalError

INF = math.inf
# name: (unit, min, max, min_open, whole). Same ranges as apps/cevns/option_limits.cpp.
LIMITS = {
    "enu_MeV": ("MeV", 0.0, 1e5, True, False),
    "recoil_keV": ("keV", 0.0, 1e6, False, False),
    "q_MeV": ("MeV", 0.0, 1e5, False, False),
    "threshold_keV": ("keV", 0.0, 1e4, False, False),
    "max_recoil_keV": ("keV", 0.0, 1e5, True, False),
    "distance_m": ("m", 1e-3, 1e8, False, False),
    "distance_kpc": ("kpc", 1e-6, 1e5, False, False),
    "power_GW": ("GW", 0.0, 1e3, True, False),
    "beam_power_MW": ("MW", 0.0, 1e3, True, False),
    "nu_per_proton": ("", 0.0, 10.0, True, False),
    "nu_per_fission": ("", 0.0, 20.0, True, False),
    "captures_per_fission": ("", 0.0, 5.0, False, False),
    "activity_MCi": ("MCi", 0.0, 1e3, True, False),
    "total_energy_erg": ("erg", 0.0, 1e56, True, False),
    "scale": ("", 0.0, 1e40, True, False),
    "factor": ("", 0.0, 1e40, True, False),
    "sin2w": ("", 0.0, 1.0, True, False),
    "neutron_radius_fm": ("fm", 0.0, 20.0, True, False),
    "neutron_skin_fm": ("fm", -5.0, 5.0, False, False),
    "deformation_beta2": ("", -0.6, 0.6, False, False),
    "rms_radius_fm": ("fm", 0.0, 20.0, True, False),
    "helm_skin_fm": ("fm", 0.0, 10.0, True, False),
    "fermi_diffuseness_fm": ("fm", 0.0, 10.0, True, False),
    "klein_nystrand_range_fm": ("fm", 0.0, 10.0, True, False),
    "mass_GeV": ("GeV", 1e-3, 1e8, False, False),
    "mass_min_GeV": ("GeV", 1e-3, 1e8, False, False),
    "mass_max_GeV": ("GeV", 1e-3, 1e8, False, False),
    "mass_points": ("", 1, 1e5, False, True),
    "bins": ("", 1, 1e4, False, True),
    "efficiency": ("", 0.0, 1.0, True, False),
    "exposure_ton_year": ("t yr", 0.0, 1e20, True, False),
    "exposure_min_ton_year": ("t yr", 0.0, 1e20, True, False),
    "exposure_max_ton_year": ("t yr", 0.0, 1e20, True, False),
    "exposures_per_decade": ("", 1, 1000, False, True),
    "significance": ("sigma", 0.0, 40.0, True, False),
    "v0_km_s": ("km/s", 0.0, 3e5, True, False),
    "vesc_km_s": ("km/s", 0.0, 3e5, True, False),
    "vlab_km_s": ("km/s", 0.0, 3e5, False, False),
    "rho_GeV_cm3": ("GeV/cm3", 0.0, 1e3, True, False),
    "on": ("events", 0.0, 1e15, False, False),
    "off": ("events", 0.0, 1e15, False, False),
    "on_exposure": ("", 0.0, 1e15, True, False),
    "off_exposure": ("", 0.0, 1e15, True, False),
    "cl": ("", 0.0, 1.0, True, False),
    "beta": ("", 0.0, 1e12, False, False),
    "count": ("", 1, 1e8, False, True),
    "seed": ("", 0, 1.8e19, False, True),
    "threads": ("", 0, 4096, False, True),
    "scenario": ("", 1, 3, False, True),
    "starts": ("", 1, 1e4, False, True),
    "n": ("", 2, 1e6, False, True),
    "grid": ("", 0, 1e6, False, True),
}


# Arrays of these may contain 0 (grids from the origin); a scalar must be > 0.
GRID_FROM_ZERO = {"enu_MeV"}
# Functions for which 0 is a valid scalar too (a spectrum's density at zero energy).
ZERO_ALLOWED = {"Flux.density"}


def range_text(unit, lo, hi, lo_open, whole):
    if whole:
        return f"a whole number from {lo:g} to {hi:g}"
    u = f" ({unit})" if unit else ""
    return f"a number{u} in {'(' if lo_open else '['}{lo:g}, {hi:g}]"


def check_value(function, name, value):
    """Raises InputError unless `value` (a number or an array of numbers) is inside LIMITS[name]."""
    unit, lo, hi, lo_open, whole = LIMITS[name]
    if type(value) is float and not (lo_open and name in GRID_FROM_ZERO and function in ZERO_ALLOWED):
        # the common case, without numpy
        low = value <= lo if lo_open else value < lo
        if value == value and not low and value <= hi and (not whole or value == math.floor(value)):
            return
    expected = range_text(unit, lo, hi, lo_open, whole)
    where = f"cevns.{function}: {name}"
    if isinstance(value, bool):
        raise InputError(f"{where}: expected {expected}, got a bool ({value})")
    if isinstance(value, numbers.Integral) and not isinstance(value, np.integer):
        if not lo <= value <= hi:
            shown = str(value) if len(str(value)) <= 24 else f"{str(value)[:12]}...({len(str(value))} digits)"
            raise InputError(f"{where}: {shown} is outside the allowed range: expected {expected}")
        return
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise InputError(f"{where}: {value!r} is not a number; expected {expected}") from None
    if array.size == 0:
        raise InputError(f"{where}: empty; expected {expected}")
    flat = array.reshape(-1)
    if lo_open and name in GRID_FROM_ZERO and (array.ndim > 0 or function in ZERO_ALLOWED):
        # a grid may start at the origin, where every cross section and density is zero; a single
        # energy of zero is a mistake
        lo_open = False
    bad = ~np.isfinite(flat)
    if whole:
        bad |= flat != np.floor(flat)
    bad |= (flat <= lo) if lo_open else (flat < lo)
    bad |= flat > hi
    if bad.any():
        first = flat[np.argmax(bad)]
        at = "" if array.ndim == 0 else f" (element {int(np.argmax(bad))} of {array.size})"
        raise InputError(f"{where}: {first:g}{at} is outside the allowed range: expected {expected}")


# Result keys where NaN is the documented marker of "not reached" (beside a boolean mask).
NAN_MEANS_NOT_REACHED = {"fog": {"floor_cross_section_cm2", "floor_exposure_ton_year"}}


def non_finite(value, path="result", skip=frozenset()):
    """The path of the first NaN inside `value`, or None. (An infinite value is a documented
    answer where it occurs: a discovery limit out of reach, a free normalisation.)"""
    if isinstance(value, (bool, str, bytes)) or value is None:
        return None
    if isinstance(value, numbers.Number):
        c = complex(value)
        return path if math.isnan(c.real) or math.isnan(c.imag) else None
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "fc" and np.isnan(value).any():
            return path
        return None
    if isinstance(value, dict):
        for k, v in value.items():
            if k in skip:
                continue
            p = non_finite(v, f"{path}[{k!r}]")
            if p:
                return p
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            p = non_finite(v, f"{path}[{i}]")
            if p:
                return p
    return None


def checked(function, qualname=None):
    """`function` with its arguments checked against LIMITS, its result checked finite and its
    stray exceptions turned into cevns errors."""
    name = qualname or function.__name__
    signature = inspect.signature(function)
    parameters = list(signature.parameters.values())
    positional = [p.name for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    # (name, position or None, default) of each argument with a documented range: looked up
    # directly, without inspect's binding, so that a scalar call costs microseconds
    limited = [(p.name, positional.index(p.name) if p.name in positional else None, p.default)
               for p in parameters if p.name in LIMITS]

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        for p, position, default in limited:
            if position is not None and position < len(args):
                value = args[position]
            elif p in kwargs:
                value = kwargs[p]
            else:
                continue
            if value is None:
                if default is not None:
                    raise InputError(f"cevns.{name}: {p}: None is not a number; expected "
                                     f"{range_text(*LIMITS[p])}")
                continue
            check_value(name, p, value)
        try:
            result = function(*args, **kwargs)
        except Error:
            raise
        except OverflowError as e:
            raise InputError(f"cevns.{name}: a value is out of the range of numbers ({e})") from None
        except MemoryError:
            raise Error(f"cevns.{name}: out of memory (reduce the grid, bins or points)") from None
        except (ValueError, RuntimeError) as e:
            # only the plain types the C++ core's std:: exceptions arrive as; a user callback's own
            # exception classes (and ZeroDivisionError, ...) pass through unchanged
            if type(e) is ValueError:
                raise InputError(f"cevns.{name}: {e}") from None
            if type(e) is RuntimeError:
                raise NumericalError(f"cevns.{name}: {e}") from None
            raise
        path = non_finite(result, skip=NAN_MEANS_NOT_REACHED.get(name, frozenset()))
        if path:
            given = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])[:300]
            raise NumericalError(f"cevns.{name}: {path} is not a number (NaN) for {given}; check the inputs against "
                                 "the ranges of docs/reliability.md")
        return result

    return wrapper


def check_public_api(namespace, names):
    """Wraps every public function of `names` in `namespace`, and the public methods of its classes."""
    for n in names:
        obj = namespace.get(n)
        if inspect.isfunction(obj):
            namespace[n] = checked(obj)
        elif inspect.isclass(obj) and not issubclass(obj, BaseException):
            for m, f in list(vars(obj).items()):
                if not m.startswith("_") and inspect.isfunction(f):
                    setattr(obj, m, checked(f, f"{n}.{m}"))
