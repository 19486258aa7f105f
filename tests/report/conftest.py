"""Fixtures of the report tests (docs/report.md): the cevns binary named by $CEVNS_BIN (set by ctest)."""
import sys, pathlib; sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
import strict_approx  # noqa: E402,F401  (pytest.approx without its 1e-12 absolute tolerance)

import os
import subprocess

import pytest


@pytest.fixture(scope="session")
def cevns_bin():
    binary = os.environ.get("CEVNS_BIN")
    if not binary:
        pytest.fail("CEVNS_BIN is not set: run these tests through ctest (ctest -R report)")
    return binary


@pytest.fixture(scope="session")
def run(cevns_bin):
    def run_cevns(*args, timeout=300, cwd=None):
        return subprocess.run([cevns_bin, *map(str, args)], capture_output=True, text=True, timeout=timeout, cwd=cwd)

    return run_cevns
