"""cevns.analysis_fit, toys, likelihood, release_fit, reactor_monitor and the physics keyword
deformation_beta2: against the command line (`cevns fit/toys/release-fit/reactor-monitor/xsec --json`,
the same numbers) and against independent routes (numpy deviances, finite differences, the per-toy
table summarised again)."""
import os
import pathlib
import subprocess

import numpy as np
import pytest

import cevns

ROOT = pathlib.Path(__file__).resolve().parents[2]
SIGNAL = ROOT / "examples" / "analyses" / "fit-coherent-csi.yaml"
PROFILE = ROOT / "examples" / "analyses" / "profile-coherent-csi.yaml"


def _same(python, cli, path=""):
    """Every key of the CLI document has the same value in the Python result (lists of numbers may
    be numpy arrays)."""
    if isinstance(cli, dict):
        for key, value in cli.items():
            if key != "cevns":
                assert key in python, f"{path}.{key} missing"
                _same(python[key], value, f"{path}.{key}")
    elif isinstance(cli, list) and (not cli or isinstance(cli[0], (dict, str))):
        assert len(python) == len(cli), path
        for k, (p, c) in enumerate(zip(python, cli)):
            _same(p, c, f"{path}[{k}]")
    elif isinstance(cli, list):
        assert isinstance(python, np.ndarray), f"{path} is not a numpy array"
        expected = np.asarray(cli, dtype=float)
        assert python.shape == expected.shape, path
        assert python.ravel().tolist() == pytest.approx(expected.ravel().tolist(), rel=1e-12), path
    elif isinstance(cli, bool) or isinstance(cli, str):
        assert python == cli, path
    else:
        assert python == pytest.approx(cli, rel=1e-12), path


def _run_cli(*args):
    """`cevns ARGS...` as a CompletedProcess (skips without $CEVNS_BIN)."""
    binary = os.environ.get("CEVNS_BIN")
    if not binary:
        pytest.skip("CEVNS_BIN is not set")
    return subprocess.run([binary, *map(str, args)], capture_output=True, text=True, timeout=120)


def _analysis_file(tmp_path, physics=None, extra_key=None):
    """The signal example rewritten into tmp_path (background table by absolute path), with a
    `physics:` block and optionally an extra (misspelt) key; returns (path, line of the physics key)."""
    text = SIGNAL.read_text().replace("file: coherent-csi-2017-backgrounds.txt",
                                      f"file: {SIGNAL.parent / 'coherent-csi-2017-backgrounds.txt'}")
    lines = text.splitlines()
    line = None
    if physics is not None or extra_key is not None:
        lines.append("physics:")
        for key, value in (physics or {}).items():
            lines.append(f"  {key}: {value}")
        if extra_key is not None:
            lines.append(f"  {extra_key}: 0.3")
        line = len(lines)  # 1-based number of the last line
    path = tmp_path / "analysis.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path, line


# ---- cevns fit -----------------------------------------------------------------------------------

@pytest.mark.parametrize("example", [SIGNAL, PROFILE], ids=["signal", "profile"])
def test_analysis_fit_equals_cli(cli, example):
    reference = cli("fit", example)
    r = cevns.analysis_fit(str(example))
    _same(r, reference)
    assert set(r) == set(reference) - {"cevns"}
    n = len(r["parameters"])
    assert r["correlation"]["matrix"].shape == (n, n)
    assert np.all(np.isfinite(r["correlation"]["matrix"]))


def test_analysis_fit_accepts_a_path_and_checks_files(tmp_path):
    assert cevns.analysis_fit(SIGNAL)["file"] == str(SIGNAL)
    with pytest.raises(cevns.InputError):
        cevns.analysis_fit(tmp_path / "missing.yaml")


def test_bad_analysis_file_raises_config_error_with_file_and_line(tmp_path):
    path, line = _analysis_file(tmp_path, {"radii": "lewin-smith"}, extra_key="deformaton_beta2")
    with pytest.raises(cevns.ConfigError, match=f"{path}:{line}") as error:
        cevns.analysis_fit(path)
    assert "deformation_beta2" in str(error.value)  # the did-you-mean of the misspelt key
    for function in (cevns.likelihood, cevns.toys):
        with pytest.raises(cevns.ConfigError, match=f"{path}:{line}"):
            function(path)
    r = _run_cli("fit", path, "--json")
    assert r.returncode != 0
    assert str(error.value) in r.stderr  # the same message as the command line


# ---- cevns toys ----------------------------------------------------------------------------------

def test_toys_equal_cli_and_their_table(cli):
    reference = cli("toys", SIGNAL, "--count", 16, "--seed", 7, "--threads", 2)
    r = cevns.toys(str(SIGNAL), count=16, seed=7, threads=2)
    for key in ("file", "toys", "invalid_toys", "seed", "evaluated_toys", "nominal_coverage", "parameters",
                "threads", "mpi_ranks", "resumed_toys"):
        _same(r[key], reference[key], key)
    table = r["table"]
    assert table["toy"].tolist() == list(range(16))
    valid = table["valid"]
    assert valid.sum() == r["toys"] - r["invalid_toys"]
    # The summary again from the per-toy columns (toy_study.hpp: coverage = fraction with q_truth < 1).
    for p in r["parameters"]:
        name = p["name"]
        values = table[name][valid]
        assert np.mean(values) == pytest.approx(p["mean"], rel=1e-12)
        assert np.std(values, ddof=1) == pytest.approx(p["standard_deviation"], rel=1e-10)
        assert np.mean(table[f"{name}_q_truth"][valid] < 1.0) == pytest.approx(p["coverage"], rel=1e-12)
        assert np.mean(np.abs(table[f"{name}_pull"][valid]) < 1.0) == pytest.approx(p["hessian_coverage"], rel=1e-12)
    assert np.all(np.isnan(table["minus_two_lnl"][~valid]))
    assert np.all(np.isfinite(table["minus_two_lnl"][valid]))
    # Toy k depends on (seed, k) only.
    single = cevns.toys(SIGNAL, count=16, seed=7, threads=1)
    assert single["table"]["signal_scale"].tolist() == table["signal_scale"].tolist()
    other = cevns.toys(SIGNAL, count=16, seed=8, threads=2)
    assert other["table"]["signal_scale"].tolist() != table["signal_scale"].tolist()


def test_toys_check_their_arguments():
    with pytest.raises(cevns.InputError, match="count"):
        cevns.toys(SIGNAL, count=0)
    with pytest.raises(cevns.InputError, match="threads"):
        cevns.toys(SIGNAL, count=2, threads=-1)


# ---- the likelihood ------------------------------------------------------------------------------

def _deviance(mu, n):
    """Baker-Cousins 2 sum [mu - n + n ln(n/mu)], written out here."""
    positive = n > 0
    log_term = np.zeros_like(n)
    log_term[positive] = n[positive] * np.log(n[positive] / mu[positive])
    return 2.0 * np.sum(mu - n + log_term)


def test_likelihood_matches_the_fit_and_a_numpy_deviance():
    fit = cevns.analysis_fit(SIGNAL)
    L = cevns.likelihood(SIGNAL)
    assert L.parameters == [p["name"] for p in fit["parameters"]]
    assert L.bins == fit["bins"] == len(L.observed)
    best = np.array([p["value"] for p in fit["parameters"]])
    assert L.minus_two_lnl(best) == pytest.approx(fit["minus_two_lnl"], rel=1e-12)
    mu = L.expected(best)
    for block, experiment in zip(L.experiments, fit["experiments"]):
        assert block["id"] == experiment["id"]
        part = slice(block["offset"], block["offset"] + block["bins"])
        assert mu[part].sum() == pytest.approx(experiment["signal_counts"] + experiment["background_counts"], rel=1e-10)
        assert L.observed[part].sum() == pytest.approx(experiment["observed_counts"], rel=1e-12)
    # Asimov data: the observed counts are the expectation at the truth, where -2 ln L vanishes.
    assert L.observed == pytest.approx(L.expected(L.truth), rel=1e-12)
    assert L.minus_two_lnl(L.truth) == pytest.approx(0.0, abs=1e-8)
    # Away from the truth in the parameter of interest only (no constraint term): the deviance.
    x = L.values(signal_scale=1.3)
    assert L.minus_two_lnl(x) == pytest.approx(_deviance(L.expected(x), L.observed), rel=1e-10)
    assert L.minus_two_lnl(x) > 1.0


def test_likelihood_vectorises_and_its_gradient_is_the_derivative():
    L = cevns.likelihood(SIGNAL)
    rng = np.random.default_rng(5)
    points = L.truth + rng.uniform(-0.05, 0.05, (4, len(L.parameters)))
    many = L.expected(points)
    assert many.shape == (4, L.bins)
    values, gradients = L.minus_two_lnl(points, gradient=True)
    assert values.shape == (4,) and gradients.shape == (4, len(L.parameters))
    for i in range(4):
        assert many[i].tolist() == L.expected(points[i]).tolist()
        assert values[i] == L.minus_two_lnl(points[i])
        h = 1e-6
        for k in range(len(L.parameters)):
            up, down = points[i].copy(), points[i].copy()
            up[k] += h
            down[k] -= h
            numeric = (L.minus_two_lnl(up) - L.minus_two_lnl(down)) / (2 * h)
            assert gradients[i, k] == pytest.approx(numeric, rel=1e-4, abs=1e-4)


def test_likelihood_checks_its_input():
    L = cevns.likelihood(SIGNAL)
    with pytest.raises(cevns.InputError, match="one number per free parameter"):
        L.expected([1.0])
    with pytest.raises(cevns.InputError, match="finite"):
        L.minus_two_lnl(np.full(len(L.parameters), np.nan))
    with pytest.raises(cevns.InputError, match="unknown parameter"):
        L.values(signal_scal=1.0)


# ---- release fits and reactor monitoring --------------------------------------------------------

@pytest.mark.parametrize("release", ["coherent-csi-2017", "coherent-csi-2021"])
def test_release_fit_equals_cli(cli, release):
    reference = cli("release-fit", "--release", release)
    r = cevns.release_fit(release)
    _same(r, reference)
    assert set(r) == set(reference) - {"cevns"}


def test_release_fit_physics_keywords_and_errors(cli):
    reference = cli("release-fit", "--release", "coherent-csi-2017", "--form-factor", "klein-nystrand")
    r = cevns.release_fit("coherent-csi-2017", form_factor="klein-nystrand")
    _same(r, reference)
    assert r["predicted_events"] != cevns.release_fit("coherent-csi-2017")["predicted_events"]
    with pytest.raises(cevns.InputError, match="unknown release") as error:
        cevns.release_fit("coherent-csi-2018")
    r = _run_cli("release-fit", "--release", "coherent-csi-2018")
    assert r.returncode != 0 and str(error.value) in r.stderr


def test_reactor_monitor_equals_cli(cli):
    _same(cevns.reactor_monitor(), cli("reactor-monitor"))
    reference = cli("reactor-monitor", "--power-MW", 1000, "--distance-m", 15, "--delta-pu239", 0.05,
                    "--free-power", "--exposure-days", 200)
    r = cevns.reactor_monitor(power_MW=1000, distance_m=15, delta_pu239=0.05, free_power=True, exposure_days=200)
    _same(r, reference)
    assert r["setup"]["power_prior_relative"] == "free"


def test_reactor_monitor_checks_options():
    with pytest.raises(cevns.InputError, match="did you mean|use power_MW"):
        cevns.reactor_monitor(power_mw=1000)
    with pytest.raises(cevns.InputError, match="delta_pu239"):
        cevns.reactor_monitor(delta_pu239=0.9)


# ---- deformation_beta2 ---------------------------------------------------------------------------

def test_deformation_beta2_in_xsec_equals_cli(cli):
    base = cevns.xsec("Ar40", 30.0, radii="lewin-smith")
    assert cevns.xsec("Ar40", 30.0, radii="lewin-smith", deformation_beta2=0.0)["total_cm2"] == base["total_cm2"]
    deformed = cevns.xsec("Ar40", 30.0, radii="lewin-smith", deformation_beta2=0.3)
    assert 0.9 < deformed["total_cm2"] / base["total_cm2"] < 0.999
    reference = cli("xsec", "--target", "Ar40", "--enu", 30, "--radii", "lewin-smith", "--deformation-beta2", 0.3)
    assert deformed["total_cm2"] == pytest.approx(reference["total_cm2"], rel=1e-14)
    # The rms radii grow by sqrt(1 + 5 beta2^2 / (4 pi)).
    ff0 = cevns.nuclear_form_factors("Ar40", 50.0, radii="lewin-smith")
    ff3 = cevns.nuclear_form_factors("Ar40", 50.0, radii="lewin-smith", deformation_beta2=0.3)
    scale = np.sqrt(1 + 5 * 0.3**2 / (4 * np.pi))
    assert ff3["proton_rms_radius_fm"] == pytest.approx(ff0["proton_rms_radius_fm"] * scale, rel=1e-12)
    with pytest.raises(cevns.InputError, match="lewin-smith"):
        cevns.xsec("Ar40", 30.0, deformation_beta2=0.3)
    with pytest.raises(cevns.InputError, match="0.6"):
        cevns.xsec("Ar40", 30.0, radii="lewin-smith", deformation_beta2=0.8)


def test_deformation_beta2_in_the_analysis_physics_block(tmp_path):
    def total(physics):
        path, _ = _analysis_file(tmp_path, physics)
        L = cevns.likelihood(path)
        return L.expected(L.truth).sum()

    spherical = total({"radii": "lewin-smith"})
    assert total({"radii": "lewin-smith", "deformation_beta2": 0.0}) == spherical
    assert total({"radii": "lewin-smith", "deformation_beta2": 0.3}) < spherical
    path, line = _analysis_file(tmp_path, {"deformation_beta2": 0.3})
    with pytest.raises(cevns.ConfigError, match="lewin-smith") as error:
        cevns.likelihood(path)
    assert f"{path}:{line}: key 'physics.deformation_beta2'" in str(error.value)
    with pytest.raises(cevns.ConfigError, match="0.6"):
        cevns.likelihood(_analysis_file(tmp_path, {"radii": "lewin-smith", "deformation_beta2": 0.8})[0])
