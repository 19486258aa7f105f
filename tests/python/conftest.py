"""Fixtures of the Python-module tests: the cevns package from the build tree (PYTHONPATH, set by
ctest) and the command-line binary named by $CEVNS_BIN, the independent route the module is
compared with."""
import sys, pathlib; sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
import strict_approx  # noqa: E402,F401  (pytest.approx without its 1e-12 absolute tolerance)

import json
import os
import subprocess

import pytest

try:
    import cevns
except ImportError as error:  # pragma: no cover - a setup problem, not a test failure
    raise pytest.UsageError(f"cannot import cevns ({error}): set PYTHONPATH=<build>/python or run through ctest")


@pytest.fixture(scope="session")
def python_env():
    """The environment for a child python3 that must import the same cevns package."""
    env = os.environ.copy()
    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(cevns.__file__)))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH")) if p)
    env["MPLBACKEND"] = "Agg"
    return env


@pytest.fixture
def cli():
    """Runs `cevns ARGS... --json` and returns the parsed document; skips without $CEVNS_BIN."""
    binary = os.environ.get("CEVNS_BIN")
    if not binary:
        pytest.skip("CEVNS_BIN is not set: run these tests through ctest to compare with the CLI")

    def run(*args):
        proc = subprocess.run([binary, *map(str, args), "--json"], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    return run
