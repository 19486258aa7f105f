"""cevns.rate: the same counts as `cevns rate --json`, and the binned arrays sum to the totals."""
import numpy as np
import pytest

import cevns


def test_rate_matches_the_command_line(cli):
    py = cevns.rate("coherent-csi-2017")
    c = cli("rate", "--experiment", "coherent-csi-2017")
    assert py["signal_counts"] == pytest.approx(c["signal_counts"], rel=1e-12)
    assert py["background_counts"] == pytest.approx(c["background_counts"], rel=1e-12, abs=1e-12)
    for iso, n in c["isotope_signal_counts"].items():
        assert py["isotope_signal_counts"][iso] == pytest.approx(n, rel=1e-12)


def test_several_detectors_match_the_command_line(cli):
    py = cevns.rate("nucleus-10g")
    c = cli("rate", "--experiment", "nucleus-10g")
    assert py["target"] == c["target"] == "CaWO4 + Al2O3"
    assert [d["name"] for d in py["detectors"]] == [d["name"] for d in c["detectors"]]
    for a, b in zip(py["detectors"], c["detectors"]):
        assert a["signal_counts"] == pytest.approx(b["signal_counts"], rel=1e-12)
        assert a["mass_kg"] == b["mass_kg"] and a["target"] == b["target"]
    assert "detectors" not in cevns.rate("coherent-lar-2020")


def test_binned_arrays_sum_to_the_totals():
    r = cevns.rate("coherent-lar-2020")
    assert r["signal"].ndim == 2
    assert r["signal"].sum() == pytest.approx(r["signal_counts"], rel=1e-10)
    assert r["total"].sum() == pytest.approx(r["total_counts"], rel=1e-10)
    assert sum(b.sum() for b in r["backgrounds"]) == pytest.approx(r["background_counts"], rel=1e-10)


def test_nsi_changes_the_rate_and_bad_ids_raise():
    sm = cevns.rate("coherent-csi-2017")["signal_counts"]
    nsi = cevns.rate("coherent-csi-2017", bsm={"nsi": "eps_ee_uV=0.2"})["signal_counts"]
    assert nsi != pytest.approx(sm, rel=1e-3)
    with pytest.raises(ValueError, match="did you mean"):
        cevns.rate("coherent-csi-2071")
