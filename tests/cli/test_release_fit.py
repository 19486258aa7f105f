"""`cevns release-fit`: the COHERENT CsI refits from the public data releases, through the command
line, against the published numbers (the physics tests assert the same fits in detail:
tests/physics/coherent_csi20*_fit_test.cpp)."""


def test_csi_2017_release_fit(cevns):
    r = cevns("release-fit", "--release", "coherent-csi-2017", "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    pub = d["published"]
    # COHERENT, Science 357, 1123 (2017): 134 +- 22 fitted events, 6.7 sigma
    assert abs(d["fitted_events"] - pub["fitted_events"]["value"]) < pub["fitted_events"]["error"]
    assert abs(d["significance_sigma"] - 6.7) < 1.0
    assert 0 < d["fitted_events_error"] < 0.5 * d["fitted_events"]
    assert d["bins"] > 0 and d["cevns"]["references"]


def test_csi_2021_release_fit(cevns):
    r = cevns("release-fit", "--release", "coherent-csi-2021", "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    # PRL 129, 081801 (2022): 306 +- 20 events; sin2(theta_W) = 0.220 +- 0.028 (Wagner 2022 review)
    assert abs(d["fitted_events"] - 306.0) < 20.0
    assert abs(d["sin2_theta_w"] - 0.220) < 0.028
    assert d["sin2_theta_w_lower"] < d["sin2_theta_w"] < d["sin2_theta_w_upper"]
    assert abs(d["sm_flux_averaged_cm2"] / 1e-40 - 189.0) < 6.0


def test_text_output_and_bad_input(cevns):
    r = cevns("release-fit")
    assert r.returncode == 0 and "published 134" in r.stdout
    bad = cevns("release-fit", "--release", "coherent-csi-2019")
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0 and "coherent-csi-2019" in bad.stderr
    missing = cevns("release-fit", "--data-dir", "/nonexistent/release")
    assert missing.returncode == 4 and "/nonexistent/release" in missing.stderr
