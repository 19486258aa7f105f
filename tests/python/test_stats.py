"""cevns.significance, cevns.fit, cevns.tikhonov_unfold, cevns.unfold: against the command line
(`cevns significance/unfold --json`) and against independent routes (closed forms, numpy)."""
import numpy as np
import pytest

import cevns


def _same(python, cli, path=""):
    """Every key of the CLI document has the same value in the Python result."""
    if isinstance(cli, dict):
        for key, value in cli.items():
            if key != "cevns":
                _same(python[key], value, f"{path}.{key}")
    elif isinstance(cli, list):
        assert np.asarray(python).tolist() == pytest.approx(cli, rel=1e-14), path
    elif isinstance(cli, (int, float)) and not isinstance(cli, bool):
        assert python == pytest.approx(cli, rel=1e-14), path
    else:
        assert python == cli, path


@pytest.mark.parametrize("on, t_on, off, t_off", [(50, 1.0, 30, 2.0), (3, 10.0, 40, 20.0), (0, 1.0, 5, 1.0)])
def test_significance_equals_cli(cli, on, t_on, off, t_off):
    reference = cli("significance", "--on", on, "--on-exposure", t_on, "--off", off, "--off-exposure", t_off)
    _same(cevns.significance(on=on, on_exposure=t_on, off=off, off_exposure=t_off), reference)


def test_significance_vectorises_and_matches_li_ma_closed_form():
    on, off, alpha = np.array([50.0, 120.0, 7.0]), np.array([30.0, 200.0, 2.0]), 0.5
    r = cevns.significance(on=on, on_exposure=alpha, off=off, off_exposure=1.0)
    # Li & Ma (1983) eq. 17, written out here.
    li_ma = np.sqrt(2 * (on * np.log((1 + alpha) / alpha * on / (on + off))
                         + off * np.log((1 + alpha) * off / (on + off))))
    assert r["methods"]["li_ma_17"]["significance_sigma"] == pytest.approx(li_ma, rel=1e-12)
    assert r["excess"] == pytest.approx(on - alpha * off, rel=1e-15)
    for i in range(3):
        single = cevns.significance(on=on[i], on_exposure=alpha, off=off[i], off_exposure=1.0)
        assert single["upper_limit"] == r["upper_limit"][i]


def test_significance_rejects_negative_counts():
    with pytest.raises(cevns.InputError):
        cevns.significance(on=-1, on_exposure=1, off=1, off_exposure=1)


def test_tikhonov_without_regularisation_is_the_inverse():
    rng = np.random.default_rng(3)
    R = np.eye(6) * 5 + rng.uniform(0, 1, (6, 6))
    truth = rng.uniform(10, 50, 6)
    h = np.full(6, 2.0)
    n = R @ truth + h + rng.normal(0, 1, 6)
    u = cevns.tikhonov_unfold(R, n, h, beta=0.0)
    assert u["flux"] == pytest.approx(np.linalg.solve(R, n - h), rel=1e-9)
    # cov = R^-1 V R^-T with V = diag(n)
    Rinv = np.linalg.inv(R)
    assert u["covariance"] == pytest.approx(Rinv @ np.diag(n) @ Rinv.T, rel=1e-8, abs=1e-12 * n.max())
    assert u["chi2"] == pytest.approx(0.0, abs=1e-16 * n.sum())
    smooth = cevns.tikhonov_unfold(R, n, h, beta=1e3)
    assert np.sum(np.diff(smooth["flux"], 2) ** 2) < np.sum(np.diff(u["flux"], 2) ** 2)


def test_tikhonov_checks_shapes():
    with pytest.raises(cevns.InputError, match="one value per row"):
        cevns.tikhonov_unfold(np.eye(3), [1, 2], [0, 0], 1.0)
    with pytest.raises(cevns.InputError, match="two-dimensional"):
        cevns.tikhonov_unfold([1.0, 2.0], [1, 2], [0, 0], 1.0)


def test_reactor_unfold_equals_cli(cli):
    reference = cli("unfold", "--scenario", 3, "--asimov", "--beta", 20)
    r = cevns.unfold(scenario=3, asimov=True, beta=20)
    for key in ("energy_edges_MeV", "recoil_edges_keV", "observed_counts", "background_counts",
                "true_flux_per_fission_MeV", "capture_separation_sigma", "below_1p8_MeV", "scenario"):
        _same(r[key], reference[key], key)
    for key in ("smallest_positive_beta", "fixed_beta"):
        _same(r[key], reference[key], key)
    # Asimov data and beta -> 0: the naive inversion recovers the truth (the response is exact).
    assert r["naive"]["flux"] == pytest.approx(r["true_flux_per_fission_MeV"], rel=1e-6)
    assert len(r["energy_MeV"]) == r["bins"] == len(r["true_flux_per_fission_MeV"])


def _peak(x, p):
    amplitude, centre, width, flat = p
    return amplitude * np.exp(-0.5 * ((x - centre) / width) ** 2) + flat


PEAK_PARAMETERS = [{"name": "amplitude", "initial": 80.0, "lower": 0.0},
                   {"name": "centre", "initial": 4.5, "lower": 0.0, "upper": 10.0},
                   {"name": "width", "initial": 1.5, "lower": 0.1, "upper": 5.0},
                   {"name": "flat", "initial": 5.0, "lower": 0.0}]


def test_fit_recovers_an_injected_gaussian_peak():
    x = np.linspace(0.05, 9.95, 100)
    truth = [120.0, 5.2, 0.8, 3.0]
    asimov = _peak(x, truth)
    r = cevns.fit(lambda p: _peak(x, p), asimov, PEAK_PARAMETERS)
    assert r["names"] == ["amplitude", "centre", "width", "flat"]
    assert r["values"] == pytest.approx(truth, rel=1e-4)
    assert r["minimum"] == pytest.approx(0.0, abs=1e-6)
    assert r["covariance_ok"] and r["covariance"].shape == (4, 4)
    # A Poisson toy: the injected values lie within 4 of the fitted errors.
    toy = np.random.default_rng(7).poisson(asimov).astype(float)
    t = cevns.fit(lambda p: _peak(x, p), toy, PEAK_PARAMETERS)
    assert np.all(np.abs(t["values"] - truth) < 4 * t["errors"])
    assert t["expected"] == pytest.approx(_peak(x, t["values"]), rel=1e-12)


def test_fit_of_a_scale_has_the_closed_form_solution():
    # mu = a t: the Poisson MLE is a = sum n / sum t, with V = 2/H = a^2 / sum n.
    template = np.array([5.0, 10.0, 20.0, 10.0, 5.0])
    observed = np.array([7.0, 12.0, 25.0, 8.0, 6.0])
    r = cevns.fit(lambda p: p[0] * template, observed, [{"name": "a", "initial": 1.0, "lower": 0.0, "upper": 10.0}])
    a = observed.sum() / template.sum()
    assert r["values"][0] == pytest.approx(a, rel=1e-6)
    assert r["errors"][0] == pytest.approx(a / np.sqrt(observed.sum()), rel=1e-3)


def test_fit_gaussian_constraint_pulls_an_unconstrained_parameter_to_its_centre():
    template = np.array([10.0, 20.0])
    r = cevns.fit(lambda p: p[0] * template, template,
                  [{"name": "a", "initial": 1.0, "lower": 0.0, "upper": 5.0},
                   {"name": "nuisance", "initial": 0.0, "lower": -5.0, "upper": 5.0, "constraint": "gaussian",
                    "center": 0.7, "width": 0.2}])
    assert r["values"] == pytest.approx([1.0, 0.7], rel=1e-5)
    assert r["errors"][1] == pytest.approx(0.2, rel=1e-3)


def test_fit_errors_reach_python():
    def broken(p):
        raise ZeroDivisionError("model failed at " + str(p[0]))

    with pytest.raises(ZeroDivisionError, match="model failed"):
        cevns.fit(broken, [1.0, 2.0], [{"name": "a", "initial": 1.0}, {"name": "b", "initial": 1.0}])
    with pytest.raises(cevns.InputError, match="2 expected counts"):
        cevns.fit(lambda p: [1.0, 2.0, 3.0], [1.0, 2.0], [{"name": "a", "initial": 1.0}])
    with pytest.raises(cevns.InputError, match="did you mean initial"):
        cevns.fit(lambda p: p, [1.0], [{"name": "a", "inital": 1.0}])
