"""`cevns compare`: CEvNS beside inverse beta decay and nu-e scattering; JSON keys and bad input."""
import math

import pytest

N_A = 6.02214076e23


def test_compare_json_keys_and_ge_has_no_ibd(cevns):
    r = cevns("compare", "--target", "Ge", "--enu", 10, "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    assert d["neutrino"] == "nuebar"
    # X01: ((m_n + m_e)^2 - m_p^2)/(2 m_p)
    assert d["ibd_threshold_MeV"] == pytest.approx(1.80607, abs=1e-5)
    row = d["energies"][0]
    assert row["enu_MeV"] == 10
    for key in ("cevns_cm2_per_molecule", "cevns_cm2_per_kg", "ibd_cm2_per_proton",
                "electron_cm2_per_electron", "electron_cm2_per_kg"):
        assert math.isfinite(row[key]) and row[key] > 0, key
    assert row["ibd_cm2_per_kg"] == 0
    assert d["free_protons_per_kg"] == 0
    assert any("hydrogen" in n for n in d["notes"])
    # 32 electrons per Ge atom, 72.63 g/mol (natural germanium)
    assert d["electrons_per_kg"] == pytest.approx(32 * N_A * 1e3 / 72.63, rel=1e-3)
    assert row["electron_cm2_per_kg"] == pytest.approx(
        row["electron_cm2_per_electron"] * d["electrons_per_kg"], rel=1e-12)
    # The Maneschg 2018 review's order-of-magnitude claim: CEvNS per nucleus is 10^2-10^3 times IBD or nu-e per
    # target particle (on Ge at 10 MeV it is about 90 times IBD per proton, 200 times at 3 MeV).
    assert 50 < row["cevns_cm2_per_molecule"] / row["ibd_cm2_per_proton"] < 1e4
    assert row["cevns_cm2_per_molecule"] > 100 * 32 * row["electron_cm2_per_electron"]


def test_compare_agrees_with_xsec_for_cevns(cevns):
    c = cevns("compare", "--target", "CsI", "--enu", 30, "--flavour", "numu", "--json").json()
    x = cevns("xsec", "--target", "CsI", "--enu", 30, "--flavour", "numu", "--json").json()
    assert c["energies"][0]["cevns_cm2_per_molecule"] == pytest.approx(x["total_cm2"], rel=1e-12)
    # IBD needs nuebar.
    assert c["energies"][0]["ibd_cm2_per_proton"] == 0
    assert any("nuebar" in n for n in c["notes"])


def test_water_protons_and_energy_list(cevns):
    d = cevns("compare", "--target", "H2O", "--enu", 1, 3, 10, 30, "--json").json()
    assert [r["enu_MeV"] for r in d["energies"]] == [1, 3, 10, 30]
    # 2 x 0.999885 1H per molecule, M(H2O) = 18.0153 g/mol
    assert d["free_protons_per_kg"] == pytest.approx(2 * 0.999885 * N_A * 1e3 / 18.0153, rel=1e-4)
    assert any("leaves out hydrogen" in n for n in d["notes"])
    below, *above = d["energies"]
    assert below["ibd_cm2_per_proton"] == 0  # 1 MeV is below threshold
    for r in above:
        assert r["ibd_cm2_per_kg"] == pytest.approx(r["ibd_cm2_per_proton"] * d["free_protons_per_kg"],
                                                   rel=1e-12)
    sigmas = [r["ibd_cm2_per_proton"] for r in above]
    assert sigmas == sorted(sigmas)
    # Strumia-Vissani Table 1: 0.654e-41 cm^2 at 9.85 MeV; at 10 MeV a little more.
    assert 0.654e-41 < d["energies"][2]["ibd_cm2_per_proton"] < 0.70e-41


def test_text_output(cevns):
    r = cevns("compare", "--target", "Ar40", "--enu", 10)
    assert r.returncode == 0, r.stderr
    assert "IBD threshold 1.80607 MeV" in r.stdout
    assert "no hydrogen" in r.stdout


@pytest.mark.parametrize("args, message", [
    (("compare", "--target", "Ge", "--enu", -1), "--enu"),
    (("compare", "--target", "Ge", "--enu", 3, 0), "--enu"),
    (("compare", "--target", "Qq", "--enu", 10), "unknown target"),
    (("compare", "--target", "Gee", "--enu", 10), "did you mean"),
    (("compare", "--target", "Ge", "--enu", 10, "--flavour", "nux"), "neutrino species"),
    (("compare", "--target", "Ge", "--enu", 10, "--ibd-model", "vogel"), "IBD model"),
    (("compare", "--target", "Ge"), "--enu"),
])
def test_compare_bad_input_exits_2_with_one_line(cevns, args, message):
    r = cevns(*args)
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], r.stderr
