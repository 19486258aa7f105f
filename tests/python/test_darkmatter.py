"""cevns.fog and cevns.discovery_limit against `cevns fog --json`, and the limits' known regimes."""
import numpy as np
import pytest

import cevns

OPTIONS = {"bins": 20, "exposures_per_decade": 2}


def test_fog_equals_cli(cli):
    reference = cli("fog", "--target", "Xe", "--masses", "0.005,10,1000", "--bins", 20, "--exposures-per-decade", 2)
    r = cevns.fog("Xe", mass_GeV=[0.005, 10, 1000], **OPTIONS)
    assert [b["name"] for b in r["backgrounds"]] == [b["name"] for b in reference["backgrounds"]]
    for ours, theirs in zip(r["backgrounds"], reference["backgrounds"]):
        assert ours["events_per_ton_year"] == pytest.approx(theirs["events_per_ton_year"], rel=1e-14)
    for key in ("v0_km_s", "vesc_km_s", "vlab_km_s", "rho_GeV_cm3"):
        assert r["halo"][key] == pytest.approx(reference["halo"][key], rel=1e-14)
    for i, row in enumerate(reference["masses"]):
        assert r["mass_GeV"][i] == row["mass_GeV"]
        assert bool(r["reachable"][i]) == row["reachable"]
        if not row["reachable"]:
            assert r["curves"][i] is None and not r["floor_reached"][i]
            continue
        c = r["curves"][i]
        assert c["exposure_ton_year"].tolist() == pytest.approx(row["exposure_ton_year"], rel=1e-14)
        assert c["discovery_cross_section_cm2"].tolist() == pytest.approx(row["discovery_cross_section_cm2"], rel=1e-12)
        assert c["fog_index"].tolist() == pytest.approx(row["fog_index"], rel=1e-9)
        if row["floor_cross_section_cm2"] is None:
            assert not r["floor_reached"][i] and np.isnan(r["floor_cross_section_cm2"][i])
        else:
            assert r["floor_reached"][i]
            assert r["floor_cross_section_cm2"][i] == pytest.approx(row["floor_cross_section_cm2"], rel=1e-12)
    assert not r["reachable"][0] and r["reachable"][1] and r["reachable"][2]  # 5 MeV WIMPs: no Xe recoil above 0.1 eV


def test_discovery_limit_follows_the_fog_curve_and_its_regimes():
    r = cevns.fog("Xe", mass_GeV=[10.0], **OPTIONS)
    curve = r["curves"][0]
    exposures = curve["exposure_ton_year"][::4]
    d = cevns.discovery_limit("Xe", 10.0, exposures, bins=20)
    # The same statistics, root-found without the fog's warm start.
    assert d["discovery_cross_section_cm2"] == pytest.approx(curve["discovery_cross_section_cm2"][::4], rel=1e-6)
    # Background-free (3e-6 neutrino events): the limit is the minimum signal count, 0.5 events, so
    # sigma X is constant (n = 1); Poisson-limited or saturated at large exposure, n reaches 2 or
    # more (O'Hare 2021).
    tiny = cevns.discovery_limit("Xe", 10.0, [1e-10, 2e-10], bins=20)
    assert all(tiny["count_limited"]) and tiny["signal_events"] == pytest.approx([0.5, 0.5], rel=1e-12)
    assert tiny["discovery_cross_section_cm2"][0] == pytest.approx(2 * tiny["discovery_cross_section_cm2"][1], rel=1e-12)
    assert tiny["fog_index"] == pytest.approx([1.0, 1.0], rel=1e-12)
    assert curve["fog_index"].max() >= 2.0


def test_fog_errors():
    with pytest.raises(cevns.InputError):
        cevns.fog("Xe", mass_GeV=[-1.0])
    with pytest.raises(cevns.InputError, match="halo"):
        cevns.fog("Xe", mass_GeV=[10.0], halo="shm")
    with pytest.raises(cevns.InputError):
        cevns.discovery_limit("Xe", 0.01, [1.0])  # below the kinematic reach
