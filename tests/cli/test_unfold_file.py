"""`cevns unfold FILE`: the unfolding file reproduces `--scenario 3`, user files, CSV output, and the
exit codes and messages of bad files and options."""
import csv
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
SCENARIO3 = ROOT / "examples" / "analyses" / "unfold-nucleus-scenario3.yaml"
USER = ROOT / "examples" / "analyses" / "unfold-reactor-user.yaml"


def without_provenance(doc):
    doc = dict(doc)
    doc.pop("cevns")
    doc.pop("file")
    doc["scenario"] = {k: v for k, v in doc["scenario"].items() if k != "id"}
    return doc


def test_scenario3_file_equals_the_scenario_option(cevns):
    a = cevns("unfold", "--scenario", 3, "--json")
    b = cevns("unfold", SCENARIO3, "--json")
    assert a.returncode == 0, a.stderr
    assert b.returncode == 0, b.stderr
    assert a.json()["file"] is None and b.json()["file"] == str(SCENARIO3)
    assert without_provenance(a.json()) == without_provenance(b.json())
    assert b.json()["scenario"]["pseudo_data"] == "poisson toy, seed 1"


def test_user_file_json_keys_and_beta_scan(cevns):
    r = cevns("unfold", USER, "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    scenario_keys = set(cevns("unfold", "--scenario", 1, "--json").json())
    assert scenario_keys <= set(d)
    assert d["scenario"]["pseudo_data"] == "asimov"
    assert d["energy_edges_MeV"][0] == 0.6 and d["energy_edges_MeV"][-1] == 10.0
    assert d["bins"] == 9 and len(d["fixed_beta"]["flux_per_fission_MeV"]) == 9
    assert [s["beta"] for s in d["beta_scan"]] == [1, 100, 1000]
    # Asimov data: the naive inversion returns the truth, and beta = 0 is the smallest positive one.
    assert d["smallest_positive_beta"]["beta"] == 0
    for f, t in zip(d["smallest_positive_beta"]["flux_per_fission_MeV"], d["true_flux_per_fission_MeV"]):
        assert f == pytest.approx(t, rel=1e-6)
    c = d["capture_test"]["fixed_beta"]
    assert c["naive_sigma"] == d["capture_separation_sigma"]["fixed_beta"]
    assert c["bias_included_sigma"] == d["capture_separation_bias_included_sigma"]["fixed_beta"]
    assert c["bias_included_sigma"] == pytest.approx(
        (c["excess_per_fission"] - c["bias_null_asimov_per_fission"]) / c["error_per_fission"], rel=1e-12)


def test_csv_files_match_the_json(cevns, tmp_path):
    r = cevns("unfold", USER, "--json", "--csv", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    d = r.json()
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["unfolded_fixed_beta.csv", "unfolded_scan_0.csv", "unfolded_scan_1.csv", "unfolded_scan_2.csv",
                     "unfolded_smallest_positive_beta.csv"]
    lines = (tmp_path / "out" / "unfolded_fixed_beta.csv").read_text().splitlines()
    assert lines[0] == "# beta = 20"
    rows = list(csv.DictReader(lines[1:]))
    assert len(rows) == d["bins"]
    for i, row in enumerate(rows):
        assert float(row["energy_low_MeV"]) == pytest.approx(d["energy_edges_MeV"][i], rel=1e-9)
        assert float(row["energy_high_MeV"]) == pytest.approx(d["energy_edges_MeV"][i + 1], rel=1e-9)
        assert float(row["flux_per_fission_MeV"]) == pytest.approx(d["fixed_beta"]["flux_per_fission_MeV"][i], rel=1e-9)
        assert float(row["error_per_fission_MeV"]) == pytest.approx(d["fixed_beta"]["error_per_fission_MeV"][i], rel=1e-9)
        assert float(row["bias_estimate"]) == pytest.approx(d["fixed_beta"]["bias_estimate"][i], rel=1e-9)
        assert float(row["true_flux_per_fission_MeV"]) == pytest.approx(d["true_flux_per_fission_MeV"][i], rel=1e-9)


def test_counts_file_replaces_the_pseudo_data(cevns, tmp_path):
    toy = cevns("unfold", SCENARIO3, "--json").json()
    (tmp_path / "counts.txt").write_text("# counts per recoil bin\n" +
                                         "".join(f"{n:.0f}\n" for n in toy["observed_counts"]))
    text = SCENARIO3.read_text().replace("toy: {seed: 1}", "counts_file: counts.txt")
    (tmp_path / "measured.yaml").write_text(text + "output: {csv: spectra}\n")
    r = cevns("unfold", tmp_path / "measured.yaml", "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    assert d["scenario"]["pseudo_data"] == "counts file counts.txt"
    assert d["observed_counts"] == toy["observed_counts"]
    assert d["fixed_beta"] == toy["fixed_beta"]
    assert (tmp_path / "spectra" / "unfolded_fixed_beta.csv").is_file()  # relative to the file's folder


def test_bad_key_is_a_config_error_with_file_line_and_key(cevns, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(SCENARIO3.read_text().replace("threshold_eV: 1", "threshhold_eV: 1"))
    r = cevns("unfold", bad)
    assert r.returncode == 3
    line = next(i for i, l in enumerate(bad.read_text().splitlines(), 1) if l.startswith("threshhold_eV"))
    assert f"{bad}:{line}: key 'threshhold_eV': unknown key (did you mean threshold_eV?)" in r.stderr


def test_wrong_number_of_counts_is_an_input_error(cevns, tmp_path):
    (tmp_path / "counts.txt").write_text("1\n2\n3\n")
    (tmp_path / "short.yaml").write_text(SCENARIO3.read_text().replace("toy: {seed: 1}", "counts_file: counts.txt"))
    r = cevns("unfold", tmp_path / "short.yaml")
    assert r.returncode == 2
    assert "3 observed counts for 30 recoil bins" in r.stderr


def test_file_and_scenario_exclude_each_other_and_missing_file(cevns, tmp_path):
    r = cevns("unfold", SCENARIO3, "--scenario", 2)
    assert r.returncode == 2
    assert "excludes" in r.stderr
    r = cevns("unfold", tmp_path / "nope.yaml")
    assert r.returncode == 2
    assert "unfolding file not found" in r.stderr
