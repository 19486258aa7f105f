"""BSM options of `cevns xsec` (shared with `cevns rate` through physics_options)."""
import math


def total(cevns, *args):
    r = cevns("xsec", "--target", "Ar40", "--enu", "30", "--json", *args)
    assert r.returncode == 0, r.stderr
    return r.json()


def test_standard_model_has_null_bsm(cevns):
    assert total(cevns)["bsm"] is None


def test_vector_nsi_changes_weak_charge_as_formula(cevns):
    sm = total(cevns, "--couplings", "tree-level", "--form-factor", "point")
    nsi = total(cevns, "--couplings", "tree-level", "--form-factor", "point",
                "--nsi", "eps_ee_uV=0.1,eps_ee_dV=-0.05")
    q_sm = sm["isotopes"][0]["weak_charge_q0"]
    # Q_W = 2[Z(g_p + 2eu + ed) + N(g_n + eu + 2ed)], Z = 18, N = 22
    expected = q_sm + 2 * (18 * (0.2 - 0.05) + 22 * (0.1 - 0.1))
    assert math.isclose(nsi["isotopes"][0]["weak_charge_q0"], expected, rel_tol=1e-12)
    assert math.isclose(nsi["total_cm2"] / sm["total_cm2"], (expected / q_sm) ** 2, rel_tol=1e-9)
    assert nsi["bsm"] == {"nsi": "eps_ee_uV=0.1,eps_ee_dV=-0.05"}


def test_mediators_tensor_and_em_compose(cevns):
    sm = total(cevns)
    out = total(cevns, "--zprime", "mass_MeV=10,coupling=1e-5,model=b-l", "--scalar",
                "mass_MeV=5,coupling=1e-6", "--tensor", "eps_ee_uT=0.01", "--magnetic-moment", "1e-10",
                "--min-recoil-keV", "1", "--running-sin2w")
    assert math.isfinite(out["total_cm2"]) and out["total_cm2"] > 0
    assert out["total_cm2"] != sm["total_cm2"]
    mc = total(cevns, "--millicharge", "1e-8", "--min-recoil-keV", "1")
    assert mc["isotopes"][0]["weak_charge_q0"] is None  # infinite at q = 0: reported as null


def test_magnetic_moment_needs_a_cutoff(cevns):
    r = cevns("xsec", "--target", "Ge", "--enu", "5", "--magnetic-moment", "1e-10")
    assert r.returncode == 2
    assert "--min-recoil-keV" in r.stderr


def test_bad_names_and_values_exit_2_with_suggestions(cevns):
    cases = [
        (["--nsi", "eps_ee_uv=0.1"], "did you mean eps_ee_uV"),
        (["--nsi", "eps_ee_uV"], "key=value"),
        (["--nsi", "eps_ee_uV=abc"], "finite number"),
        (["--tensor", "eps_ee_uV=0.1"], "unknown NSI"),
        (["--zprime", "mass_MeV=-1,coupling=1e-5"], "non-negative"),
        (["--zprime", "mass_MeV=10,coupling=1e-5,model=bl"], "did you mean b-l"),
        (["--zprime", "mass=10,coupling=1e-5"], "mass_MeV"),
        (["--scalar", "mass_MeV=10"], "coupling"),
        (["--min-recoil-keV", "-1"], "--min-recoil-keV: '-1' is outside the allowed range"),
    ]
    for args, text in cases:
        r = cevns("xsec", "--target", "Ge", "--enu", "5", *args)
        assert r.returncode == 2, (args, r.stderr)
        assert text in r.stderr, (args, r.stderr)
        assert "nan" not in r.stdout.lower()


def test_deformation_beta2_enlarges_the_radius_and_needs_spherical_radii(cevns):
    base = total(cevns, "--radii", "lewin-smith")
    deformed = total(cevns, "--radii", "lewin-smith", "--deformation-beta2", "0.3")
    # A larger rms radius (+1.8% at beta2 = 0.3) suppresses F^2 at q > 0: sigma drops by 0.4% here.
    assert 0.9 < deformed["total_cm2"] / base["total_cm2"] < 0.999
    r = cevns("xsec", "--target", "Ar40", "--enu", "30", "--deformation-beta2", "0.3")
    assert r.returncode == 2
    assert "lewin-smith" in r.stderr
    r = cevns("xsec", "--target", "Ar40", "--enu", "30", "--radii", "lewin-smith", "--deformation-beta2", "0.8")
    assert r.returncode == 2
    assert "0.6" in r.stderr
