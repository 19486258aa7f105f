"""cevns.xsec, ibd_xsec, electron_xsec and compare: the CLI, scalar against vectorised, and the
integral of dsigma/dT against the total."""
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

import cevns

trapezoid = np.trapezoid if hasattr(np, "trapezoid") else np.trapz  # numpy >= 2 renamed it


@pytest.mark.parametrize("args, kwargs", [
    (("Ar40", 30.0, 20.0), {}),
    (("CsI", 45.0, 10.0), {"flavour": "numu", "couplings": "tree-level", "sin2w": 0.24}),
    (("Xe", 12.5, 1.5), {"flavour": "nuebar", "form_factor": "klein-nystrand", "neutron_skin_fm": 0.2}),
])
def test_xsec_matches_cli(cli, args, kwargs):
    target, enu, recoil = args
    ours = cevns.xsec(target, enu_MeV=enu, recoil_keV=recoil, **kwargs)
    options = ["xsec", "--target", target, "--enu", enu, "--recoil", recoil]
    for key, flag in (("flavour", "--flavour"), ("couplings", "--couplings"), ("sin2w", "--sin2w"),
                      ("form_factor", "--form-factor"), ("neutron_skin_fm", "--neutron-skin-fm")):
        if key in kwargs:
            options += [flag, kwargs[key]]
    theirs = cli(*options)
    for key in ("total_cm2", "tmax_keV", "mean_recoil_keV", "dsigma_dT_cm2_per_keV", "sin2w"):
        assert isinstance(ours[key], float)
        assert ours[key] == pytest.approx(theirs[key], rel=1e-12), key
    for key in ("target", "neutrino", "per"):
        assert ours[key] == theirs[key]
    for a, b in zip(ours["isotopes"], theirs["isotopes"], strict=True):
        assert a["isotope"] == b["isotope"]
        for key in ("total_cm2", "tmax_keV", "mean_recoil_keV", "dsigma_dT_cm2_per_keV", "weak_charge_q0"):
            assert a[key] == pytest.approx(b[key], rel=1e-12), key


def test_readme_one_liner():
    assert cevns.xsec(target="Ar40", enu_MeV=30.0)["total_cm2"] == pytest.approx(1.5137e-39, rel=1e-3)


def test_vectorised_equals_scalar():
    enu = np.array([2.0, 8.0, 30.0, 110.0])
    recoil = np.array([0.0, 0.5, 3.0, 25.0, 400.0])
    grid = cevns.xsec("CsI", enu_MeV=enu, recoil_keV=recoil, flavour="numubar")
    assert grid["total_cm2"].shape == (4,)
    assert grid["dsigma_dT_cm2_per_keV"].shape == (4, 5)
    for k, e in enumerate(enu):
        one = cevns.xsec("CsI", enu_MeV=e, flavour="numubar")
        assert grid["total_cm2"][k] == one["total_cm2"]
        assert grid["mean_recoil_keV"][k] == one["mean_recoil_keV"]
        for j, t in enumerate(recoil):
            point = cevns.xsec("CsI", enu_MeV=e, recoil_keV=t, flavour="numubar")
            assert grid["dsigma_dT_cm2_per_keV"][k, j] == point["dsigma_dT_cm2_per_keV"]
    # scalar energy, recoil array: the recoil's shape; the reverse: the energy's shape
    assert cevns.xsec("Ar40", 30.0, recoil_keV=recoil)["dsigma_dT_cm2_per_keV"].shape == (5,)
    assert cevns.xsec("Ar40", enu, recoil_keV=1.0)["dsigma_dT_cm2_per_keV"].shape == (4,)
    assert cevns.xsec("Ar40", enu.reshape(2, 2))["total_cm2"].shape == (2, 2)


@pytest.mark.parametrize("target, enu", [("Ar40", 30.0), ("Xe132", 50.0), ("Ge", 8.0), ("CsI", 120.0)])
def test_total_is_the_integral_of_dsigma_dT(target, enu):
    x = cevns.xsec(target, enu_MeV=enu)
    recoil = np.linspace(0.0, x["tmax_keV"], 20001)
    d = cevns.xsec(target, enu_MeV=enu, recoil_keV=recoil)["dsigma_dT_cm2_per_keV"]
    assert trapezoid(d, recoil) == pytest.approx(x["total_cm2"], rel=1e-3)
    if len(x["isotopes"]) == 1:  # <T> of one isotope: the first moment over the zeroth
        assert trapezoid(recoil * d, recoil) / trapezoid(d, recoil) == pytest.approx(x["mean_recoil_keV"], rel=1e-3)


def test_material_is_the_weighted_sum_of_isotopes():
    x = cevns.xsec("CaWO4", enu_MeV=[10.0, 40.0], recoil_keV=[0.5, 2.0])
    total = sum(i["atoms_per_molecule"] * i["total_cm2"] for i in x["isotopes"])
    diff = sum(i["atoms_per_molecule"] * i["dsigma_dT_cm2_per_keV"] for i in x["isotopes"])
    np.testing.assert_allclose(x["total_cm2"], total, rtol=1e-13)
    np.testing.assert_allclose(x["dsigma_dT_cm2_per_keV"], diff, rtol=1e-13)
    np.testing.assert_allclose(x["tmax_keV"], np.max([i["tmax_keV"] for i in x["isotopes"]], axis=0))
    assert x["per"] == "molecule"


def test_dsigma_is_zero_beyond_tmax_and_errors_are_value_errors():
    x = cevns.xsec("Ar40", 30.0, recoil_keV=[47.0, 49.0])
    assert x["dsigma_dT_cm2_per_keV"][0] > 0.0 and x["dsigma_dT_cm2_per_keV"][1] == 0.0
    with pytest.raises(ValueError, match=r"cevns.xsec: enu_MeV: -1 .*\(MeV\) in \(0, 100000\]"):
        cevns.xsec("Ar40", [10.0, -1.0])
    with pytest.raises(ValueError, match=r"cevns.xsec: recoil_keV: nan .*\(keV\) in \[0, 1e\+06\]"):
        cevns.xsec("Ar40", 10.0, recoil_keV=np.nan)
    with pytest.raises(ValueError, match="nuebar"):
        cevns.xsec("Ar40", 10.0, flavour="electron")
    with pytest.raises(ValueError, match="sin2w"):
        cevns.xsec("Ar40", 10.0, sin2w=1.5)
    with pytest.raises(cevns.Error):
        cevns.xsec("Ar40", 10.0, couplings="loopy")


def test_threads_give_the_same_numbers():
    # the loops release the GIL; results must not depend on it
    enu = np.linspace(1.0, 60.0, 300)
    serial = [cevns.xsec(t, enu)["total_cm2"] for t in ("Ar", "Ge", "Xe", "CsI")]
    with ThreadPoolExecutor(4) as pool:
        parallel = list(pool.map(lambda t: cevns.xsec(t, enu)["total_cm2"], ("Ar", "Ge", "Xe", "CsI")))
    for a, b in zip(serial, parallel):
        np.testing.assert_array_equal(a, b)


def test_ibd():
    ibd = cevns.ibd_xsec([1.0, 1.8, 1.9, 9.85])
    assert ibd["threshold_MeV"] == pytest.approx(1.806, abs=1e-3)
    assert ibd["total_cm2"][0] == ibd["total_cm2"][1] == 0.0
    assert 0.0 < ibd["total_cm2"][2] < ibd["total_cm2"][3]
    # Strumia & Vissani, PLB 564, 42 (2003), Table 1: 0.654e-41 cm^2 at 9.85 MeV (eq. 25 agrees to < 1 %)
    assert ibd["total_cm2"][3] == pytest.approx(6.54e-42, rel=0.01)
    assert cevns.ibd_xsec(10.0, flavour="nue")["total_cm2"] == 0.0
    assert cevns.ibd_xsec(10.0, model="zeroth-order")["total_cm2"] > ibd["total_cm2"][3]


def test_electron_total_is_the_integral_of_dsigma_dT():
    for flavour in ("nue", "numubar"):
        x = cevns.electron_xsec(10.0, flavour=flavour)
        recoil = np.linspace(0.0, x["tmax_keV"], 20001)
        d = cevns.electron_xsec(10.0, recoil_keV=recoil, flavour=flavour)["dsigma_dT_cm2_per_keV"]
        assert trapezoid(d, recoil) == pytest.approx(x["total_cm2"], rel=1e-6)
    above = cevns.electron_xsec(10.0, threshold_keV=5000.0)["total_cm2"]
    assert 0.0 < above < cevns.electron_xsec(10.0)["total_cm2"]


def test_compare_matches_cli(cli):
    enu = [3.0, 20.0, 60.0]
    ours = cevns.compare("H2O", enu, flavour="nuebar")
    theirs = cli("compare", "--target", "H2O", "--enu", *enu)
    for key in ("molecules_per_kg", "free_protons_per_kg", "electrons_per_kg", "ibd_threshold_MeV"):
        assert ours[key] == pytest.approx(theirs[key], rel=1e-14)
    assert ours["notes"] == theirs["notes"]
    for k, row in enumerate(theirs["energies"]):
        for key, value in row.items():
            assert ours[key][k] == pytest.approx(value, rel=1e-12), key
    # the same numbers through the single-channel functions
    np.testing.assert_allclose(ours["ibd_cm2_per_proton"], cevns.ibd_xsec(enu)["total_cm2"], rtol=1e-15)
    np.testing.assert_allclose(ours["electron_cm2_per_electron"],
                               cevns.electron_xsec(enu, flavour="nuebar")["total_cm2"], rtol=1e-15)
    np.testing.assert_allclose(ours["cevns_cm2_per_molecule"],
                               cevns.xsec("O", enu, flavour="nuebar")["total_cm2"], rtol=1e-13)


def test_bsm_options_match_the_command_line(cli):
    bsm = {"nsi": "eps_ee_uV=0.1,eps_ee_dV=-0.05"}
    py = cevns.xsec(target="CsI", enu_MeV=30.0, bsm=bsm)
    cli = cli("xsec", "--target", "CsI", "--enu", "30", "--nsi", bsm["nsi"])
    assert py["total_cm2"] == pytest.approx(cli["total_cm2"], rel=1e-12)
    assert abs(py["total_cm2"] / cevns.xsec(target="CsI", enu_MeV=30.0)["total_cm2"] - 1) > 1e-3
    with pytest.raises(ValueError, match="unknown BSM option"):
        cevns.xsec(target="CsI", enu_MeV=30.0, bsm={"nsii": "x"})


def test_dsigma_dT_pairs_broadcast_and_equal_the_grid():
    enu = np.array([3.0, 12.0, 40.0])
    recoil = np.array([0.1, 2.0, 15.0, 80.0])
    grid = cevns.xsec("CsI", enu_MeV=enu, recoil_keV=recoil, flavour="numu", totals=False)
    assert "total_cm2" not in grid and "mean_recoil_keV" not in grid
    pairs = cevns.dsigma_dT("CsI", enu[:, None], recoil[None, :], flavour="numu")
    assert pairs.shape == (3, 4)
    assert np.array_equal(pairs, grid["dsigma_dT_cm2_per_keV"])  # the same formula, bit for bit
    assert isinstance(cevns.dsigma_dT("Ar40", 30.0, 5.0), float)
    assert cevns.dsigma_dT("Ar40", 30.0, 5.0) == cevns.xsec("Ar40", 30.0, recoil_keV=5.0)["dsigma_dT_cm2_per_keV"]
    bsm = {"zprime": "mass_MeV=10,coupling=1e-4"}
    assert cevns.dsigma_dT("Ge", 10.0, 1.0, bsm=bsm) == pytest.approx(
        cevns.xsec("Ge", 10.0, recoil_keV=1.0, bsm=bsm)["dsigma_dT_cm2_per_keV"], rel=1e-14)
    with pytest.raises(cevns.InputError):
        cevns.dsigma_dT("Ar40", -1.0, 5.0)


def test_many_energies_use_the_table_to_1e_8():
    enu = np.linspace(1.0, 150.0, 200)  # >= 64 energies: tabulated sigma and <T>
    many = cevns.xsec("Xe", enu_MeV=enu, flavour="nuebar")
    for k in (0, 57, 199):
        one = cevns.xsec("Xe", enu_MeV=enu[k], flavour="nuebar")
        assert many["total_cm2"][k] == pytest.approx(one["total_cm2"], rel=1e-8)
        assert many["mean_recoil_keV"][k] == pytest.approx(one["mean_recoil_keV"], rel=1e-8)
