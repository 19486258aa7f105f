"""`cevns significance` and `cevns unfold`: JSON keys, numbers against independent formulas, errors."""
import math


def test_significance_e09_json(cevns):
    r = cevns("significance", "--on", 653, "--on-exposure", 112.3, "--off", 582, "--off-exposure", 114.4,
              "--cl", 0.9, "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    a = 112.3 / 114.4
    assert math.isclose(d["excess"], 653 - a * 582, rel_tol=1e-12)
    assert math.isclose(d["excess_error"], math.sqrt(653 + a * a * 582), rel_tol=1e-12)
    for name in ("profile_likelihood", "li_ma_17", "simple"):
        m = d["methods"][name]
        assert set(m) >= {"excess", "excess_error", "significance_sigma"}
        assert 2.30 < m["significance_sigma"] < 2.40
    # Li & Ma eq. 17 written out here independently
    n = 653 + 582
    lm = math.sqrt(2 * (653 * math.log((1 + a) / a * 653 / n) + 582 * math.log((1 + a) * 582 / n)))
    assert math.isclose(d["methods"]["li_ma_17"]["significance_sigma"], lm, rel_tol=1e-12)
    assert d["interval"]["lower"] < d["excess"] < d["upper_limit"]
    assert d["cevns"]["references"]


def test_significance_text_and_errors(cevns):
    r = cevns("significance", "--on", 10, "--on-exposure", 1, "--off", 5, "--off-exposure", 1)
    assert r.returncode == 0 and "Li & Ma" in r.stdout
    bad = cevns("significance", "--on", 10, "--on-exposure", 0, "--off", 5, "--off-exposure", 1)
    assert bad.returncode == 2 and "exposure" in bad.stderr
    missing = cevns("significance", "--on", 10)
    assert missing.returncode == 2
    cl = cevns("significance", "--on", 10, "--on-exposure", 1, "--off", 5, "--off-exposure", 1, "--cl", 1.2)
    assert cl.returncode == 2


def test_unfold_json(cevns):
    r = cevns("unfold", "--scenario", 3, "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    m = d["bins"]
    assert len(d["energy_edges_MeV"]) == m + 1
    sol = d["fixed_beta"]
    assert sol["beta"] == 20 and len(sol["flux_per_fission_MeV"]) == m and len(sol["error_per_fission_MeV"]) == m
    assert all(e > 0 for e in sol["error_per_fission_MeV"])
    assert d["smallest_positive_beta"]["positive"] in (True, False)
    assert cevns("unfold", "--scenario", 4).returncode == 2
