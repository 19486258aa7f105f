"""cevns.flux, cevns.sources and cevns.coherency against the CLI and against integrals of the
densities."""
import numpy as np
import pytest

import cevns

trapezoid = np.trapezoid if hasattr(np, "trapezoid") else np.trapz  # numpy >= 2 renamed it


def test_sources_match_cli(cli):
    assert cevns.sources() == [s["name"] for s in cli("flux", "--list")["sources"]]
    assert "reactor" in cevns.sources(descriptions=True)


@pytest.mark.parametrize("source, kwargs, flags", [
    ("reactor", {"power_GW": 3.9, "distance_m": 17}, ["--power-GW", 3.9, "--distance-m", 17]),
    ("sns", {"distance_m": 19.3}, ["--distance-m", 19.3]),
    ("cr51", {"activity_MCi": 3.4, "distance_m": 2}, ["--activity-MCi", 3.4, "--distance-m", 2]),
    ("supernova", {"distance_kpc": 5}, ["--distance-kpc", 5]),
])
def test_flux_matches_cli(cli, source, kwargs, flags):
    ours = cevns.flux(source, **kwargs).as_dict(grid=7)
    theirs = cli("flux", "--source", source, "--grid", 7, *flags)
    assert ours["source"] == theirs["source"] and ours["normalisation"] == theirs["normalisation"]
    suffix = "per_cm2" if ours["normalisation"] == "fluence" else "per_cm2_s"
    assert ours["total_" + suffix] == pytest.approx(theirs["total_" + suffix], rel=1e-12)
    assert ours["references"] == theirs["cevns"]["references"]
    for a, b in zip(ours["species"], theirs["species"], strict=True):
        assert a["neutrino"] == b["neutrino"]
        assert a["total_" + suffix] == pytest.approx(b["total_" + suffix], rel=1e-12)
        assert a["mean_energy_MeV"] == pytest.approx(b["mean_energy_MeV"], rel=1e-12)
        assert len(a["lines"]) == len(b["lines"])
        for la, lb in zip(a["lines"], b["lines"]):
            assert la == pytest.approx(lb, rel=1e-12)
        assert ("spectrum" in a) == ("spectrum" in b)
        if "spectrum" in b:
            np.testing.assert_allclose(a["spectrum"]["enu_MeV"], b["spectrum"]["enu_MeV"], rtol=1e-12)
            np.testing.assert_allclose(a["spectrum"]["density_" + suffix + "_MeV"],
                                       b["spectrum"]["density_" + suffix + "_MeV"], rtol=1e-12)


def test_reactor_flux_density_integrates_to_total():
    reactor = cevns.flux("reactor", power_GW=3.9, distance_m=17)
    assert reactor.species == ["nuebar"] and reactor.normalisation == "flux"
    assert reactor["total_per_cm2_s"] == reactor.total() == reactor.total("nuebar")
    lo, hi = reactor.energy_range_MeV("nuebar")
    grid = np.unique(np.concatenate([np.linspace(lo, hi, 40001), reactor.grid("nuebar")]))
    assert trapezoid(reactor.density(grid), grid) == pytest.approx(reactor.total(), rel=1e-3)
    # vectorised equals scalar; a scalar gives a float
    assert isinstance(reactor.density(2.0), float)
    assert [reactor.density(e) for e in grid[::5000]] == pytest.approx(reactor.density(grid[::5000]), rel=1e-15)
    # two cores: the flux adds up
    two = cevns.flux("reactor", power_GW=3.9, distance_m=[17, 17])
    assert two.total() == pytest.approx(2.0 * reactor.total(), rel=1e-12)
    # the inverse-square law
    far = cevns.flux("reactor", power_GW=3.9, distance_m=34)
    assert far.total() == pytest.approx(reactor.total() / 4.0, rel=1e-12)


def test_flux_species_lines_and_sum():
    sns = cevns.flux("sns", distance_m=20)
    assert sns.species == ["nue", "numu", "numubar"]
    (line,) = sns.lines("numu")
    assert line["energy_MeV"] == pytest.approx(29.79, abs=0.01)
    assert sns.energy_range_MeV("numu") is None
    e = np.linspace(1.0, 52.0, 11)
    np.testing.assert_allclose(sns.density(e), sns.density(e, "nue") + sns.density(e, "numubar"), rtol=1e-14)
    assert sns.total() == pytest.approx(sum(sns.total(nu) for nu in sns.species), rel=1e-14)
    assert sns.scaled(2.0).total() == pytest.approx(2.0 * sns.total(), rel=1e-14)


def test_flux_errors():
    with pytest.raises(ValueError, match="did you mean reactor"):
        cevns.flux("reacter")
    with pytest.raises(ValueError, match="power-GW"):
        cevns.flux("reactor", distance_m=10)
    with pytest.raises(ValueError, match="emits no nue"):
        cevns.flux("reactor", power_GW=1, distance_m=10).density(3.0, "nue")


def test_coherency_matches_cli(cli):
    rows = cli("coherency")["rows"]
    for row in rows:
        for target in ("Ar", "Xe"):
            ours = cevns.coherency(target, source=row["source"], flavour=row["neutrino"], oscillate=False)
            assert ours["alpha"] == pytest.approx(row["alpha"][target]["cevns"], rel=1e-12)
            assert ours["alpha_flux_weighted"] == pytest.approx(row["alpha"][target]["cevns_flux_weighted"], rel=1e-12)
            assert ours["mean_energy_MeV"] == pytest.approx(row["mean_energy_MeV"], rel=1e-12)


def test_coherency_against_energy():
    enu = np.array([0.5, 5.0, 20.0, 60.0, 150.0])
    c = cevns.coherency("Xe", enu_MeV=enu)
    assert c["alpha"][0] == pytest.approx(1.0, abs=1e-4)
    assert np.all(np.diff(c["alpha"]) < 0.0) and np.all(c["alpha"] > 0.0)
    np.testing.assert_allclose(c["alpha"], c["total_cm2"] / c["total_point_nucleus_cm2"], rtol=1e-14)
    np.testing.assert_allclose(c["total_cm2"], cevns.xsec("Xe", enu)["total_cm2"], rtol=1e-14)
    point = cevns.xsec("Xe", enu, form_factor="point")["total_cm2"]
    np.testing.assert_allclose(c["total_point_nucleus_cm2"], point, rtol=1e-12)
    assert c["coherent_energy_limit_MeV"] == pytest.approx(197.327 / (2.5 * 136 ** (1 / 3)), rel=1e-4)
    # a Flux object works as well as a name
    sns = cevns.flux("sns", distance_m=20)
    assert cevns.coherency("Ar", sns, "numu")["alpha"] == cevns.coherency("Ar", "sns", "numu")["alpha"]
    with pytest.raises(ValueError):
        cevns.coherency("Ar")
