"""`cevns fog`: the neutrino floor of a dark-matter target (docs/physics/darkmatter.md)."""
import math


def test_fog_json_xenon_floor(cevns):
    r = cevns("fog", "--target", "Xe", "--masses", "10,100", "--exposures-per-decade", "5", "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    assert d["target"] == "Xe"
    names = [b["name"] for b in d["backgrounds"]]
    assert names == ["pp", "pep", "hep", "7Be", "8B", "13N", "15O", "17F", "DSNB", "atm"]
    assert [b["relative_uncertainty"] for b in d["backgrounds"]][4] == 0.02
    rows = {m["mass_GeV"]: m for m in d["masses"]}
    # O'Hare 2021 Fig. 3 (data/darkmatter/ohare2021_floor_Xe_SI.txt): 4.0e-48 and 6.3e-49 cm^2;
    # here with the Baxter et al. halo and natural xenon: within 40 %.
    assert math.isclose(rows[10]["floor_cross_section_cm2"], 4.0e-48, rel_tol=0.4)
    assert math.isclose(rows[100]["floor_cross_section_cm2"], 6.3e-49, rel_tol=0.4)
    curve = rows[100]
    assert len(curve["exposure_ton_year"]) == len(curve["discovery_cross_section_cm2"]) == len(curve["fog_index"])
    # The discovery limit falls with exposure; the index starts at 1 (background free).
    sig = curve["discovery_cross_section_cm2"]
    assert all(b <= a for a, b in zip(sig, sig[1:]))
    assert curve["fog_index"][0] == 1.0
    assert max(curve["fog_index"]) > 2.0


def test_fog_text_and_unreachable_mass(cevns):
    r = cevns("fog", "--target", "Ar", "--masses", "0.01,50", "--threshold-keV", "1", "--exposures-per-decade", "2")
    assert r.returncode == 0, r.stderr
    assert "below threshold" in r.stdout
    assert "floor_cm2" in r.stdout


def test_fog_bad_input_exits_2(cevns):
    assert cevns("fog", "--target", "Xe", "--threshold-keV", "-1").returncode == 2
    assert cevns("fog", "--target", "Xq").returncode == 2
    assert cevns("fog").returncode == 2
    assert cevns("fog", "--target", "Xe", "--halo", "nfw").returncode == 2
    assert cevns("fog", "--target", "Xe", "--masses", "-5").returncode == 2
    assert cevns("fog", "--target", "Xe", "--efficiency", "1.5").returncode == 2
    r = cevns("fog", "--target", "Xe", "--exposure-min-ton-year", "10", "--exposure-max-ton-year", "1")
    assert r.returncode == 2 and "exposure" in r.stderr
