"""cevns.scan and cevns.scan_quantities: the rows of `cevns scan --out` from a file, YAML text or a
dict, and the quantity bsm_asimov_delta_chi2 against its contact-interaction limit."""
import json
import os
import pathlib
import subprocess

import numpy as np
import pytest

import cevns

ZPRIME = {"quantity": "bsm_asimov_delta_chi2", "experiments": ["coherent-csi-2017"], "zprime_model": "universal",
          "normalisation_uncertainty": 0.1,
          "parameters": [{"name": "zprime_mass_MeV", "min": 10.0, "max": 1e4, "points": 3, "log": True},
                         {"name": "zprime_coupling", "min": 1e-6, "max": 1e-4, "points": 2, "log": True}]}

SIN2W = ("quantity: flux_averaged_cross_section\ntarget: Ar40\nsource: sns\nparameters:\n"
         "  - {name: sin2w, min: 0.22, max: 0.25, points: 4}\n")


def _cli_rows(tmp_path, config_file):
    binary = os.environ.get("CEVNS_BIN")
    if not binary:
        pytest.skip("CEVNS_BIN is not set: run these tests through ctest to compare with the CLI")
    out = tmp_path / "cli.csv"
    proc = subprocess.run([binary, "scan", str(config_file), "--out", str(out), "--threads", "2"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = out.read_text().splitlines()
    return lines[0].split(","), [line.split(",") for line in lines[1:]]


@pytest.mark.parametrize("config", [ZPRIME, SIN2W], ids=["zprime", "sin2w"])
def test_scan_equals_cli_rows_bit_for_bit(tmp_path, config):
    f = tmp_path / "scan.yaml"
    f.write_text(json.dumps(config) if isinstance(config, dict) else config)  # JSON is YAML
    header, rows = _cli_rows(tmp_path, f)
    for source in (f, str(f), f.read_text(), config):
        r = cevns.scan(source, threads=2)
        names = [*r["parameters"], *r["values"]]
        assert header == ["index", *names, "status"]
        assert all(r["valid"]) and len(rows) == len(r["valid"])
        for name, k in zip(names, range(1, 1 + len(names))):
            assert r["columns"][name].tolist() == [float(row[k]) for row in rows], name


def test_zprime_decouples_and_a_heavy_one_is_contact_nsi():
    r = cevns.scan(ZPRIME, threads=2)
    m, g, chi2 = (r["columns"][k] for k in ("zprime_mass_MeV", "zprime_coupling", "delta_chi2"))
    assert chi2[(m == 1e4) & (g == 1e-6)][0] == pytest.approx(0.0, abs=1e-9)
    assert chi2[(m == 10.0) & (g == 1e-4)][0] > 25.0
    # m = 10 GeV, g = 1e-2: eps^u = eps^d = g^2/(sqrt2 G_F m^2) for every flavour (the library's
    # convention; q^2/m^2 < 1e-4), so the NSI parameters of the same quantity give the same Delta chi^2.
    gf = 1.1663788e-5 * 1e-6  # G_F in MeV^-2 (PDG 2022)
    eps = 1e-4 / (np.sqrt(2) * gf * 1e8)
    heavy = dict(ZPRIME, parameters=[{"name": "zprime_mass_MeV", "min": 1e4, "max": 1e4, "points": 1},
                                     {"name": "zprime_coupling", "min": 1e-2, "max": 1e-2, "points": 1}])
    nsi = dict(ZPRIME, parameters=[{"name": f"eps_{f}_{q}V", "min": eps, "max": eps, "points": 1}
                                   for f in ("ee", "mumu", "tautau") for q in ("u", "d")])
    z = cevns.scan(heavy)["columns"]["delta_chi2"][0]
    assert z > 1.0
    assert z == pytest.approx(cevns.scan(nsi)["columns"]["delta_chi2"][0], rel=1e-3)


def test_scan_quantities_lists_the_bsm_parameters():
    q = {x["name"]: x for x in cevns.scan_quantities()}
    assert {"flux_averaged_cross_section", "nsi_asimov_delta_chi2", "bsm_asimov_delta_chi2"} <= set(q)
    bsm = q["bsm_asimov_delta_chi2"]
    assert bsm["values"] == ["delta_chi2"]
    assert {"zprime_mass_MeV", "zprime_coupling", "magnetic_moment_bohr", "millicharge_e", "neutron_radius_fm",
            "scalar_mass_MeV", "scalar_coupling", "eps_ee_uV", "eps_mumu_dV"} <= set(bsm["parameters"])


def test_scan_errors_keep_their_message():
    bad = dict(ZPRIME, zprime_modle="universal")
    with pytest.raises(cevns.ConfigError, match=r"<dict>:1: key 'zprime_modle': unknown key \(did you mean zprime_model\?\)"):
        cevns.scan(bad)
    with pytest.raises(cevns.InputError, match="scan file not found"):
        cevns.scan(pathlib.Path("no-such-scan.yaml"))
    with pytest.raises(cevns.InputError, match="did you mean zprime_coupling"):
        cevns.scan(dict(ZPRIME, parameters=[ZPRIME["parameters"][0], dict(ZPRIME["parameters"][1], name="zprime_cupling")]))
