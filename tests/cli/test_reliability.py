"""Reliability: every reproducer of a crash, a silent loss, a NaN or an undocumented exit code
found by hostile use stays fixed; interrupted scans flush their checkpoint and exit 128 + signal;
--resume refuses a checkpoint of another scan definition; writes are checked."""
import os
import pathlib
import re
import signal
import subprocess
import time

import pytest

HERE = pathlib.Path(__file__).parent
ROOT = HERE.parent.parent
EXAMPLE = ROOT / "examples" / "scans" / "sin2w-csi-sns.yaml"
SLOW = HERE / "data" / "slow_scan.yaml"
CSI = ROOT / "data" / "experiments" / "coherent-csi-2017.yaml"
NON_FINITE = re.compile(r"(?i)\b-?(nan|inf|infinity)\b")
DOCUMENTED = {2, 3, 4, 5, 6}


def assert_clean_failure(r, *names):
    assert r.returncode in DOCUMENTED, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cevns: error: "), r.stderr
    for n in names:
        assert n in lines[0], (n, lines[0])
    assert not NON_FINITE.search(r.stdout), r.stdout


# The command lines of the reliability report, each with what its message must name.
REPRODUCERS = [
    (["reactor-monitor", "--power-prior", "1e-320"], ["prior"]),
    (["reactor-monitor", "--power-prior", "4.9e-324"], ["prior"]),
    (["xsec", "--target", "Ar40", "--enu", "1e308"], ["--enu", "MeV"]),
    (["xsec", "--target", "Ar40", "--enu", "30", "--neutron-radius-fm", "1e308"], ["--neutron-radius-fm", "fm"]),
    (["xsec", "--target", "Ar40", "--enu", "30", "--zprime", "mass_MeV=10,coupling=1e100"], ["coupling", "10"]),
    (["xsec", "--target", "Ar40", "--enu", "30", "--scalar", "mass_MeV=10,coupling=1e100"], ["coupling", "10"]),
    (["xsec", "--target", "Ar40", "--enu", "30", "--nsi", "eps_ee_uV=1e100"], ["--nsi", "eps_ee_uV"]),
    (["xsec", "--target", "Ar40", "--enu", "30", "--tensor", "eps_ee_uT=1e100"], ["--tensor", "eps_ee_uT"]),
    (["xsec", "--target", "Ar40", "--enu", "30", "--magnetic-moment", "1e100"], ["--magnetic-moment"]),
    (["xsec", "--target", "Ar40", "--enu", "30", "--millicharge", "1e100"], ["--millicharge"]),
    (["compare", "--target", "Ge", "--enu", "1e308"], ["--enu"]),
    (["flux", "--source", "reactor", "--power-GW", "3", "--distance-m", "1e-320"], ["--distance-m", "m"]),
    (["significance", "--on", "1e308", "--off", "1"], ["--on"]),
    (["toys", str(ROOT / "examples/analyses/fit-coherent-csi.yaml"), "--count", "-1"], ["--count"]),
    (["xsec", "--target", "Ar40", "--enu", "30", "--sin2w", ""], ["--sin2w", "empty"]),
    (["flux", "--source", "reactor", "--activity-MCi", "3"], ["--activity-MCi", "reactor"]),
]


@pytest.mark.parametrize("args,names", REPRODUCERS, ids=[" ".join(a[:4]) for a, _ in REPRODUCERS])
def test_reproducers_fail_cleanly(cevns, args, names):
    assert_clean_failure(cevns(*args), *names)


def edited(tmp_path, text, name="x.yaml"):
    p = tmp_path / name
    p.write_text(text)
    return p


@pytest.mark.parametrize("old,new,names", [
    ("mass_kg: 14.57", "mass_kg: 1e308", ["target.mass_kg", "kg"]),
    ("pulse_sigma_ns: 150", "pulse_sigma_ns: 1e26", ["timing.pulse_sigma_ns", "ns"]),
    ("bin_edges_pe: {min: 0, max: 50, width: 1}", "bin_edges_pe: [-1, 0, 1]", ["bin_edges_pe", ">= 0"]),
    ("bin_edges_pe: {min: 0, max: 50, width: 1}", "bin_edges_pe: {min: 0, max: 50, width: 1e-300}",
     ["bin_edges_pe", "100000"]),
    ("distance_m: 19.3", "distance_m: []", ["distance_m", "empty"]),
    ("  a: 0.6655", "  [a, b]: 1", ["efficiency", "plain"]),
    ("  a: 0.6655", "  a: 0.6655\n  a: 0.7", ["efficiency.a", "twice"]),
    ("  x0: 10.8507", "  x0: 10.8507\n  file: /etc/passwd", ["efficiency.file", "logistic"]),
    ("live_days: 308.1", "live_days: .nan", ["live_days", "finite"]),
])
def test_bad_experiment_values(cevns, tmp_path, old, new, names):
    text = CSI.read_text()
    assert old in text
    r = cevns("rate", "--experiment", edited(tmp_path, text.replace(old, new)))
    assert_clean_failure(r, *names)
    assert r.returncode == 3


def test_second_yaml_document_is_an_error(cevns, tmp_path):
    r = cevns("rate", "--experiment", edited(tmp_path, CSI.read_text() + "\n---\nid: other\n"))
    assert_clean_failure(r, "document")


def test_a_table_file_is_never_quoted(cevns, tmp_path):
    secret = "TOP-SECRET-LINE not a number"
    (tmp_path / "private.txt").write_text(secret + "\n")
    text = (ROOT / "data/experiments/coherent-lar-2020.yaml").read_text()
    text = re.sub(r"file: detectors/coherent_lar_2020/CENNS10AnlAEfficiency.txt", "file: " + str(tmp_path / "private.txt"), text)
    r = cevns("rate", "--experiment", edited(tmp_path, text))
    assert_clean_failure(r, "private.txt")
    assert "SECRET" not in r.stderr and "SECRET" not in r.stdout


@pytest.mark.parametrize("old,new,names", [
    ("points: 13}", "points: 1000000}", ["parameters", "1e8"]),
    ("points: 13}", "points: -1}", ["parameters[0].points", "whole"]),
    ("points: 13}", "points: 2.5}", ["parameters[0].points", "whole"]),
    ("min: 0.20", "min: .inf", ["parameters[0].min", "finite"]),
])
def test_bad_scan_values(cevns, tmp_path, old, new, names):
    text = EXAMPLE.read_text()
    assert old in text
    text = text.replace(old, new).replace("points: 5}", "points: 1000}")
    r = cevns("scan", edited(tmp_path, text), "--out", tmp_path / "out.csv")
    assert_clean_failure(r, *names)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_full_disk_is_an_error_naming_the_path(cevns, tmp_path):
    r = cevns("scan", EXAMPLE, "--out", "/dev/full")
    assert r.returncode == 6 and "/dev/full" in r.stderr, r.stderr
    with open("/dev/full", "w") as full:
        proc = subprocess.run([os.environ["CEVNS_BIN"], "xsec", "--target", "Ar40", "--enu", "30"],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert proc.returncode == 6 and "standard output" in proc.stderr, proc.stderr


def data_lines(path):
    return [l for l in path.read_text().splitlines() if l and not l.startswith("#")]


@pytest.mark.parametrize("sig,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_flushes_the_checkpoint_and_resume_completes(cevns, tmp_path, sig, code):
    reference, out = tmp_path / "ref.csv", tmp_path / "out.csv"
    assert cevns("scan", SLOW, "--out", reference, "--threads", 2).returncode == 0
    checkpoint = pathlib.Path(str(out) + ".checkpoint")
    proc = subprocess.Popen([os.environ["CEVNS_BIN"], "scan", str(SLOW), "--out", str(out), "--threads", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline and not (checkpoint.exists() and checkpoint.read_text().count("\n") > 50):
        time.sleep(0.01)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert "interrupted" in err and "--resume" in err
    assert not out.exists()
    done = [int(l.split(",")[0]) for l in data_lines(checkpoint)]
    assert 0 < len(done) < 1200 and len(done) == len(set(done))
    # every line is whole: a flushed checkpoint, not one cut mid-line
    assert checkpoint.read_text().endswith("\n")
    r = cevns("scan", SLOW, "--out", out, "--threads", 2, "--resume", "--json")
    assert r.returncode == 0, r.stderr
    assert r.json()["resumed_points"] == len(done)
    assert out.read_bytes() == reference.read_bytes()


def test_resume_refuses_a_changed_definition(cevns, tmp_path):
    scan = edited(tmp_path, SLOW.read_text(), "scan.yaml")
    out = tmp_path / "out.csv"
    checkpoint = pathlib.Path(str(out) + ".checkpoint")
    proc = subprocess.Popen([os.environ["CEVNS_BIN"], "scan", str(scan), "--out", str(out), "--threads", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and not (checkpoint.exists() and checkpoint.read_text().count("\n") > 20):
        time.sleep(0.01)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    before = checkpoint.read_text()
    assert "# definition: " in before
    scan.write_text(SLOW.read_text().replace("max: 0.26", "max: 0.27"))
    r = cevns("scan", scan, "--out", out, "--resume")
    assert_clean_failure(r, "another scan definition", str(checkpoint))
    assert checkpoint.read_text() == before, "a refused resume must leave the checkpoint as it was"
    # comments and formatting are not part of the definition
    scan.write_text("# a comment\n" + SLOW.read_text())
    r = cevns("scan", scan, "--out", out, "--resume", "--json")
    assert r.returncode == 0, r.stderr


def test_exit_code_one_never_happens_in_the_sources():
    """Exit 1 is not a documented code: no source may return or exit with it."""
    pattern = re.compile(r"\b(return|exit|_Exit|quick_exit)\s*\(?\s*1\s*\)?\s*;|EXIT_FAILURE")
    offenders = []
    for folder in ("apps", "src"):
        for f in (ROOT / folder).rglob("*.cpp"):
            for n, line in enumerate(f.read_text().splitlines(), 1):
                if pattern.search(line) and ("main" in f.name or "exit" in line or "EXIT" in line):
                    offenders.append(f"{f.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not offenders, offenders


def test_docs_list_every_option_and_key_with_its_range():
    import sys
    sys.path.insert(0, str(HERE))
    import test_bad_inputs
    docs = (ROOT / "docs" / "reliability.md").read_text()
    for sub in test_bad_inputs.BASE:
        for option, kind, spec in test_bad_inputs.options_of(sub):
            assert f"| `{option}` |" in docs, option
            if spec.strip():
                assert spec.strip() in docs, (option, spec)
    limits = (ROOT / "src" / "io" / "yaml_limits.cpp").read_text()
    for key in re.findall(r'(?:number|count)\("(\w+)"', limits):
        assert f"| `{key}` |" in docs, key
