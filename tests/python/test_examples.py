"""The scripts of examples/python run and write their figures."""
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "python"


@pytest.mark.parametrize("script, outputs, printed", [
    ("reactor_recoil_spectrum.py", ["reactor_ge_recoil_spectrum.png"], "/kg/day"),
    ("compare_channels.py", ["channels_H2O.png", "channels_H2O.pdf"], "IBD per kg is 0"),
    ("plot_flux.py", ["fluxes.png", "fluxes.pdf"], "solar"),
    ("fit_on_off.py", ["fit_csi.png"], "signal_strength = "),
])
def test_example_runs(tmp_path, python_env, script, outputs, printed):
    pytest.importorskip("matplotlib")
    path = EXAMPLES / script
    assert len(path.read_text().splitlines()) < 40
    proc = subprocess.run([sys.executable, str(path), str(tmp_path)], capture_output=True, text=True,
                          timeout=120, env=python_env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert printed in proc.stdout
    for name in outputs:
        assert (tmp_path / name).stat().st_size > 1000
