"""`cevns scan`: threads, MPI ranks and a SIGKILL + --resume all give byte-identical results."""
import os
import pathlib
import shutil
import signal
import subprocess
import time

import pytest

HERE = pathlib.Path(__file__).parent
EXAMPLE = HERE.parent.parent / "examples" / "scans" / "sin2w-csi-sns.yaml"
SLOW = HERE / "data" / "slow_scan.yaml"


def test_threads_give_identical_files(cevns, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert cevns("scan", EXAMPLE, "--out", a, "--threads", 1).returncode == 0
    r = cevns("scan", EXAMPLE, "--out", b, "--threads", 2, "--json")
    assert r.returncode == 0, r.stderr
    assert r.json()["points"] == 65
    assert a.read_bytes() == b.read_bytes()
    rows = a.read_text().splitlines()
    assert rows[0] == "index,sin2w,neutron_skin_fm,flux_averaged_cm2,status"
    assert [int(x.split(",")[0]) for x in rows[1:]] == list(range(65))
    assert not (tmp_path / "a.csv.checkpoint").exists()


@pytest.mark.skipif(shutil.which("mpirun") is None or os.environ.get("CEVNS_WITH_MPI") == "0",
                    reason="OpenMPI not installed, or cevns built without MPI")
def test_mpi_two_ranks_identical_to_one_process(cevns, tmp_path):
    serial, parallel = tmp_path / "serial.csv", tmp_path / "mpi.csv"
    assert cevns("scan", EXAMPLE, "--out", serial, "--threads", 1).returncode == 0
    proc = subprocess.run(["mpirun", "--allow-run-as-root", "--oversubscribe", "-n", "2",
                           os.environ["CEVNS_BIN"], "scan", str(EXAMPLE), "--out", str(parallel),
                           "--threads", "1", "--json"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert '"mpi_ranks": 2' in proc.stdout
    assert serial.read_bytes() == parallel.read_bytes()


def test_sigkill_then_resume_loses_nothing(cevns, tmp_path):
    reference, killed = tmp_path / "ref.csv", tmp_path / "killed.csv"
    assert cevns("scan", SLOW, "--out", reference, "--threads", 2).returncode == 0
    checkpoint = pathlib.Path(str(killed) + ".checkpoint")
    proc = subprocess.Popen([os.environ["CEVNS_BIN"], "scan", str(SLOW), "--out", str(killed),
                             "--threads", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        if checkpoint.exists() and checkpoint.read_text().count("\n") > 100:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not killed.exists(), "the scan finished before it could be killed"
    lines = [l for l in checkpoint.read_text().splitlines() if l and not l.startswith("#")]
    done = [int(l.split(",")[0]) for l in lines]
    assert len(done) == len(set(done)) and 0 < len(done) < 1200
    r = cevns("scan", SLOW, "--out", killed, "--threads", 2, "--resume", "--json")
    assert r.returncode == 0, r.stderr
    summary = r.json()
    assert summary["resumed_points"] >= len(done)
    assert summary["resumed_points"] + summary["evaluated_points"] == 1200
    assert killed.read_bytes() == reference.read_bytes()


@pytest.mark.parametrize("content, message", [
    ("quantity: flux_averaged_cross_section\ntarget: CsI\nsource: sns\nparameters:\n  - {name: sin2w, min: 0.2, max: 0.3, pionts: 3}\n", ":5: key 'parameters[0].pionts': unknown key (did you mean points?)"),
    ("quantity: flux_averaged_xsec\ntarget: CsI\nsource: sns\nparameters:\n  - {name: sin2w, min: 0.2, max: 0.3}\n", "did you mean flux_averaged_cross_section"),
    ("quantity: flux_averaged_cross_section\ntarget: CsI\nsource: sns\nparameters:\n  - {name: sin2w, min: 0.2, max: abc}\n", "wrong type"),
    ("quantity: [unclosed\n", "malformed YAML"),
])
def test_bad_scan_files(cevns, tmp_path, content, message):
    f = tmp_path / "bad.yaml"
    f.write_text(content)
    r = cevns("scan", f, "--out", tmp_path / "o.csv")
    assert r.returncode in (2, 3)
    assert len(r.stderr.strip().splitlines()) == 1 and message in r.stderr, r.stderr


def test_nsi_asimov_scan(cevns, tmp_path):
    f = tmp_path / "nsi.yaml"
    f.write_text("quantity: nsi_asimov_delta_chi2\nexperiments: [coherent-csi-2017]\nflavour: e\n"
                 "normalisation_uncertainty: 0.1\nparameters:\n"
                 "  - {name: eps_uV, min: -0.5, max: 0.5, points: 11}\n"
                 "  - {name: eps_dV, min: -0.5, max: 0.5, points: 11}\n")
    out = tmp_path / "nsi.csv"
    r = cevns("scan", f, "--out", out, "--json")
    assert r.returncode == 0, r.stderr
    rows = [l.split(",") for l in out.read_text().splitlines()[1:]]
    assert len(rows) == 121
    chi2 = {(float(u), float(d)): float(c) for _, u, d, c, _ in rows}
    assert chi2[(0.0, 0.0)] == pytest.approx(0.0, abs=1e-9)
    assert min(chi2.values()) >= -1e-9
    assert chi2[(0.5, 0.5)] > 25  # far from the SM and off the degenerate band (2-D 5 sigma)
