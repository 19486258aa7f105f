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
])
def test_plot_errors(plot_cmd, tmp_path, args, code, message):
    proc = plot_cmd(*args)
    assert proc.returncode == code, proc.stderr
    assert message in proc.stderr
