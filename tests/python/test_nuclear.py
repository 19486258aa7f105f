"""cevns.target and cevns.form_factor against the CLI and closed forms."""
import numpy as np
import pytest

import cevns

HBAR_C_MEV_FM = 197.3269804


def test_target_matches_cli(cli):
    ours = cevns.target("CsI")
    theirs = cli("target", "CsI")
    assert ours["target"] == theirs["target"]
    assert ours["molecules_per_kg"] == pytest.approx(theirs["molecules_per_kg"], rel=1e-14)
    assert [i["isotope"] for i in ours["isotopes"]] == ["Cs133", "I127"]
    for a, b in zip(ours["isotopes"], theirs["isotopes"]):
        for key in ("Z", "N", "A", "atomic_mass_u", "nuclear_mass_MeV", "abundance", "charge_radius_fm",
                    "point_proton_radius_fm", "nuclei_per_kg", "atoms_per_molecule"):
            assert a[key] == pytest.approx(b[key], rel=1e-14), key


def test_target_isotopes_and_compositions():
    ge = cevns.target("Ge")
    assert sum(i["abundance"] for i in ge["isotopes"]) == pytest.approx(1.0, abs=1e-3)
    assert all(i["Z"] == 32 and i["A"] == i["Z"] + i["N"] for i in ge["isotopes"])
    enriched = cevns.target("Ge", compositions={"Ge": {76: 0.88, 74: 0.12}})
    fractions = {i["isotope"]: i["atoms_per_molecule"] for i in enriched["isotopes"]}
    assert fractions == pytest.approx({"Ge74": 0.12, "Ge76": 0.88})
    # nuclei per kg of one isotope: N_A / molar mass
    ar = cevns.target("Ar40")["isotopes"][0]
    assert ar["nuclei_per_kg"] == pytest.approx(6.02214076e26 / ar["atomic_mass_u"], rel=1e-8)


def test_unknown_target_is_a_value_error_with_suggestion():
    with pytest.raises(ValueError, match="Xe"):
        cevns.target("Xq")
    with pytest.raises(cevns.InputError):
        cevns.xsec("Xq", 10.0)


def helm(q_MeV, rms_fm, s_fm=0.9):
    """Helm's form factor from its definition, with R0 from <r^2> = 3/5 R0^2 + 3 s^2."""
    r0 = np.sqrt(5.0 / 3.0 * (rms_fm**2 - 3.0 * s_fm**2))
    x = np.asarray(q_MeV) / HBAR_C_MEV_FM * r0
    j1 = np.sin(x) / x**2 - np.cos(x) / x
    return 3.0 * j1 / x * np.exp(-((np.asarray(q_MeV) / HBAR_C_MEV_FM * s_fm) ** 2) / 2.0)


def test_form_factor_helm_closed_form_and_shapes():
    q = np.linspace(5.0, 300.0, 60)
    values = cevns.form_factor(model="helm", rms_radius_fm=4.8, q_MeV=q)
    assert values.shape == q.shape
    np.testing.assert_allclose(values, helm(q, 4.8), rtol=1e-9, atol=1e-12)
    assert cevns.form_factor("helm", 4.8, 0.0) == 1.0
    assert isinstance(cevns.form_factor("helm", 4.8, 50.0), float)
    assert cevns.form_factor("helm", 4.8, q.reshape(6, 10)).shape == (6, 10)
    # vectorised equals scalar
    assert [cevns.form_factor("symmetrized-fermi", 3.4, x) for x in q[:5]] == \
        pytest.approx(cevns.form_factor("fermi", 3.4, q[:5]), rel=1e-15)


def test_form_factor_models_agree_at_small_q_and_errors():
    q = np.array([1.0, 5.0, 10.0])
    rms = 4.0
    expected = 1.0 - (q / HBAR_C_MEV_FM) ** 2 * rms**2 / 6.0  # every model: F = 1 - q^2 <r^2>/6 + ...
    for model in ("helm", "symmetrized-fermi", "klein-nystrand", "gaussian"):
        np.testing.assert_allclose(cevns.form_factor(model, rms, q), expected, rtol=2e-4)
    np.testing.assert_array_equal(cevns.form_factor("point", q_MeV=q), 1.0)
    with pytest.raises(ValueError, match="radius"):
        cevns.form_factor("helm", 1.0, q)  # below Helm's surface term sqrt(3) s
    with pytest.raises(ValueError, match="helm"):
        cevns.form_factor("hlem", 4.0, q)


def test_nuclear_form_factors_of_an_isotope():
    ff = cevns.nuclear_form_factors("Pb208", [0.0, 50.0], neutron_skin_fm=0.28)
    assert ff["neutron_rms_radius_fm"] == pytest.approx(ff["proton_rms_radius_fm"] + 0.28)
    assert ff["protons"][0] == ff["neutrons"][0] == 1.0
    assert ff["neutrons"][1] < ff["protons"][1]
