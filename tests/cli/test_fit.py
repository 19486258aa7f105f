"""`cevns fit`, `cevns toys` and the scan quantity `profile_likelihood`: JSON keys, Asimov fits
that recover the truth, byte-identical toys across threads and after --resume, and one clear
stderr line with exit code 2 or 3 on bad input."""
import os
import pathlib
import shutil
import subprocess

import pytest

HERE = pathlib.Path(__file__).parent
ROOT = HERE.parent.parent
REACTOR = HERE / "data" / "analysis_reactor.yaml"
CSI = ROOT / "examples" / "analyses" / "profile-coherent-csi.yaml"
PROFILE_SMALL = HERE / "data" / "profile_small.yaml"


def test_fit_json(cevns):
    r = cevns("fit", REACTOR, "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    for key in ("file", "bins", "minus_two_lnl", "covariance_ok", "evaluations", "parameters",
                "correlation", "tests", "scans", "experiments", "fit_seed", "cevns"):
        assert key in d, key
    assert d["bins"] == 16 and d["covariance_ok"]
    names = [p["name"] for p in d["parameters"]]
    assert names == ["signal_scale", "flux", "background:flat", "quenching"]
    for p in d["parameters"]:
        assert set(p) == {"name", "interest", "value", "error", "min", "max", "at_bound"}
        assert p["value"] == pytest.approx(1.0, abs=1e-3 * p["error"])  # Asimov: the truth
    assert d["minus_two_lnl"] < 1e-8
    assert d["correlation"]["names"] == names
    assert d["correlation"]["matrix"][0][0] == 1.0
    test = d["tests"][0]
    assert test["parameter"] == "signal_scale" and test["test"] == "one-sided"
    assert test["significance_sigma"] == pytest.approx(test["q"] ** 0.5, rel=1e-12)
    assert test["significance_sigma"] > 3
    scan = d["scans"][0]
    assert len(scan["values"]) == 21 and scan["level"] == pytest.approx(1.0, rel=1e-9)
    error = d["parameters"][0]["error"]
    interval = scan["interval_68"]
    # Asimov: the profile-likelihood interval contains the truth and is as wide as the Hessian
    # one (asymmetric: the signal enters as signal_scale x flux).
    assert interval["lower"] < 1.0 < interval["upper"]
    assert not interval["lower_open"] and not interval["upper_open"]
    assert (interval["upper"] - interval["lower"]) / 2 == pytest.approx(error, rel=0.03)
    e = d["experiments"][0]
    assert e["id"] == "my-reactor-experiment" and set(e["background_components"]) == {"flat"}
    assert e["signal_counts"] + e["background_counts"] == pytest.approx(e["observed_counts"], rel=1e-9)
    assert d["cevns"]["version"]


def test_fit_text(cevns):
    r = cevns("fit", REACTOR)
    assert r.returncode == 0, r.stderr
    assert "-2 ln L" in r.stdout and "* signal_scale" in r.stdout and "significance" in r.stdout
    assert "68.27 % interval" in r.stdout


def test_fit_coherent_csi_example(cevns):
    r = cevns("fit", CSI, "--json", timeout=300)
    assert r.returncode == 0, r.stderr
    d = r.json()
    assert d["bins"] == 1200
    assert [p["name"] for p in d["parameters"]] == [
        "eps_uV", "eps_dV", "flux", "quenching", "background:steady-state", "background:prompt-neutrons"]
    assert d["minus_two_lnl"] < 1e-6
    assert {t["parameter"] for t in d["tests"]} == {"eps_uV", "eps_dV"}
    for t in d["tests"]:
        assert t["q"] < 1e-6 and t["test"] == "two-sided"  # Asimov at the SM: the null is the best fit
    assert not d["covariance_ok"]  # one nucleus: eps_uV and eps_dV degenerate


def test_fit_with_a_data_table(cevns, tmp_path):
    table = tmp_path / "counts.txt"
    table.write_text("# 16 keVee bins\n" + "\n".join(str(50 + k) for k in range(16)) + "\n")
    f = tmp_path / "a.yaml"
    f.write_text(REACTOR.read_text().replace("../../../examples", str(ROOT / "examples"))
                 .replace("asimov: true", "data: counts.txt"))
    r = cevns("fit", f, "--json")
    assert r.returncode == 0, r.stderr
    assert r.json()["experiments"][0]["observed_counts"] == sum(50 + k for k in range(16))
    table.write_text("1 2 3\n")
    r = cevns("fit", f)
    assert r.returncode == 3
    assert len(r.stderr.strip().splitlines()) == 1
    assert "counts.txt: 3 counts, expected 16 (16 energy bins x 1 time bins" in r.stderr


@pytest.mark.parametrize("edit, code, message", [
    (("width: 0.1}", "widt: 0.1}"), 3, ":9: key 'nuisances[0].widt': unknown key (did you mean width?)"),
    (("signal_scale", "signal_scal"), 3, "unknown parameter of interest 'signal_scal' (did you mean signal_scale"),
    (("background:flat", "background:flatt"), 2, "no experiment of the analysis has a background 'flatt' (did you mean flat?)"),
    (("min: 0, max: 3", "min: 0, max: abc"), 3, ":7: key 'parameters[0].max': wrong type"),
    (("asimov: true", "asimov: false"), 3, "key 'experiments[0].data': missing"),
])
def test_bad_analysis_files(cevns, tmp_path, edit, code, message):
    f = tmp_path / "bad.yaml"
    f.write_text(REACTOR.read_text().replace("../../../examples", str(ROOT / "examples")).replace(*edit))
    for command in (("fit", f), ("toys", f, "--count", 2)):
        r = cevns(*command)
        assert r.returncode == code, (command, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1 and message in r.stderr, r.stderr


def test_missing_analysis_file_and_bad_options(cevns, tmp_path):
    r = cevns("fit", tmp_path / "nope.yaml")
    assert r.returncode == 2 and "analysis file not found" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    r = cevns("toys", REACTOR, "--resume")
    assert r.returncode == 2 and "--resume needs --out" in r.stderr
    r = cevns("toys", REACTOR, "--count", 0)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1


def test_toys_json_and_identical_across_threads(cevns, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    r = cevns("toys", REACTOR, "--out", a, "--threads", 1, "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    for key in ("file", "out", "toys", "invalid_toys", "seed", "resumed_toys", "evaluated_toys",
                "nominal_coverage", "parameters", "threads", "mpi_ranks", "seconds", "cevns"):
        assert key in d, key
    assert d["toys"] == 40 and d["seed"] == 7 and d["invalid_toys"] == 0
    p = d["parameters"][0]
    assert p["name"] == "signal_scale" and p["toys"] == 40
    for key in ("truth", "mean", "standard_deviation", "mean_error", "pull_mean", "pull_mean_error",
                "pull_width", "pull_width_error", "coverage", "coverage_error", "hessian_coverage"):
        assert key in p, key
    assert 0.0 <= p["coverage"] <= 1.0
    assert cevns("toys", REACTOR, "--out", b, "--threads", 2).returncode == 0
    assert a.read_bytes() == b.read_bytes()
    rows = a.read_text().splitlines()
    assert rows[0] == ("index,toy,minus_two_lnl,signal_scale,signal_scale_error,signal_scale_pull,"
                       "signal_scale_q_truth,signal_scale_q_null,status")
    assert [int(x.split(",")[0]) for x in rows[1:]] == list(range(40))
    assert not pathlib.Path(str(a) + ".checkpoint").exists()
    # Another seed gives other toys.
    c = tmp_path / "c.csv"
    assert cevns("toys", REACTOR, "--out", c, "--seed", 8).returncode == 0
    assert c.read_bytes() != a.read_bytes()


def test_toys_resume_is_byte_identical(cevns, tmp_path):
    reference, resumed = tmp_path / "ref.csv", tmp_path / "resumed.csv"
    assert cevns("toys", REACTOR, "--out", reference, "--threads", 2).returncode == 0
    rows = reference.read_text().splitlines()
    names = rows[0].split(",")[2:-1]
    # A checkpoint holding toys 0-14 and 30 (as a killed run leaves it): index,status,values.
    lines = ["# cevns scan checkpoint: index,status," + ",".join(names)]
    for row in rows[1:16] + rows[31:32]:
        fields = row.split(",")
        lines.append(",".join([fields[0], fields[-1]] + fields[2:-1]))
    pathlib.Path(str(resumed) + ".checkpoint").write_text("\n".join(lines) + "\n")
    r = cevns("toys", REACTOR, "--out", resumed, "--threads", 2, "--resume", "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    assert d["resumed_toys"] == 16 and d["evaluated_toys"] == 24
    assert resumed.read_bytes() == reference.read_bytes()


def test_profile_likelihood_scan(cevns, tmp_path):
    out = tmp_path / "p.csv"
    r = cevns("scan", PROFILE_SMALL, "--out", out, "--threads", 2, "--json", timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.json()["points"] == 12
    rows = out.read_text().splitlines()
    assert rows[0] == ("index,eps_uV,eps_dV,minus_two_lnl,delta_chi2,flux,quenching,"
                       "background:steady-state,background:prompt-neutrons,status")
    values = [dict(zip(rows[0].split(","), row.split(","))) for row in rows[1:]]
    assert all(v["status"] == "ok" for v in values)
    deltas = {(round(float(v["eps_uV"]), 9), round(float(v["eps_dV"]), 9)): float(v["delta_chi2"])
              for v in values}
    assert min(deltas.values()) > -1e-6
    assert deltas[(0.0, 0.0)] < 1e-6  # Asimov data at the SM
    assert deltas[(0.2, 0.1)] > 1.0


def test_profile_likelihood_scan_errors(cevns, tmp_path):
    f = tmp_path / "s.yaml"
    f.write_text(PROFILE_SMALL.read_text().replace("../../../examples", str(ROOT / "examples"))
                 .replace("name: eps_dV", "name: sin2w"))
    r = cevns("scan", f, "--out", tmp_path / "o.csv")
    assert r.returncode == 2
    assert "'sin2w' is not a free parameter of interest of the analysis" in r.stderr
    f.write_text(PROFILE_SMALL.read_text().replace("../../../examples", "/nonexistent"))
    r = cevns("scan", f, "--out", tmp_path / "o.csv")
    assert r.returncode == 3 and "key 'analysis': file not found" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(shutil.which("mpirun") is None or os.environ.get("CEVNS_WITH_MPI") == "0",
                    reason="OpenMPI not installed, or cevns built without MPI")
def test_toys_mpi_two_ranks_identical_to_one_process(cevns, tmp_path):
    serial, parallel = tmp_path / "serial.csv", tmp_path / "mpi.csv"
    assert cevns("toys", REACTOR, "--out", serial, "--threads", 1).returncode == 0
    proc = subprocess.run(["mpirun", "--allow-run-as-root", "--oversubscribe", "-n", "2",
                           os.environ["CEVNS_BIN"], "toys", str(REACTOR), "--out", str(parallel),
                           "--threads", "1", "--json"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert '"mpi_ranks": 2' in proc.stdout
    assert serial.read_bytes() == parallel.read_bytes()
