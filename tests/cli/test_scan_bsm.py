"""`cevns scan` with the quantity bsm_asimov_delta_chi2 (scan/bsm_asimov_job.hpp)."""
import pathlib

import pytest

EXAMPLE = pathlib.Path(__file__).parent.parent.parent / "examples" / "analyses" / "scan-zprime.yaml"

ZPRIME = ("quantity: bsm_asimov_delta_chi2\nexperiments: [coherent-csi-2017]\nzprime_model: {model}\n"
          "normalisation_uncertainty: 0.1\nparameters:\n"
          "  - {{name: zprime_mass_MeV, min: 10, max: 10000, points: 2, log: true}}\n"
          "  - {{name: zprime_coupling, min: 1.0e-6, max: 1.0e-4, points: 2, log: true}}\n")


def test_zprime_scan_decouples_at_large_mass_and_small_coupling(cevns, tmp_path):
    f = tmp_path / "z.yaml"
    f.write_text(ZPRIME.format(model="universal"))
    out = tmp_path / "z.csv"
    r = cevns("scan", f, "--out", out, "--threads", 2, "--json")
    assert r.returncode == 0, r.stderr
    rows = out.read_text().splitlines()
    assert rows[0] == "index,zprime_mass_MeV,zprime_coupling,delta_chi2,status"
    chi2 = {(float(m), float(g)): float(c) for _, m, g, c, _ in (row.split(",") for row in rows[1:])}
    assert len(chi2) == 4
    assert chi2[(10000.0, 1e-6)] == pytest.approx(0.0, abs=1e-6)
    assert chi2[(10.0, 1e-4)] > 25.0  # g^2/m^2 = 1e-10 MeV^-2: eps ~ 6 (excluded by far)
    assert min(chi2.values()) >= -1e-9
    # Predictions built concurrently on two threads give the single-thread bytes.
    serial = tmp_path / "serial.csv"
    assert cevns("scan", f, "--out", serial, "--threads", 1).returncode == 0
    assert serial.read_bytes() == out.read_bytes()


def test_example_file_is_valid(cevns):
    text = EXAMPLE.read_text()
    assert "cevns scan examples/analyses/scan-zprime.yaml" in text
    assert "quantity: bsm_asimov_delta_chi2" in text


@pytest.mark.parametrize("content, code, message", [
    (ZPRIME.format(model="universal").replace("zprime_model", "zprime_modle"), 3,
     ":3: key 'zprime_modle': unknown key (did you mean zprime_model?)"),
    (ZPRIME.format(model="b-minus-l"), 3, ":3: key 'zprime_model': "),
    (ZPRIME.format(model="universal").replace("name: zprime_coupling", "name: zprime_cuopling"), 2,
     "has no parameter 'zprime_cuopling' (did you mean zprime_coupling?)"),
    (ZPRIME.format(model="universal").replace("  - {name: zprime_coupling, min: 1.0e-6, max: 1.0e-4, points: 2, log: true}\n", ""),
     2, "zprime_mass_MeV and zprime_coupling together"),
])
def test_bad_bsm_scan_files(cevns, tmp_path, content, code, message):
    f = tmp_path / "bad.yaml"
    f.write_text(content)
    r = cevns("scan", f, "--out", tmp_path / "o.csv")
    assert r.returncode == code, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and message in r.stderr, r.stderr
