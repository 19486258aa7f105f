"""`cevns xsec` and `cevns target`: JSON keys, physics sanity, and bad-input exits."""
import math

import pytest


def test_xsec_json_has_documented_keys(cevns):
    r = cevns("xsec", "--target", "Ar40", "--enu", 30, "--recoil", 5, "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    for key in ("total_cm2", "tmax_keV", "mean_recoil_keV", "dsigma_dT_cm2_per_keV"):
        assert math.isfinite(d[key]) and d[key] > 0
    # T_max = 2E^2/(M + 2E) with M(40Ar) = 37.2 GeV: 48.3 keV at 30 MeV
    assert d["tmax_keV"] == pytest.approx(2 * 30.0**2 / (37215.5 + 60) * 1e3, rel=1e-4)


def test_material_sums_isotopes_per_molecule(cevns):
    csi = cevns("xsec", "--target", "CsI", "--enu", 20, "--json").json()
    cs = cevns("xsec", "--target", "Cs133", "--enu", 20, "--json").json()
    i = cevns("xsec", "--target", "I127", "--enu", 20, "--json").json()
    assert csi["total_cm2"] == pytest.approx(cs["total_cm2"] + i["total_cm2"], rel=1e-12)


def test_target_lists_natural_isotopes(cevns):
    d = cevns("target", "Xe", "--json").json()
    names = [iso["isotope"] for iso in d["isotopes"]]
    assert names == ["Xe124", "Xe126", "Xe128", "Xe129", "Xe130", "Xe131", "Xe132", "Xe134", "Xe136"]
    assert sum(iso["abundance"] for iso in d["isotopes"]) == pytest.approx(1.0, abs=1e-6)
    # nuclei per kg of natural xenon = N_A / (131.293 g/mol)
    total = sum(iso["nuclei_per_kg"] for iso in d["isotopes"])
    assert total == pytest.approx(6.02214076e26 / 131.293, rel=1e-4)


@pytest.mark.parametrize("args, message", [
    (("xsec", "--target", "CsJ", "--enu", 30), "did you mean"),
    (("xsec", "--target", "Ar41", "--enu", 30), "unknown isotope"),
    (("xsec", "--target", "Ar40", "--enu", -1), "--enu"),
    (("xsec", "--target", "Ar40", "--enu", 30, "--recoil", 500), "T_max"),
    (("xsec", "--target", "Ar40", "--enu", 30, "--form-factor", "helmm"), "form factor"),
    (("xsec", "--target", "Ar40", "--enu", 30, "--flavour", "nux"), "neutrino species"),
    (("xsec", "--target", "Ar40", "--enu", 30, "--sin2w", 1.5), "sin2w"),
    (("xsec", "--target", "Ar40", "--enu", 30, "--no-such-option"), "--no-such-option"),
    (("target", "Qq"), "unknown target"),
])
def test_bad_input_exits_2_with_one_clear_line(cevns, args, message):
    r = cevns(*args)
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], r.stderr
