"""Likelihood analyses of YAML files (``cevns fit``, ``cevns toys``), the likelihood itself, the
COHERENT CsI release refits (``cevns release-fit``) and reactor monitoring (``cevns reactor-monitor``).

The dicts carry the keys of the commands' --json output (without the run metadata "cevns");
lists of numbers are numpy arrays. The fits and toys run in C++ with the GIL released.
Analysis files: docs/configuration.md ("Analysis files"); an error in a file raises
cevns.ConfigError "file:line: key 'a.b': problem", a missing file cevns.InputError.
"""
import os

import numpy as np

from . import _core
from ._physics import _physics

RELEASES = ("coherent-csi-2017", "coherent-csi-2021")


def analysis_fit(file):
    """The maximum-likelihood fit of an analysis file, as ``cevns fit FILE --json``.

    Returns a dict: file, bins, minus_two_lnl, covariance_ok, evaluations, fit_seed,
    parameters (list of dicts name, interest, value, error, min, max, at_bound),
    correlation ({names, matrix}: matrix a numpy array, free parameters in order),
    tests (list of dicts parameter, null_value, test, best, q, p_value, significance_sigma,
    conditional_minus_two_lnl), scans (the profile scans: parameter, values and delta_chi2 as numpy
    arrays, best, level, interval_68 {lower, upper, lower_open, upper_open}), experiments (id, bins,
    observed_counts, signal_counts, background_counts, background_components).
    """
    return _core.analysis_fit(os.fspath(file))


def toys(file, count=None, seed=None, threads=None):
    """Pseudo-experiments of an analysis file, as ``cevns toys FILE --json``, run in memory (no
    checkpoint, no CSV). count / seed override toys.count / toys.seed of the file; threads: 0 or
    None for all cores. Toy k depends only on (seed, k), not on the threads.

    Returns the summary keys of the command (file, toys, invalid_toys, seed, resumed_toys = 0,
    evaluated_toys, nominal_coverage, parameters: per parameter of interest truth, toys, mean,
    standard_deviation, mean_error, pull_mean(_error), pull_width(_error), coverage(_error),
    hessian_coverage; threads, mpi_ranks = 1, seconds) and table, the per-toy columns as numpy
    arrays: toy (index), valid (bool), minus_two_lnl and per parameter of interest P: P, P_error,
    P_pull, P_q_truth (and P_q_null with a null_value), message (why a toy is invalid). The value
    columns hold NaN exactly where valid is False.
    """
    if count is not None and int(count) < 1:
        raise _core.InputError(f"count must be >= 1, got {count}")
    if seed is not None and int(seed) < 0:
        raise _core.InputError(f"seed must be >= 0, got {seed}")
    if threads is not None and int(threads) < 0:
        raise _core.InputError(f"threads must be >= 0, got {threads}")
    return _core.toys(os.fspath(file), None if count is None else int(count), None if seed is None else int(seed),
                      0 if threads is None else int(threads))


class Likelihood:
    """The binned likelihood of an analysis file (analysis/likelihood_model.hpp), to plot or to
    minimise by hand. Parameters are the free ones, in the order of `parameters`.

    parameters  names of the free parameters
    observed    observed counts per bin (numpy; experiments concatenated, see experiments)
    truth       the truth point of Asimov data and toys; initial, lower, upper: start and bounds
    interest    indices of the parameters of interest; bins: the number of bins
    experiments list of dicts id, offset, bins, energy_bins, time_bins, backgrounds

    expected(values)       expected counts per bin; values of shape (P,) give (bins,), (N, P) give (N, bins)
    minus_two_lnl(values)  -2 ln L (Baker-Cousins deviance + constraint terms, as `cevns fit`):
                           a float for (P,), an array of N for (N, P); gradient=True also returns
                           the analytic gradient, shape (P,) or (N, P)
    """

    def __init__(self, file):
        self._core = _core.likelihood(os.fspath(file))

    def __repr__(self):
        return f"cevns.Likelihood({self.file!r}: {len(self.parameters)} parameters, {self.bins} bins)"

    file = property(lambda self: self._core.file)
    parameters = property(lambda self: list(self._core.parameters))
    observed = property(lambda self: self._core.observed)
    truth = property(lambda self: self._core.truth)
    initial = property(lambda self: self._core.initial)
    lower = property(lambda self: self._core.lower)
    upper = property(lambda self: self._core.upper)
    interest = property(lambda self: list(self._core.interest))
    bins = property(lambda self: self._core.bins)
    experiments = property(lambda self: self._core.experiments)

    def values(self, **named):
        """A parameter vector: the truth point with the named parameters replaced."""
        x = np.array(self.truth, dtype=float)
        names = self.parameters
        for key, value in named.items():
            if key not in names:
                raise _core.InputError(f"unknown parameter '{key}' (free parameters: {', '.join(names)})")
            x[names.index(key)] = float(value)
        return x

    def expected(self, values):
        return self._core.expected(np.asarray(values, dtype=float))

    def minus_two_lnl(self, values, gradient=False):
        return self._core.minus_two_lnl(np.asarray(values, dtype=float), bool(gradient))


def likelihood(file):
    """The likelihood of an analysis file as a :class:`Likelihood` object."""
    return Likelihood(file)


def release_fit(release="coherent-csi-2017", data_dir=None, form_factor="helm", couplings="radiative", sin2w=None,
                neutron_skin_fm=0.0, neutron_radius_fm=None, radii="measured", deformation_beta2=0.0, bsm=None):
    """A COHERENT CsI observation refitted from its public data release, as
    ``cevns release-fit --release RELEASE --json``: release "coherent-csi-2017" or
    "coherent-csi-2021"; data_dir: the release files (default: the copy under the data directory);
    the physics keywords of :func:`cevns.xsec`.

    Returns a dict: release, data_directory, predicted_events, fitted_events, fitted_events_error,
    significance_sigma, steady_state_events, steady_state_slope_per_us, deviance, bins, published
    ({key: {value, error, source}}); 2017: prompt_neutron_events, observed_in_window,
    anticoincidence_in_window; 2021: brn_events, nin_events, sm_flux_averaged_cm2,
    measured_flux_averaged_cm2, measured_flux_averaged_error_cm2, sin2_theta_w(_lower, _upper).
    """
    physics = _physics(form_factor, couplings, radii, sin2w, neutron_skin_fm, neutron_radius_fm, bsm,
                       deformation_beta2=deformation_beta2)
    return _core.release_fit(str(release), None if data_dir is None else os.fspath(data_dir), physics)


_MONITOR_OPTIONS = ("power_MW", "distance_m", "mass_kg", "threshold_eV", "background_ckkd", "exposure_days",
                    "delta_pu239", "power_prior", "free_power")


def reactor_monitor(**options):
    """Asimov fit of thermal power and fission fractions from a Ge CEvNS spectrum, and the
    significance of a 239Pu removal, as ``cevns reactor-monitor --json``.

    Options (the command's, same defaults): power_MW (3000), distance_m (20), mass_kg (10),
    threshold_eV (100, nuclear recoil), background_ckkd (1, counts/(keVnr kg day)), exposure_days
    (365), delta_pu239 (0.1, moved to 235U), power_prior (0.02, relative), free_power (False).

    Returns a dict: setup, signal_counts, background_counts, asimov_fit (power_MW, power_error_MW,
    f239, f239_error, f235, f238, f241, covariance_ok), pu_removal (delta_f239,
    signal_counts_actual, delta_chi2, significance_sigma).
    """
    unknown = sorted(set(options) - set(_MONITOR_OPTIONS))
    if unknown:
        raise _core.InputError(f"unknown reactor_monitor option(s) {', '.join(unknown)} "
                               f"(use {', '.join(_MONITOR_OPTIONS)})")
    kwargs = {k: (bool(v) if k == "free_power" else float(v)) for k, v in options.items()}
    return _core.reactor_monitor(**kwargs)
