"""`cevns coherency`: the Maneschg 2018 review table beside cevns, both definitions of <alpha>."""
import pytest


def test_coherency_json_rows(cevns):
    r = cevns("coherency", "--json")
    assert r.returncode == 0, r.stderr
    rows = r.json()["rows"]
    assert [(x["source"], x["neutrino"]) for x in rows] == [
        ("reactor", "nuebar"), ("solar:8B", "nue"), ("sns", "numu"), ("sns", "nue"), ("sns", "numubar")]
    for row in rows:
        for element in ("Ar", "Ge", "Xe"):
            a = row["alpha"][element]
            assert 0.5 < a["cevns"] <= 1.0
            # heavier nuclei lose more coherence
        assert row["alpha"]["Xe"]["cevns"] <= row["alpha"]["Ge"]["cevns"] <= row["alpha"]["Ar"]["cevns"]
    # prompt numu line: the two definitions coincide for a single energy
    prompt = rows[2]["alpha"]["Xe"]
    assert prompt["cevns"] == pytest.approx(prompt["cevns_flux_weighted"], rel=1e-12)


def test_coherency_bad_target(cevns):
    r = cevns("coherency", "--target", "Xx")
    assert r.returncode == 2 and "unknown target" in r.stderr
