"""cevns.plot: PNG and PDF files with the expected axis labels; matplotlib stays optional."""
import subprocess
import sys

import numpy as np
import pytest

import cevns

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def plot():
    pytest.importorskip("matplotlib")
    import cevns.plot as module  # noqa: PLC0415
    return module


def check_png(path):
    data = path.read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > 5000


def test_import_cevns_does_not_import_matplotlib(python_env):
    code = "import sys, cevns; cevns.xsec('Ar40', 30.0); assert 'matplotlib' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, env=python_env)


def test_flux_spectra(plot, tmp_path):
    fluxes = [cevns.flux("reactor", power_GW=3.9, distance_m=17), cevns.flux("sns", distance_m=20)]
    fig = plot.flux_spectra(fluxes, path=tmp_path / "flux")
    check_png(tmp_path / "flux.png")
    assert (tmp_path / "flux.pdf").read_bytes().startswith(b"%PDF")
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert "[MeV]" in ax.get_xlabel() and "cm$^{-2}$ s$^{-1}$ MeV$^{-1}$" in ax.get_ylabel()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "reactor $\\bar\\nu_e$" in labels and any("line" in t and "29.79 MeV" in t for t in labels)
    with pytest.raises(ValueError, match="fluence"):
        plot.flux_spectra(fluxes + [cevns.flux("supernova")])


def test_cross_sections_side_by_side(plot, tmp_path):
    fig = plot.cross_sections("H2O", np.geomspace(1.0, 100.0, 50), path=tmp_path / "xs.png")
    check_png(tmp_path / "xs.png")
    assert not (tmp_path / "xs.pdf").exists()
    left, right = fig.axes
    assert "[cm$^2$]" in left.get_ylabel() and "per kg of H2O" in right.get_ylabel()
    assert [t.get_text() for t in right.get_legend().get_texts()] == ["CEvNS", "IBD", r"$\nu$–e"]
    assert all("[MeV]" in ax.get_xlabel() for ax in (left, right))


def test_recoil_spectra_per_isotope(plot, tmp_path):
    fig = plot.recoil_spectra("CsI", [10.0, 30.0], path=tmp_path / "recoil.png")
    check_png(tmp_path / "recoil.png")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "nuclear recoil energy $T$ [keV]"
    assert "cm$^2$ keV$^{-1}$" in ax.get_ylabel()
    assert len(ax.get_lines()) == 4  # two isotopes x two energies


def test_coherency_plot(plot, tmp_path):
    fig = plot.coherency(["Ar", "Xe"], path=tmp_path / "coherency.pdf")
    assert (tmp_path / "coherency.pdf").stat().st_size > 1000
    ax = fig.axes[0]
    assert "[MeV]" in ax.get_xlabel() and "coherency" in ax.get_ylabel()
    alphas = [line.get_ydata() for line in ax.get_lines() if len(line.get_ydata()) > 2]
    assert len(alphas) == 2 and all(np.all((a > 0) & (a <= 1)) for a in alphas)
