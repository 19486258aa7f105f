"""Shared fixtures for the command-line tests: run the cevns binary named by $CEVNS_BIN."""
import sys, pathlib; sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
import strict_approx  # noqa: E402,F401  (pytest.approx without its 1e-12 absolute tolerance)

import json
import os
import subprocess

import pytest


class Result:
    def __init__(self, proc):
        self.returncode = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr

    def json(self):
        return json.loads(self.stdout)


@pytest.fixture
def cevns():
    binary = os.environ.get("CEVNS_BIN")
    if not binary:
        pytest.fail("CEVNS_BIN is not set: run these tests through ctest")

    def run(*args, timeout=120):
        proc = subprocess.run([binary, *map(str, args)], capture_output=True, text=True,
                              timeout=timeout)
        return Result(proc)

    return run
