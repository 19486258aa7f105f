"""pytest.approx without pytest's default absolute tolerance of 1e-12.

Cross sections are ~1e-38 cm^2 and fluxes ~1e13: with the default, every comparison of such numbers
passes whatever their values. Imported by the conftest.py of each pytest suite; a test that needs
an absolute tolerance (comparisons with 0) passes abs= explicitly.
"""
import pytest

_pytest_approx = pytest.approx


def strict_approx(expected, rel=None, abs=None, nan_ok=False):
    return _pytest_approx(expected, rel=1e-6 if rel is None else rel, abs=0.0 if abs is None else abs,
                          nan_ok=nan_ok)


pytest.approx = strict_approx
