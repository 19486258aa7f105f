"""`cevns reactor-monitor` and the sterile scan example: JSON keys with units, errors with exit 2."""
import math
import pathlib

HERE = pathlib.Path(__file__).parent
STERILE = HERE.parent.parent / "examples" / "scans" / "sterile-triga.yaml"


def test_reactor_monitor_json(cevns):
    r = cevns("reactor-monitor", "--power-MW", 3000, "--distance-m", 20, "--mass-kg", 10, "--threshold-eV", 100,
              "--background-ckkd", 1, "--exposure-days", 365, "--delta-pu239", 0.1, "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    assert set(d["setup"]) >= {"power_MW", "distance_m", "mass_kg", "exposure_days", "threshold_eV",
                               "background_ckkd", "fission_fractions"}
    assert set(d["asimov_fit"]) >= {"power_MW", "power_error_MW", "f239", "f239_error"}
    assert set(d["pu_removal"]) >= {"delta_f239", "delta_chi2", "significance_sigma"}
    # The Asimov fit returns the declared core (Daya Bay average, f239 = 0.307).
    assert math.isclose(d["asimov_fit"]["f239"], 0.307, abs_tol=1e-3)
    assert math.isclose(d["asimov_fit"]["power_MW"], 3000, rel_tol=1e-4)
    p = d["pu_removal"]
    assert math.isclose(p["significance_sigma"], math.sqrt(p["delta_chi2"]), rel_tol=1e-12)
    # Removing Pu at fixed power raises the CEvNS rate (235U yields more antineutrinos above threshold).
    assert p["signal_counts_actual"] > d["signal_counts"]
    # Background: 1 count/(keV kg d) over the 0.1-3 keV window, 10 kg, 365 d.
    assert math.isclose(d["background_counts"], 1 * 2.9 * 10 * 365, rel_tol=1e-9)
    assert d["cevns"]["references"]


def test_reactor_monitor_text(cevns):
    r = cevns("reactor-monitor", "--exposure-days", 100)
    assert r.returncode == 0, r.stderr
    assert "239Pu removal" in r.stdout


def test_reactor_monitor_bad_input(cevns):
    for args in (("--power-MW", -1), ("--mass-kg", 0), ("--delta-pu239", 0.9), ("--threshold-eV", 5000)):
        r = cevns("reactor-monitor", *args)
        assert r.returncode == 2, (args, r.stderr)
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("cevns: error:"), r.stderr
    r = cevns("reactor-monitor", "--power-MW", "lots")
    assert r.returncode == 2


def test_sterile_scan_example(cevns, tmp_path):
    out = tmp_path / "sterile.csv"
    r = cevns("scan", STERILE, "--out", out, "--json")
    assert r.returncode == 0, r.stderr
    rows = out.read_text().splitlines()
    assert rows[0] == "index,dm2_eV2,sin2_2theta,delta_chi2,status"
    values = [float(x.split(",")[3]) for x in rows[1:]]
    assert all(v >= 0 for v in values) and max(values) > 4.61


def test_sterile_scan_unknown_key(cevns, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(STERILE.read_text().replace("threshold_eV", "treshold_eV"))
    r = cevns("scan", bad, "--out", tmp_path / "x.csv")
    assert r.returncode == 3
    assert "threshold_eV" in r.stderr  # did-you-mean
