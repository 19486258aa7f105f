"""`cevns plot KIND ... --out FILE.png|pdf` (apps/cevns/cmd_plot.cpp → cevns.plot_cli): non-empty PNG and
PDF files, and bad input with the command line's exit codes."""
import json
import os
import subprocess

import pytest

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def plot_cmd():
    binary = os.environ.get("CEVNS_BIN")
    if not binary:
        pytest.skip("CEVNS_BIN is not set: run through ctest")

    def run(*args):
        return subprocess.run([binary, "plot", *map(str, args)], capture_output=True, text=True, timeout=180)

    return run


@pytest.mark.parametrize("kind,options", [
    ("flux", ["--source", "reactor", "--power-GW", 3.9, "--distance-m", 17]),
    ("flux", ["--source", "sns,dsnb", "--distance-m", 19.3]),
    ("xsec", ["--target", "Ge"]),
    ("recoil", ["--target", "CsI", "--enu", 10, 30]),
    ("coherency", ["--target", "Ar", "Ge", "Xe"]),
    ("spectrum", ["--experiment", "coherent-lar-2020", "--log"]),
    ("time", ["--experiment", "coherent-csi-2017"]),
])
@pytest.mark.parametrize("suffix", ["png", "pdf"])
def test_plot_files(plot_cmd, tmp_path, kind, options, suffix):
    out = tmp_path / f"{kind}.{suffix}"
    proc = plot_cmd(kind, *options, "--out", out, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["files"] == [str(out.resolve())]
    data = out.read_bytes()
    assert len(data) > 5000
    assert data.startswith(PNG_MAGIC if suffix == "png" else b"%PDF")


@pytest.mark.parametrize("args,code,message", [
    (["flux", "--out", "x.png"], 2, "--source"),
    (["recoil", "--target", "CsI", "--out", "x.png"], 2, "--enu"),
    (["xsec", "--target", "Unobtainium", "--out", "x.png"], 2, "Unobtainium"),
    (["xsec", "--target", "Ge", "--out", "x.svg"], 2, ".png or .pdf"),
    (["histogram", "--out", "x.png"], 2, "histogram"),
    (["spectrum", "--out", "x.png"], 2, "--experiment"),
    (["time", "--experiment", "conus-2018", "--out", "x.png"], 2, "no time axis"),
    (["contour", "--csv", "missing.csv", "--x", "a", "--y", "b", "--out", "x.png"], 2, "missing.csv"),
    (["contour", "--out", "x.png"], 2, "--csv"),
])
def test_plot_errors(plot_cmd, tmp_path, args, code, message):
    proc = plot_cmd(*args)
    assert proc.returncode == code, proc.stderr
    assert message in proc.stderr


def test_plot_scan_results(plot_cmd, tmp_path):
    # a small 2-D scan result in the `cevns scan` format: delta_chi2 = x^2 + y^2 on a 21 x 21 grid
    rows = ["index,eps_uV,eps_dV,delta_chi2,status"]
    k = 0
    for i in range(21):
        for j in range(21):
            x, y = -1 + 0.1 * i, -1 + 0.1 * j
            rows.append(f"{k},{x:.17g},{y:.17g},{9 * (x * x + y * y):.17g},ok")
            k += 1
    scan = tmp_path / "scan.csv"
    scan.write_text("\n".join(rows) + "\n")
    out = tmp_path / "contour.png"
    proc = plot_cmd("contour", "--csv", scan, "--x", "eps_uV", "--y", "eps_dV", "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(PNG_MAGIC)
    out = tmp_path / "profile.pdf"
    proc = plot_cmd("profile", "--csv", scan, "--x", "eps_uV", "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF")
    bad = plot_cmd("contour", "--csv", scan, "--x", "eps_uV", "--y", "eps_d", "--out", tmp_path / "b.png")
    assert bad.returncode == 2 and "no column 'eps_d'" in bad.stderr
