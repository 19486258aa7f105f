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


def test_observable_and_time_spectra(plot, tmp_path):
    r = cevns.rate("coherent-csi-2017")
    # bin edges come with the prediction; counts per bin sum to the totals
    assert len(r["observable_edges"]) == r["signal"].shape[0] + 1
    assert len(r["time_edges_us"]) == r["signal"].shape[1] + 1
    assert len(r["background_names"]) == len(r["backgrounds"])
    observed = np.round(r["total"])
    fig = plot.observable_spectrum(r, observed=observed, path=tmp_path / "pe.png")
    check_png(tmp_path / "pe.png")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "photoelectrons [PE]"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[0].startswith("CEvNS") and "data" in labels and "total" in labels
    fig = plot.time_distribution(r, observed=observed, path=tmp_path / "time.pdf")
    assert (tmp_path / "time.pdf").read_bytes().startswith(b"%PDF")
    assert "[$\\mu$s]" in fig.axes[0].get_xlabel()
    reactor = cevns.rate("conus-2018")
    with pytest.raises(ValueError, match="no time axis"):
        plot.time_distribution(reactor)


def test_profile_and_contour(plot, tmp_path):
    x = np.linspace(-2.0, 2.0, 41)
    fig = plot.delta_chi2_profile(x, x**2, "mu", path=tmp_path / "profile.png")
    check_png(tmp_path / "profile.png")
    assert [line.get_ydata()[0] for line in fig.axes[0].get_lines()[1:]] == [1.0, 4.0]
    y = np.linspace(-3.0, 3.0, 61)
    z = x[:, None] ** 2 + (y[None, :] / 2.0) ** 2
    fig = plot.contour_2d(x, y, z, "a", "b", path=tmp_path / "contour.png")
    check_png(tmp_path / "contour.png")
    # the minimum marker sits at the grid minimum (0, 0)
    marker = [line for line in fig.axes[0].get_lines() if line.get_label() == "minimum"][0]
    assert marker.get_xdata()[0] == 0.0 and marker.get_ydata()[0] == 0.0


def test_unfolded_spectrum(plot, tmp_path):
    e = np.linspace(1.0, 8.0, 15)
    plot.unfolded_spectrum(e, np.exp(-e), 0.1 * np.exp(-e), truth=np.exp(-e), path=tmp_path / "u.png")
    check_png(tmp_path / "u.png")
