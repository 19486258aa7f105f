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
    # how to read a ratio travels with it: PandaX-4T's 3.5 is a best fit behind an efficiency we lack
    assert "best fit" in rows["pandax-4t-8b"]["note"] and "note" not in rows["coherent-lar-2020"]
    text = cevns("predict").stdout
    assert "\nnotes" in text and "  pandax-4t-8b: best fit" in text


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
    bad.write_text(lar.replace("  model: sqrt\n  a_sqrt_keV: 0.58", "  model: gamma\n  shape_per_keVee: 9.56"))
    r = cevns("rate", "--experiment", bad)
    assert r.returncode == 3 and "gamma.yaml:" in r.stderr and "pe only" in r.stderr
    csi = open(__file__.replace("tests/cli/test_experiments.py", "data/experiments/coherent-csi-2021.yaml")).read()
    noshape = tmp_path / "noshape.yaml"
    noshape.write_text(csi.replace("  shape_per_keVee: 9.56\n", ""))
    r = cevns("rate", "--experiment", noshape)
    assert r.returncode == 3 and "resolution.shape_per_keVee" in r.stderr and "missing" in r.stderr


def test_several_detectors(cevns, tmp_path):
    # NUCLEUS-10g: a CaWO4 and an Al2O3 array binned alike, each with its own mass
    r = cevns("rate", "--experiment", "nucleus-10g", "--json")
    assert r.returncode == 0, r.stderr
    d = r.json()
    assert d["target"] == "CaWO4 + Al2O3"
    dets = {x["name"]: x for x in d["detectors"]}
    assert set(dets) == {"CaWO4", "Al2O3"} and dets["Al2O3"]["target"] == "Al2O3"
    assert abs(d["mass_kg"] - dets["CaWO4"]["mass_kg"] - dets["Al2O3"]["mass_kg"]) < 1e-15
    assert abs(sum(x["signal_counts"] for x in dets.values()) - d["signal_counts"]) < 1e-9 * d["signal_counts"]
    assert abs(sum(d["isotope_signal_counts"].values()) - d["signal_counts"]) < 1e-9 * d["signal_counts"]
    assert "Al27" in d["isotope_signal_counts"] and "W184" in d["isotope_signal_counts"]
    assert "recoil" not in d and all(len(x["recoil"]["recoil_keVnr"]) > 10 for x in dets.values())
    r = cevns("rate", "--experiment", "nucleus-10g", "--csv", tmp_path)
    assert (tmp_path / "recoil.csv").read_text().startswith("detector,recoil_keVnr,")
    listing = {e["id"]: e for e in cevns("experiments", "--json").json()["experiments"]}
    assert listing["nucleus-10g"]["target"] == "CaWO4 + Al2O3"
    # a detector's own threshold overrides the experiment's
    good = open(__file__.replace("tests/cli/test_experiments.py", "data/experiments/nucleus-10g.yaml")).read()
    raised = tmp_path / "raised.yaml"
    raised.write_text(good.replace("    mass_kg: 0.00449\n", "    mass_kg: 0.00449\n    threshold_keVnr: 0.1\n"))
    dr = {x["name"]: x for x in cevns("rate", "--experiment", raised, "--json").json()["detectors"]}
    assert dr["CaWO4"]["signal_counts"] == dets["CaWO4"]["signal_counts"]
    assert 0 < dr["Al2O3"]["signal_counts"] < 0.9 * dets["Al2O3"]["signal_counts"]
    # schema errors name the file, the line and the key
    cases = {
        "mass.yaml": (good.replace("  material: CaWO4\ndetectors:", "  material: CaWO4\n  mass_kg: 0.01\ndetectors:"),
                      ["target.mass_kg", "not with detectors"]),
        "typo.yaml": (good.replace("    mass_kg: 0.00449", "    mass_kgs: 0.00449"),
                      ["detectors[1].mass_kgs", "did you mean mass_kg"]),
        "unit.yaml": (good.replace("    mass_kg: 0.00449\n", "    mass_kg: 0.00449\n    threshold_keVee: 0.1\n"),
                      ["detectors[1]", "unit 'keVee' does not match"]),
        "twice.yaml": (good.replace("  - name: Al2O3", "  - name: CaWO4"), ["detectors[1].name", "used twice"]),
        "target.yaml": (good.replace("    material: Al2O3", "    material: Qq2O3"), ["detectors[1].material"]),
    }
    # a detector of another material may not inherit a Lindhard Z taken from target.material
    array = open(__file__.replace("tests/cli/test_experiments.py", "examples/analyses/reactor-ge-array.yaml")).read()
    cases["lindhard.yaml"] = (array.replace("    mass_kg: 0.94\n    threshold_keVee: 0.17",
                                            "    material: Si\n    mass_kg: 0.94\n    threshold_keVee: 0.17"),
                              ["detectors[1].quenching", "Lindhard"])
    for name, (text, needles) in cases.items():
        f = tmp_path / name
        f.write_text(text)
        r = cevns("rate", "--experiment", f)
        assert r.returncode == 3, (name, r.stderr)
        assert f"{name}:" in r.stderr and all(n in r.stderr for n in needles), (name, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_resolution_table(cevns, tmp_path):
    # a user resolution function: sigma(mean) rows next to the YAML file; sampling LAr 2020's
    # sigma = 0.58 sqrt(E) finely must reproduce the closed form
    lar = open(__file__.replace("tests/cli/test_experiments.py", "data/experiments/coherent-lar-2020.yaml")).read()
    rows = "".join(f"{e:.8g} {0.58 * e ** 0.5:.8g}\n" for e in [0.001 * 1.02 ** i for i in range(600)])
    (tmp_path / "sigma.txt").write_text("# mean_keVee sigma_keVee\n" + rows)
    user = tmp_path / "table.yaml"
    user.write_text(lar.replace("  model: sqrt\n  a_sqrt_keV: 0.58\n", "  model: table\n  file: sigma.txt\n"))
    ref = cevns("rate", "--experiment", "coherent-lar-2020", "--json").json()["signal_counts"]
    r = cevns("rate", "--experiment", user, "--json")
    assert r.returncode == 0, r.stderr
    assert abs(r.json()["signal_counts"] / ref - 1) < 1e-3
    (tmp_path / "bad.txt").write_text("1 0.1\n0.5 0.1\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text(lar.replace("  model: sqrt\n  a_sqrt_keV: 0.58\n", "  model: table\n  file: bad.txt\n"))
    r = cevns("rate", "--experiment", bad)
    assert r.returncode == 3 and "bad.yaml:" in r.stderr and "resolution.file" in r.stderr and "increase" in r.stderr
