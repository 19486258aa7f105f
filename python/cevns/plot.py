"""Plots of cevns quantities with matplotlib: flux spectra, cross sections of the three channels,
recoil spectra per isotope, coherency against energy, an experiment's observable and time
spectra (signal, backgrounds, data points), 1-D Delta chi^2 profiles and 2-D contours, and an
unfolded spectrum with its uncertainty band.

Every function returns a matplotlib Figure built without pyplot (rendered by the Agg canvas, so no
display is needed) and, given path, saves it: "x.png" or "x.pdf" as named, a path without a
suffix as both x.png and x.pdf. Axes are labelled with their units.

    >>> import cevns, cevns.plot
    >>> cevns.plot.flux_spectra(cevns.flux("reactor", power_GW=3.9, distance_m=17), path="reactor")
"""
from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import cevns

FORMATS = ("png", "pdf")
_SPECIES_LABEL = {"nue": r"$\nu_e$", "nuebar": r"$\bar\nu_e$", "numu": r"$\nu_\mu$", "numubar": r"$\bar\nu_\mu$",
                  "nutau": r"$\nu_\tau$", "nutaubar": r"$\bar\nu_\tau$"}


def log_log_energy_axes(ax, legend_size="small"):
    """Log-log axes against neutrino energy with a light grid and a legend (shared with the report)."""
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(r"neutrino energy $E_\nu$ [MeV]")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=legend_size)


def _figure(ncols=1, width=6.4, height=4.4):
    fig = Figure(figsize=(width * ncols, height), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(1, ncols, squeeze=False)[0]
    return fig, list(axes)


def save(fig, path, formats=FORMATS, dpi=150):
    """Saves fig to path: its suffix picks the format; without one, every format in formats.
    Returns the list of files written."""
    path = Path(path)
    targets = [path] if path.suffix.lstrip(".") in FORMATS else [path.with_name(path.name + "." + f) for f in formats]
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(target, dpi=dpi)
    return targets


def _finish(fig, path):
    if path is not None:
        save(fig, path)
    return fig


def species_label(flavour):
    return _SPECIES_LABEL.get(flavour, flavour)


def flux_spectra(fluxes, species=None, n=400, path=None, title=None):
    """dPhi/dE of one or more sources (cevns.Flux, or names for cevns.flux with its defaults), each
    species a curve, on log-log axes; monoenergetic lines are drawn as vertical markers with their
    intensity in the legend. All sources must share one normalisation (flux or fluence)."""
    if isinstance(fluxes, (cevns.Flux, str)):
        fluxes = [fluxes]
    fluxes = [f if isinstance(f, cevns.Flux) else cevns.flux(f) for f in fluxes]
    kinds = {f.normalisation for f in fluxes}
    if len(kinds) != 1:
        raise ValueError("flux_spectra: sources mix flux and fluence; plot them separately")
    fluence = kinds.pop() == "fluence"
    fig, (ax,) = _figure()
    lo, hi = np.inf, 0.0
    for f in fluxes:
        for nu in f.species:
            if species and nu not in species:
                continue
            label = f"{f.name} {species_label(nu)}"
            color = None
            energies = f.grid(nu, n=n, log=True)
            if energies.size:
                density = f.density(energies, nu)
                shown = density > 0
                if shown.any():
                    (curve,) = ax.plot(energies[shown], density[shown], label=label)
                    color = curve.get_color()
                    lo, hi = min(lo, energies[shown].min()), max(hi, energies[shown].max())
            lines = f.lines(nu)
            if lines:
                if color is None:  # the next colour of the cycle
                    (probe,) = ax.plot([], [])
                    color = probe.get_color()
                    probe.remove()
                unit = r"cm$^{-2}$" if fluence else r"cm$^{-2}$ s$^{-1}$"
                text = "; ".join(f"line {line['energy_MeV']:.4g} MeV ({line[f.suffix]:.2g} {unit})" for line in lines)
                if len(lines) > 1:
                    text = f"{len(lines)} lines"
                for k, line in enumerate(lines):
                    e = line["energy_MeV"]
                    ax.axvline(e, linestyle="--", linewidth=1.0, color=color,
                               label=f"{label}: {text}" if k == 0 else None)
                    lo, hi = min(lo, e), max(hi, e)
    ax.set_xscale("log")
    ax.set_yscale("log")
    if hi > 0:
        ax.set_xlim(lo * 0.8 if lo > 0 else hi * 1e-3, hi * 1.25)
    ax.set_xlabel(r"neutrino energy $E_\nu$ [MeV]")
    ax.set_ylabel(r"d$\Phi$/d$E_\nu$ [cm$^{-2}$ MeV$^{-1}$]" if fluence
                  else r"d$\Phi$/d$E_\nu$ [cm$^{-2}$ s$^{-1}$ MeV$^{-1}$]")
    ax.set_title(title or ("fluence" if fluence else "flux") + " at the detector")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize="small")
    return _finish(fig, path)


def cross_sections(target, enu_MeV=None, flavour="nuebar", path=None, **physics):
    """CEvNS, inverse beta decay and nu-e scattering side by side (cevns.compare): per target particle
    (molecule, free proton, electron) on the left, per kg of the material on the right; log axes."""
    enu = np.geomspace(1.0, 100.0, 200) if enu_MeV is None else np.asarray(enu_MeV, dtype=float)
    c = cevns.compare(target, enu, flavour=flavour, **physics)
    fig, (left, right) = _figure(ncols=2, width=5.6)
    curves = [("CEvNS", "cevns_cm2_per_molecule", "cevns_cm2_per_kg", "per molecule"),
              ("IBD", "ibd_cm2_per_proton", "ibd_cm2_per_kg", "per free proton"),
              (r"$\nu$–e", "electron_cm2_per_electron", "electron_cm2_per_kg", "per electron")]
    for name, per_particle, per_kg, per in curves:
        for ax, key, label in ((left, per_particle, f"{name} ({per})"), (right, per_kg, name)):
            values = np.asarray(c[key])
            shown = values > 0
            if shown.any():
                ax.plot(enu[shown], values[shown], label=label)
    left.set_ylabel(r"cross section per target particle $\sigma$ [cm$^2$]")
    right.set_ylabel(r"cross section per kg of " + c["target"] + r" [cm$^2$ kg$^{-1}$]")
    for ax in (left, right):
        log_log_energy_axes(ax)
    fig.suptitle(f"{species_label(c['neutrino'])} on {c['target']}: CEvNS, IBD and $\\nu$–e scattering")
    return _finish(fig, path)


def recoil_spectra(target, enu_MeV, recoil_keV=None, flavour="nue", path=None, **physics):
    """dsigma/dT against the nuclear recoil T for each isotope of a target (cevns.xsec), at one or
    a few neutrino energies; log y axis."""
    energies = np.atleast_1d(np.asarray(enu_MeV, dtype=float))
    if recoil_keV is None:
        tmax = np.max(np.atleast_1d(cevns.xsec(target, energies, flavour=flavour, **physics)["tmax_keV"]))
        recoil_keV = np.linspace(0.0, tmax, 400)
    recoil = np.asarray(recoil_keV, dtype=float)
    x = cevns.xsec(target, energies, recoil_keV=recoil, flavour=flavour, **physics)
    fig, (ax,) = _figure()
    styles = ["-", "--", ":", "-."]
    for iso in x["isotopes"]:
        color = None
        for k, e in enumerate(energies):
            d = np.atleast_2d(iso["dsigma_dT_cm2_per_keV"])[k]
            shown = d > 0
            if shown.any():
                label = iso["isotope"] + (f" ({iso['atoms_per_molecule']:.3g}/molecule)"
                                          if len(x["isotopes"]) > 1 else "")
                (curve,) = ax.plot(recoil[shown], d[shown], color=color, linestyle=styles[k % len(styles)],
                                   label=f"{label}, $E_\\nu$ = {e:g} MeV")
                color = curve.get_color()
    ax.set_yscale("log")
    ax.set_xlabel(r"nuclear recoil energy $T$ [keV]")
    ax.set_ylabel(r"d$\sigma$/d$T$ per nucleus [cm$^2$ keV$^{-1}$]")
    ax.set_title(f"CEvNS {species_label(x['neutrino'])} on {x['target']} ({x['form_factor']} form factor)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize="small")
    return _finish(fig, path)


def coherency(targets, enu_MeV=None, flavour="nue", path=None, **physics):
    """alpha(E) = sigma_F(E) / sigma_(F=1)(E) against neutrino energy for one or more targets, with
    each target's coherent limit 1/(2 R_A) marked (cevns.coherency)."""
    if isinstance(targets, str):
        targets = [targets]
    enu = np.geomspace(1.0, 300.0, 300) if enu_MeV is None else np.asarray(enu_MeV, dtype=float)
    fig, (ax,) = _figure()
    for t in targets:
        c = cevns.coherency(t, enu_MeV=enu, flavour=flavour, **physics)
        (curve,) = ax.plot(enu, c["alpha"], label=c["target"])
        ax.axvline(c["coherent_energy_limit_MeV"], color=curve.get_color(), linestyle=":", linewidth=1.0)
    ax.set_xscale("log")
    ax.set_ylim(0.0, 1.05)
    ax.set_xlabel(r"neutrino energy $E_\nu$ [MeV]")
    ax.set_ylabel(r"coherency $\sigma_F(E_\nu)/\sigma_{F=1}(E_\nu)$")
    ax.set_title("fraction of the point-nucleus cross section (dotted: $1/(2R_A)$)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize="small")
    return _finish(fig, path)


_OBSERVABLE_LABEL = {"keVnr": "nuclear recoil energy [keVnr]", "keVee": "electron-equivalent energy [keVee]",
                     "pe": "photoelectrons [PE]"}


def _steps(ax, edges, counts, **style):
    """A histogram drawn as steps over bin edges (counts per bin)."""
    ax.stairs(np.asarray(counts, dtype=float), np.asarray(edges, dtype=float), **style)


def _data_points(ax, edges, observed, label="data"):
    """Observed counts at the bin centres with Poisson (sqrt n) error bars."""
    edges = np.asarray(edges, dtype=float)
    observed = np.asarray(observed, dtype=float)
    centres = 0.5 * (edges[1:] + edges[:-1])
    ax.errorbar(centres, observed, yerr=np.sqrt(np.maximum(observed, 0.0)), fmt="o", color="black",
                markersize=3, label=label)


def observable_spectrum(rate, observed=None, path=None, log=False):
    """Expected counts per observable bin of a cevns.rate result: the CEvNS signal, each background
    and their sum (summed over time bins), with observed counts per bin as points if given."""
    edges = rate["observable_edges"]
    fig, (ax,) = _figure()
    _steps(ax, edges, rate["signal"].sum(axis=1), label=f"CEvNS ({rate['signal_counts']:.4g})", linewidth=1.6)
    for name, b in zip(rate["background_names"], rate["backgrounds"]):
        _steps(ax, edges, b.sum(axis=1), label=f"{name} ({b.sum():.4g})", linestyle="--")
    _steps(ax, edges, rate["total"].sum(axis=1), label="total", color="black", linewidth=1.0)
    if observed is not None:
        _data_points(ax, edges, np.asarray(observed, dtype=float).reshape(len(edges) - 1, -1).sum(axis=1))
    ax.set_xlabel(_OBSERVABLE_LABEL.get(rate["observable_unit"], rate["observable_unit"]))
    ax.set_ylabel("expected counts per bin")
    if log:
        ax.set_yscale("log")
    ax.set_title(rate["name"], fontsize="medium")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small")
    return _finish(fig, path)


def time_distribution(rate, observed=None, path=None):
    """Expected counts per arrival-time bin (pi-DAR experiments) of a cevns.rate result, summed over
    the observable: signal, each background, total; observed counts as points if given."""
    edges = rate["time_edges_us"]
    if len(edges) < 2:
        raise ValueError(f"experiment {rate['experiment']} has no time axis")
    fig, (ax,) = _figure()
    _steps(ax, edges, rate["signal"].sum(axis=0), label="CEvNS", linewidth=1.6)
    for name, b in zip(rate["background_names"], rate["backgrounds"]):
        _steps(ax, edges, b.sum(axis=0), label=name, linestyle="--")
    _steps(ax, edges, rate["total"].sum(axis=0), label="total", color="black", linewidth=1.0)
    if observed is not None:
        _data_points(ax, edges, np.asarray(observed, dtype=float).reshape(-1, len(edges) - 1).sum(axis=0))
    ax.set_xlabel(r"arrival time after the proton pulse [$\mu$s]")
    ax.set_ylabel("expected counts per bin")
    ax.set_title(rate["name"], fontsize="medium")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small")
    return _finish(fig, path)


def delta_chi2_profile(values, delta_chi2, parameter, levels=(1.0, 4.0), path=None, ax=None, label=None):
    """A 1-D Delta chi^2 (or -2 Delta ln L) profile with horizontal lines at the given levels
    (1 and 4: the 68 % and 95 % intervals of one parameter under Wilks' theorem)."""
    fig = None
    if ax is None:
        fig, (ax,) = _figure()
    ax.plot(np.asarray(values, dtype=float), np.asarray(delta_chi2, dtype=float), label=label)
    for level in levels:
        ax.axhline(level, color="grey", linestyle=":", linewidth=1.0)
    ax.set_xlabel(parameter)
    ax.set_ylabel(r"$\Delta\chi^2$")
    ax.set_ylim(bottom=0.0)
    ax.grid(True, alpha=0.3)
    if label is not None:
        ax.legend(fontsize="small")
    return _finish(fig, path) if fig is not None else ax.figure


def contour_2d(x, y, delta_chi2, xlabel, ylabel, levels=(2.30, 6.18, 11.83), path=None, title=None):
    """Contours of a 2-D Delta chi^2 grid, delta_chi2[i, j] at (x[i], y[j]); the default levels are
    the 1, 2 and 3 sigma regions of two parameters (Wilks)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    z = np.asarray(delta_chi2, dtype=float).reshape(len(x), len(y))
    fig, (ax,) = _figure(width=5.6, height=4.8)
    cs = ax.contour(x, y, z.T, levels=list(levels), colors=["C0", "C1", "C2"][: len(levels)])
    labels = {2.30: r"1$\sigma$", 6.18: r"2$\sigma$", 11.83: r"3$\sigma$"}
    ax.clabel(cs, fmt={lv: labels.get(lv, f"{lv:g}") for lv in levels}, fontsize="small")
    i, j = np.unravel_index(np.argmin(z), z.shape)
    ax.plot([x[i]], [y[j]], "k+", label="minimum")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, fontsize="medium")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small")
    return _finish(fig, path)


def unfolded_spectrum(energy_MeV, unfolded, error, truth=None, path=None, ylabel="flux per bin", title=None):
    """An unfolded spectrum with its +-1 sigma band, beside the true spectrum if given."""
    e = np.asarray(energy_MeV, dtype=float)
    u = np.asarray(unfolded, dtype=float)
    err = np.asarray(error, dtype=float)
    fig, (ax,) = _figure()
    ax.fill_between(e, u - err, u + err, alpha=0.3, label=r"unfolded $\pm1\sigma$")
    ax.plot(e, u, label="unfolded")
    if truth is not None:
        ax.plot(e, np.asarray(truth, dtype=float), "k--", label="truth")
    ax.set_xlabel(r"neutrino energy $E_\nu$ [MeV]")
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, fontsize="medium")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small")
    return _finish(fig, path)


__all__ = ["FORMATS", "coherency", "contour_2d", "cross_sections", "delta_chi2_profile", "flux_spectra",
           "observable_spectrum", "recoil_spectra", "save", "species_label", "time_distribution",
           "unfolded_spectrum"]
