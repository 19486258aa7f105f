"""cevns experiments / rate / predict: catalog listing, predictions, and bad input."""


def test_experiments_lists_catalog(cevns):
    r = cevns("experiments", "--json")
    assert r.returncode == 0, r.stderr
    ids = {e["id"]: e for e in r.json()["experiments"]}
    assert "coherent-csi-2017" in ids and "coherent-lar-2020" in ids
    assert ids["coherent-csi-2017"]["target"] == "CsI"


def test_rate_json_has_counts_and_binned_spectra(cevns):
    r = cevns("rate", "--experiment", "coherent-lar-2020", "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    assert d["signal_counts"] > 0 and d["background_counts"] > 0
    # per-isotope and per-flavour counts add up to the signal
    assert abs(sum(d["isotope_signal_counts"].values()) - d["signal_counts"]) < 1e-6 * d["signal_counts"]
    assert abs(sum(d["flavour_signal_counts"].values()) - d["signal_counts"]) < 1e-6 * d["signal_counts"]
    assert abs(sum(d["observable"]["signal_counts"]) - d["signal_counts"]) < 1e-6 * d["signal_counts"]
    assert abs(sum(d["time"]["signal_counts"]) - d["signal_counts"]) < 1e-6 * d["signal_counts"]
    assert len(d["recoil"]["recoil_keVnr"]) == len(d["recoil"]["signal_counts_per_keVnr"])


def test_rate_csv(cevns, tmp_path):
    r = cevns("rate", "--experiment", "coherent-csi-2017", "--csv", tmp_path)
    assert r.returncode == 0, r.stderr
    header = (tmp_path / "observable.csv").read_text().splitlines()[0]
    assert header == "bin_low_pe,bin_high_pe,signal_counts,background_counts,total_counts"
    assert (tmp_path / "observable_time.csv").exists() and (tmp_path / "recoil.csv").exists()


def test_predict_prints_ratios(cevns):
    r = cevns("predict", "--json")
    assert r.returncode == 0, r.stderr
    rows = {e["id"]: e for e in r.json()["experiments"]}
    assert abs(rows["coherent-lar-2020"]["ratio_to_published"] - 1) < 0.1


def test_unknown_experiment_suggests(cevns):
    r = cevns("rate", "--experiment", "coherent-csi-2071")
    assert r.returncode == 2
    assert "did you mean" in r.stderr and "coherent-csi-2017" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_malformed_and_invalid_yaml(cevns, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nname: [unclosed\n")
    r = cevns("rate", "--experiment", bad)
    assert r.returncode == 3 and "malformed YAML" in r.stderr
    good = open(__file__.replace("tests/cli/test_experiments.py", "data/experiments/coherent-csi-2017.yaml")).read()
    typo = tmp_path / "typo.yaml"
    typo.write_text(good.replace("  mass_kg: 14.57", "  mass_kgs: 14.57"))
    r = cevns("rate", "--experiment", typo)
    assert r.returncode == 3
    assert "typo.yaml:" in r.stderr and "target.mass_kgs" in r.stderr and "did you mean mass_kg" in r.stderr
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(good.replace("  mass_kg: 14.57", "  mass_kg: heavy"))
    r = cevns("rate", "--experiment", wrong)
    assert r.returncode == 3 and "target.mass_kg" in r.stderr and "wrong type" in r.stderr
    nosrc = tmp_path / "nosrc.yaml"
    nosrc.write_text(good.replace('  source: "CsI 2017 release coherent_parameters.yaml: QF', '  note: "QF'))
    r = cevns("rate", "--experiment", nosrc)
    assert r.returncode == 3 and "quenching" in r.stderr


def test_upper_limits_are_not_measurements(cevns, tmp_path):
    # CONUS 2021 published a 90 % CL upper limit (PRL 126, 041804): predict shows it as "< 85"
    r = cevns("predict", "--json")
    rows = {e["id"]: e for e in r.json()["experiments"]}
    conus = rows["conus-2021"]
    assert conus["upper_limit_counts"] == 85 and "measured_counts" not in conus
    assert conus["ratio_to_upper_limit"] == conus["signal_counts"] / 85
    text = cevns("predict").stdout
    assert any(line.startswith("conus-2021") and "< 85" in line for line in text.splitlines())
    # a file may not give both a measurement and a limit
    good = open(__file__.replace("tests/cli/test_experiments.py", "data/experiments/coherent-csi-2017.yaml")).read()
    both = tmp_path / "both.yaml"
    both.write_text(good.replace("  measured_counts: 134", "  measured_counts: 134\n  upper_limit_counts: 200"))
    r = cevns("rate", "--experiment", both)
    assert r.returncode == 3 and "both.yaml:" in r.stderr and "not both" in r.stderr


def test_gamma_response_is_for_photoelectrons(cevns, tmp_path):
    # the CsI 2021 release's gamma PE response smears reconstructed photoelectrons only
    lar = open(__file__.replace("tests/cli/test_experiments.py", "data/experiments/coherent-lar-2020.yaml")).read()
    bad = tmp_path / "gamma.yaml"
    bad.write_text(lar.replace("  model: sqrt", "  model: gamma\n  shape_per_keVee: 9.56"))
    r = cevns("rate", "--experiment", bad)
    assert r.returncode == 3 and "gamma.yaml:" in r.stderr and "pe only" in r.stderr
    csi = open(__file__.replace("tests/cli/test_experiments.py", "data/experiments/coherent-csi-2021.yaml")).read()
    noshape = tmp_path / "noshape.yaml"
    noshape.write_text(csi.replace("  shape_per_keVee: 9.56\n", ""))
    r = cevns("rate", "--experiment", noshape)
    assert r.returncode == 3 and "resolution.shape_per_keVee" in r.stderr and "missing" in r.stderr
