"""Statistics: ON/OFF counting (``cevns significance``), unfolding (``cevns unfold``) and binned
Poisson fits of a Python model (stats::BinnedLikelihood + stats::minimize).

Arrays go in and come out; the loops and the minimiser run in C++ (the GIL is released, and taken
back only to call a Python model).
"""
import difflib
import math

import numpy as np

from . import _core

_METHODS = (("profile_likelihood", "profile_likelihood"), ("li_ma_17", "li_ma_17"), ("simple", "simple"))


def significance(on, on_exposure, off, off_exposure, cl=0.9):
    """ON/OFF counting analysis, as ``cevns significance --json`` (stats/on_off.hpp).

    on, off: events with the source on / off; on_exposure, off_exposure: their exposures in one
    common unit (e.g. kg d). Scalars give the CLI's dict of floats; arrays (broadcast together)
    give the same dict with numpy arrays of the broadcast shape.

    Returns a dict: input, alpha (t_on / t_off), background_on, excess, excess_error, methods
    ({profile_likelihood, li_ma_17, simple}: {excess, excess_error, significance_sigma}),
    upper_limit and cl (the Rolke-Lopez-Conrad bounded profile-likelihood upper limit on the
    excess at confidence level cl), interval ({method, cl, lower, upper}).
    """
    arrays = np.broadcast_arrays(*(np.asarray(x, dtype=float) for x in (on, on_exposure, off, off_exposure)))
    shape = arrays[0].shape
    r = _core.significance(*(a.ravel() for a in arrays), float(cl))

    def out(key):
        v = r[key].reshape(shape)
        return float(v) if shape == () else v

    def method(key):
        return {"excess": out("excess"), "excess_error": out("excess_error"), "significance_sigma": out(key)}

    return {"input": {"on": on, "on_exposure": on_exposure, "off": off, "off_exposure": off_exposure},
            "alpha": out("alpha"), "background_on": out("background_on"),
            "excess": out("excess"), "excess_error": out("excess_error"),
            "methods": {name: method(key) for name, key in _METHODS},
            "upper_limit": out("upper"), "cl": float(cl),
            "interval": {"method": "Rolke-Lopez-Conrad bounded profile likelihood", "cl": float(cl),
                         "lower": out("lower"), "upper": out("upper")}}


def tikhonov_unfold(response, observed, background=None, beta=0.0):
    """Tikhonov-regularised unfolding with second differences (stats/unfolding.hpp).

    response: 2-D array R (observed bins x true bins), observed: counts n, background: expected
    non-signal counts h (default 0), beta >= 0 the regularisation strength (0: the naive inversion,
    least squares with weights 1/n when there are more observed than true bins).

    Returns a dict: beta, flux (nu^), error (sqrt of the diagonal of its covariance), covariance,
    bias_estimate, bias_covariance, bias_statistic_B, chi2, positive. Units are those of the inputs.
    """
    observed = np.asarray(observed, dtype=float)
    background = np.zeros_like(observed) if background is None else np.asarray(background, dtype=float)
    return _core.tikhonov_unfold(np.asarray(response, dtype=float), observed, background, float(beta))


def unfold(scenario=1, target="Ge", asimov=False, seed=1, beta=20.0):
    """The reactor antineutrino spectrum unfolded from CEvNS, as ``cevns unfold --json``
    (Liao, Liu, Marfatia, PRD 107, 113002 (2023); NUCLEUS-type scenarios 1-3).

    Returns a dict with the CLI's keys: scenario, energy_edges_MeV, recoil_edges_keV,
    observed_counts, background_counts, true_flux_per_fission_MeV,
    true_flux_no_capture_per_fission_MeV, smallest_positive_beta and fixed_beta (each a
    :func:`tikhonov_unfold` result: flux and error per fission per MeV, bias_estimate, ...),
    below_1p8_MeV, capture_separation_sigma; plus energy_MeV (bin centres), response and naive
    (beta = 0).
    """
    r = _core.reactor_unfold(int(scenario), str(target), bool(asimov), int(seed), float(beta))
    edges = r["energy_edges_MeV"]
    r["energy_MeV"] = 0.5 * (edges[1:] + edges[:-1])
    r["bins"] = len(edges) - 1
    for key in ("smallest_positive_beta", "fixed_beta", "naive"):
        s = r[key]
        s["flux_per_fission_MeV"] = s["flux"]
        s["error_per_fission_MeV"] = s["error"]
    return r


_PARAMETER_KEYS = ("name", "initial", "lower", "upper", "constraint", "center", "width")


def fit(model, observed, parameters, starts=1, algorithm="bobyqa", covariance=True):
    """Binned Poisson maximum-likelihood fit of a Python model (stats/binned_likelihood.hpp).

    model: callable taking a numpy array of parameter values (in the order of `parameters`) and
    returning the expected counts per bin (same length as observed).
    observed: counts per bin (>= 0).
    parameters: list of dicts with keys name, initial, and optionally lower, upper (default
    unbounded), constraint ("none", "gaussian" or "log_normal"), center and width of the constraint
    (-2 ln L gains ((x - center)/width)^2, or (ln(x/center)/width)^2).
    starts: > 1 adds reproducible random starts; algorithm: "bobyqa" or "sbplx".

    The statistic is the Baker-Cousins deviance 2 sum [mu - n + n ln(n/mu)] plus constraints, so
    `minimum` is a goodness-of-fit chi^2. Returns a dict: names, values, errors, covariance (numpy,
    V = 2 H^-1 from a finite-difference Hessian), covariance_ok, minimum, evaluations, expected (the
    model at the minimum). An exception raised by the model is re-raised unchanged.
    """
    names, initial, lower, upper, constraints, centers, widths = [], [], [], [], [], [], []
    for p in parameters:
        unknown = [k for k in p if k not in _PARAMETER_KEYS]
        if unknown:
            hint = difflib.get_close_matches(unknown[0], _PARAMETER_KEYS, n=1)
            raise _core.InputError(f"fit: unknown parameter key '{unknown[0]}'"
                                   + (f" (did you mean {hint[0]}?)" if hint else ""))
        if "name" not in p or "initial" not in p:
            raise _core.InputError("fit: every parameter needs at least 'name' and 'initial'")
        names.append(str(p["name"]))
        initial.append(float(p["initial"]))
        lower.append(float(p.get("lower", -math.inf)))
        upper.append(float(p.get("upper", math.inf)))
        constraints.append(str(p.get("constraint", "none")).replace("-", "_"))
        centers.append(float(p.get("center", 0.0)))
        widths.append(float(p.get("width", 0.0)))
    return _core.fit(model, np.asarray(observed, dtype=float), names, initial, lower, upper, constraints, centers,
                     widths, int(starts), str(algorithm), bool(covariance))
