"""The cevns report (docs/report.md): one self-contained HTML page, DIR/index.html, with the sources,
coherency, the three detection channels, the experiment catalog against published counts, the CONUS
ON/OFF significance, the reactor-spectrum unfolding, the sin^2 theta_W sensitivity and the neutrino
fog.

Every number in a table comes from the cevns command line run with --json (the binary given by
--cevns-bin; `cevns report` passes itself), and each document is kept in DIR/data/; the curves come
from the Python API (cevns.flux, cevns.coherency, cevns.compare). Plots are PNGs embedded as base64
data URIs (also written to DIR/figures/), the CSS is inline, nothing is loaded from the network.

    cevns report --out report                       # the usual way
    python3 -m cevns.report --out report --cevns-bin build/release/bin/cevns

Exit code 0 when every section was made (sections whose subcommand the binary lacks are marked
"not available", which is not a failure), 1 when a section failed (the page is still written,
with the error in that section), 2 for bad arguments.
"""
import argparse
import base64
import csv
import datetime
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

import cevns

# ---------------------------------------------------------------------------------------------------
# Running the command line


class CommandError(RuntimeError):
    pass


class Cli:
    """The cevns binary, called with --json; every document is also written to DIR/data/NAME.json."""

    def __init__(self, binary, data_dir, timeout=300, log=None):
        self.binary = str(binary)
        self.data_dir = Path(data_dir)
        self.timeout = timeout
        self.log = log or (lambda message: None)
        self._subcommands = None
        self.metadata = {}

    @property
    def subcommands(self):
        """Names listed under 'Subcommands:' in `cevns --help`."""
        if self._subcommands is None:
            proc = subprocess.run([self.binary, "--help"], capture_output=True, text=True, timeout=60)
            names, inside = [], False
            for line in proc.stdout.splitlines():
                if line.strip().startswith("Subcommands:"):
                    inside = True
                    continue
                if inside:
                    m = re.match(r"^\s{2}(\S+)\s", line + " ")
                    if m:
                        names.append(m.group(1))
            self._subcommands = names
        return self._subcommands

    def has(self, subcommand):
        return subcommand in self.subcommands

    def command_line(self, args):
        return "cevns " + " ".join(str(a) for a in args) + " --json"

    def start(self, name, args):
        """Starts `cevns ARGS --json` in the background; returns a callable giving the document."""
        argv = [self.binary, *map(str, args), "--json"]
        started = time.monotonic()
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

        def result():
            try:
                out, err = proc.communicate(timeout=max(1.0, self.timeout - (time.monotonic() - started)))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                raise CommandError(f"`{self.command_line(args)}` took more than {self.timeout} s") from None
            if proc.returncode != 0:
                message = err.strip().splitlines()[-1] if err.strip() else ""
                raise CommandError(f"`{self.command_line(args)}` failed with exit code {proc.returncode}: {message}")
            document = json.loads(out)
            self.data_dir.mkdir(parents=True, exist_ok=True)
            (self.data_dir / f"{name}.json").write_text(out)
            self.metadata = self.metadata or document.get("cevns", {})
            self.log(f"  {self.command_line(args)}: {time.monotonic() - started:.1f} s")
            return document

        return result

    def json(self, name, args):
        return self.start(name, args)()


# ---------------------------------------------------------------------------------------------------
# HTML pieces


def fmt(value, digits=4):
    """A number with `digits` significant figures; None/missing as an em dash (never an empty cell)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return str(value)
    if isinstance(value, (float, np.floating)):
        if not np.isfinite(value):
            return "—"
        if value != 0 and (abs(value) >= 1e5 or abs(value) < 1e-3):
            mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
            return f"{mantissa}×10<sup>{int(exponent)}</sup>"
        return f"{value:.{digits}g}"
    text = str(value)
    return html.escape(text) if text else "—"


def table(headers, rows, caption=None):
    """An HTML table; cells are already-formatted HTML (use fmt or html.escape)."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c if str(c) else '—'}</td>" for c in row) + "</tr>" for row in rows)
    cap = f"<caption>{caption}</caption>" if caption else ""
    return f'<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


class Figures:
    """Saves each figure to DIR/figures/NAME.png and returns an <img> with the PNG inline."""

    def __init__(self, folder):
        self.folder = Path(folder)

    def img(self, fig, name, alt):
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=110)
        data = buffer.getvalue()
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / f"{name}.png").write_bytes(data)
        encoded = base64.b64encode(data).decode("ascii")
        return (f'<figure><img src="data:image/png;base64,{encoded}" alt="{html.escape(alt)}">'
                f"<figcaption>{html.escape(alt)}</figcaption></figure>")


def references_html(*lists):
    seen = []
    for refs in lists:
        for r in refs or []:
            if r and r not in seen:
                seen.append(r)
    if not seen:
        return ""
    return "<p class='refs'><b>References:</b> " + "; ".join(html.escape(r) for r in seen) + "</p>"


def commands_html(commands):
    return "<p class='cmd'>Numbers from: " + ", ".join(f"<code>{html.escape(c)}</code>" for c in commands) + "</p>"


class Section:
    def __init__(self, key, title):
        self.key, self.title = key, title
        self.status, self.body, self.seconds = "ok", "", 0.0

    def html(self):
        badge = {"ok": "", "not available": "<span class='na'>not available</span>",
                 "failed": "<span class='fail'>failed</span>"}[self.status]
        return f"<section id='{self.key}'><h2>{html.escape(self.title)} {badge}</h2>{self.body}</section>"


# ---------------------------------------------------------------------------------------------------
# Figures (matplotlib without pyplot, as cevns.plot)


def _figure(ncols=1, width=6.4, height=4.2):
    from cevns.plot import _figure as figure  # noqa: PLC0415
    return figure(ncols=ncols, width=width, height=height)


SPECIES_ORDER = ("nue", "nuebar", "numu", "numubar", "nutau", "nutaubar")


def flux_density_plot(fluxes):
    """Left: dPhi/dE summed over species of each steady source (lines as dashed markers); right: the
    supernova fluence per species."""
    from cevns.plot import species_label  # noqa: PLC0415
    fig, (left, right) = _figure(ncols=2, width=6.0, height=4.6)
    for label, f in fluxes:
        grids = [f.grid(nu, n=300, log=True) for nu in f.species]
        if f.normalisation == "fluence":
            for nu in f.species:
                e = f.grid(nu, n=300, log=True)
                d = f.density(e, nu)
                shown = d > 0
                if shown.any():
                    right.plot(e[shown], d[shown], label=species_label(nu))
            continue
        energies = np.unique(np.concatenate([g for g in grids if g.size] or [np.array([])]))
        color = None
        if energies.size:
            density = f.density(energies)
            shown = density > 0
            if shown.any():
                (curve,) = left.plot(energies[shown], density[shown], label=label)
                color = curve.get_color()
        lines = [line for nu in f.species for line in f.lines(nu)]
        if lines:
            if color is None:
                (probe,) = left.plot([], [])
                color = probe.get_color()
                probe.remove()
            for k, line in enumerate(lines):
                left.axvline(line["energy_MeV"], color=color, linestyle="--", linewidth=0.9,
                             label=f"{label}: {len(lines)} line(s)" if (k == 0 and energies.size == 0) else None)
    left.set_title("steady sources: dΦ/dE summed over species (dashed: lines)")
    left.set_ylabel(r"d$\Phi$/d$E_\nu$ [cm$^{-2}$ s$^{-1}$ MeV$^{-1}$]")
    right.set_title("supernova at 10 kpc: time-integrated fluence")
    right.set_ylabel(r"d$F$/d$E_\nu$ [cm$^{-2}$ MeV$^{-1}$]")
    from cevns.plot import log_log_energy_axes  # noqa: PLC0415
    for ax in (left, right):
        log_log_energy_axes(ax)
    left.set_ylim(bottom=1e-4)
    return fig


# ---------------------------------------------------------------------------------------------------
# The sections


SOURCES = [
    # label, cevns flux options, cevns.flux keywords, what the setting is
    ("reactor", ["--source", "reactor", "--power-GW", "3.9", "--distance-m", "17.1"],
     ("reactor", {"power_GW": 3.9, "distance_m": 17.1}), "CONUS: 3.9 GW thermal at 17.1 m (Brokdorf)"),
    ("SNS", ["--source", "sns", "--distance-m", "19.3"], ("sns", {"distance_m": 19.3}),
     "COHERENT CsI: π-DAR at 19.3 m"),
    ("solar", ["--source", "solar"], ("solar", {}), "all components at Earth, B16-GS98, MSW-LMA"),
    ("supernova", ["--source", "supernova"], ("supernova", {}), "burst at 10 kpc, 3×10⁵³ erg (fluence)"),
    ("DSNB", ["--source", "dsnb"], ("dsnb", {}), "diffuse supernova background"),
    ("⁵¹Cr", ["--source", "cr51", "--activity-MCi", "5", "--distance-m", "10"],
     ("cr51", {"activity_MCi": 5.0, "distance_m": 10.0}), "5 MCi source at 10 m (illustrative)"),
]


def section_sources(ctx):
    jobs = [(label, ["flux", *args], ctx.cli.start(f"flux_{name}", ["flux", *args, "--grid", "2"]), (name, kw), setting)
            for label, args, (name, kw), setting in SOURCES]
    rows, refs, commands, fluxes = [], [], [], []
    for label, args, result, (name, kw), setting in jobs:
        d = result()
        commands.append(ctx.cli.command_line(args))
        refs.append(d["cevns"].get("references", []))
        fluence = d.get("normalisation") == "fluence"
        total = d.get("total_per_cm2" if fluence else "total_per_cm2_s")
        species_total = [s.get("total_per_cm2" if fluence else "total_per_cm2_s", 0.0) for s in d["species"]]
        means = [s.get("mean_energy_MeV") for s in d["species"]]
        weights = np.array([t or 0.0 for t in species_total])
        mean = float(np.sum(weights * np.array([m or 0.0 for m in means])) / weights.sum()) if weights.sum() > 0 else None
        per_species = "<br>".join(f"{s['neutrino']}: {fmt(m, 3)} MeV" for s, m in zip(d["species"], means))
        nlines = sum(len(s.get("lines", [])) for s in d["species"])
        rows.append([html.escape(label), html.escape(setting), fmt(total), "cm⁻²" if fluence else "cm⁻² s⁻¹",
                     fmt(mean, 4), per_species, str(nlines)])
        fluxes.append((label, cevns.flux(name, **kw)))
    body = table(["source", "setting", "total", "unit", "⟨E⟩ (all species) [MeV]", "⟨E⟩ per species", "lines"], rows)
    body += ctx.figures.img(flux_density_plot(fluxes), "flux_spectra",
                            "Neutrino spectra at the detector (cevns.flux, Python API)")
    body += "<p>⟨E⟩ of all species is the mean energy weighted by each species' total flux.</p>"
    body += commands_html(commands) + references_html(*refs)
    return body


def section_coherency(ctx):
    d = ctx.cli.json("coherency", ["coherency"])
    targets = list(d["rows"][0]["alpha"].keys()) if d["rows"] else []
    headers = ["source", "ν", "⟨E⟩ [MeV]"]
    for t in targets:
        headers += [f"{t}: rate-weighted", f"{t}: flux-weighted", f"{t}: published"]
    rows = []
    for r in d["rows"]:
        row = [html.escape(r["source"]), html.escape(r["neutrino"]), fmt(r["mean_energy_MeV"])]
        for t in targets:
            a = r["alpha"][t]
            row += [fmt(a.get("cevns")), fmt(a.get("cevns_flux_weighted")), fmt(a.get("published"), 3)]
        rows.append(row)
    import cevns.plot as plot  # noqa: PLC0415
    fig = plot.coherency(targets or ["Ar", "Ge", "Xe"], enu_MeV=np.geomspace(1.0, 300.0, 120), flavour="nue")
    body = (f"<p>Coherency α = ⟨σ with form factor⟩ / ⟨σ of a point nucleus⟩ ({html.escape(d.get('form_factor', ''))} "
            "form factor). <i>Rate-weighted</i>: ratio of the flux-averaged cross sections; <i>flux-weighted</i>: "
            "flux average of α(E). Published: Kerman et al. 2016 (the Maneschg 2018 review's table).</p>")
    body += table(headers, rows)
    body += ctx.figures.img(fig, "coherency", "Coherency α(E) = σ_F(E)/σ_F=1(E) against energy (cevns.coherency)")
    body += commands_html([ctx.cli.command_line(["coherency"])]) + references_html(d["cevns"].get("references"))
    return body


def section_cross_sections(ctx):
    target, energies = "Ge", [3, 10, 30, 50]
    args = ["compare", "--target", target, "--enu", *energies]
    d = ctx.cli.json("compare", args)
    rows = [[fmt(e["enu_MeV"]), fmt(e["cevns_cm2_per_molecule"]), fmt(e["ibd_cm2_per_proton"]),
             fmt(e["electron_cm2_per_electron"]), fmt(e["cevns_cm2_per_kg"]), fmt(e["ibd_cm2_per_kg"]),
             fmt(e["electron_cm2_per_kg"])] for e in d["energies"]]
    body = (f"<p>{html.escape(d['neutrino'])} on {html.escape(d['target'])}: CEvNS per nucleus, inverse beta "
            f"decay per free proton (threshold {fmt(d['ibd_threshold_MeV'])} MeV, {html.escape(d['ibd_model'])}), "
            "ν–e elastic scattering per electron; per kg of the material on the right.</p>")
    body += table(["E<sub>ν</sub> [MeV]", "CEvNS [cm²/nucleus]", "IBD [cm²/proton]", "ν–e [cm²/electron]",
                   "CEvNS [cm²/kg]", "IBD [cm²/kg]", "ν–e [cm²/kg]"], rows)
    if d.get("notes"):
        body += "<p>" + "; ".join(html.escape(n) for n in d["notes"]) + "</p>"
    import cevns.plot as plot  # noqa: PLC0415
    fig = plot.cross_sections(target, np.geomspace(1.0, 100.0, 80), flavour="nuebar")
    body += ctx.figures.img(fig, "cross_sections", f"CEvNS, IBD and ν–e cross sections, ν̄e on {target} (cevns.compare)")
    body += commands_html([ctx.cli.command_line(args)]) + references_html(d["cevns"].get("references"))
    return body


def section_experiments(ctx, predict_result):
    catalog = {e["id"]: e for e in ctx.cli.json("experiments", ["experiments"]).get("experiments", [])}
    d = predict_result()
    rows, names, ours, published, measured = [], [], [], [], []
    for e in d["experiments"]:
        c = catalog.get(e["id"], {})
        rows.append([html.escape(e["id"]), html.escape(c.get("target", "—")), html.escape(c.get("source", "—")),
                     html.escape(e.get("status", "—")), fmt(e.get("signal_counts")),
                     fmt(e.get("published_prediction_counts")), fmt(e.get("ratio_to_published"), 3),
                     ("< " + fmt(e["upper_limit_counts"])) if "upper_limit_counts" in e else fmt(e.get("measured_counts")),
                     fmt(e.get("ratio_to_upper_limit", e.get("ratio_to_measured")), 3),
                     html.escape(c.get("reference", "—"))])
        names.append(e["id"])
        ours.append(e.get("signal_counts") or np.nan)
        published.append(e.get("published_prediction_counts") or np.nan)
        measured.append(e.get("measured_counts") or np.nan)
    body = ("<p>Standard-Model CEvNS counts of every experiment of the catalog (data/experiments/*.yaml: "
            "target, source, exposure, quenching, threshold, efficiency), beside the collaboration's own "
            "prediction and its measured number, or its upper limit (shown as &lt; N, e.g. CONUS 2021: 90 % CL). "
            "Ratios are cevns / published.</p>")
    body += table(["experiment", "target", "source", "status", "cevns [counts]", "published prediction",
                   "ratio", "measured", "ratio", "reference"], rows)
    fig, (ax,) = _figure(width=7.0, height=4.4)
    x = np.arange(len(names))
    ax.scatter(x, ours, marker="o", label="cevns predict", zorder=3)
    ax.scatter(x, published, marker="s", facecolors="none", edgecolors="C1", label="published prediction", zorder=3)
    ax.scatter(x, measured, marker="x", color="C2", label="measured (or limit)", zorder=3)
    ax.set_xticks(x, names, rotation=35, ha="right", fontsize="small")
    ax.set_yscale("log")
    ax.set_ylabel("CEvNS events [counts]")
    ax.set_title("predicted and published counts per experiment")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize="small")
    body += ctx.figures.img(fig, "experiments", "Predicted vs published CEvNS counts (cevns predict)")
    body += commands_html([ctx.cli.command_line(["experiments"]), ctx.cli.command_line(["predict"])])
    body += references_html(d["cevns"].get("references"))
    return body


def section_significance(ctx):
    args = ["significance", "--on", "653", "--on-exposure", "112.3", "--off", "582", "--off-exposure", "114.4"]
    d = ctx.cli.json("significance", args)
    i = d["input"]
    body = ("<p>CONUS reactor ON/OFF counts in the region of interest (ON: 653 events in 112.3 kg d, OFF: 582 in "
            "114.4 kg d): the excess over the scaled OFF background and its significance by three methods.</p>")
    body += table(["ON", "ON exposure", "OFF", "OFF exposure", "α = t_on/t_off", "background in ON", "excess"],
                  [[fmt(i["on"]), fmt(i["on_exposure"]), fmt(i["off"]), fmt(i["off_exposure"]), fmt(d["alpha"]),
                    fmt(d["background_on"]), f"{fmt(d['excess'])} ± {fmt(d['excess_error'])}"]])
    names = {"profile_likelihood": "profile likelihood (Cowan et al. 2011)", "li_ma_17": "Li & Ma eq. 17",
             "simple": "excess / error"}
    body += table(["method", "significance [σ]"],
                  [[html.escape(names.get(k, k)), fmt(m["significance_sigma"], 3)] for k, m in d["methods"].items()])
    iv = d["interval"]
    body += table(["interval on the excess", "CL", "lower", "upper"],
                  [[html.escape(iv["method"]), fmt(iv["cl"]), fmt(iv["lower"]), fmt(iv["upper"])]])
    body += commands_html([ctx.cli.command_line(args)]) + references_html(d["cevns"].get("references"))
    return body


def section_unfolding(ctx):
    results = [(k, ctx.cli.start(f"unfold_{k}", ["unfold", "--scenario", k])) for k in (1, 2, 3)]
    fig, axes = _figure(ncols=3, width=4.4, height=4.0)
    rows, refs, commands = [], [], []
    for (k, result), ax in zip(results, axes):
        d = result()
        commands.append(ctx.cli.command_line(["unfold", "--scenario", k]))
        refs.append(d["cevns"].get("references"))
        s, fit = d["scenario"], d["smallest_positive_beta"]
        edges = np.asarray(d["energy_edges_MeV"])
        flux, err = np.asarray(fit["flux_per_fission_MeV"]), np.asarray(fit["error_per_fission_MeV"])
        ax.stairs(np.maximum(flux + err, 0), edges, baseline=np.maximum(flux - err, 0), fill=True, alpha=0.3,
                  color="C0", label="unfolded ±1σ")
        ax.stairs(flux, edges, color="C0", label=f"unfolded (β = {fit['beta']:.3g})")
        ax.stairs(d["true_flux_per_fission_MeV"], edges, color="k", linestyle="--", label="true")
        ax.stairs(d["true_flux_no_capture_per_fission_MeV"], edges, color="C3", linestyle=":",
                  label="true without ²³⁸U capture")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel(r"antineutrino energy $E_\nu$ [MeV]")
        ax.set_ylabel(r"d$N_\nu$/d$E_\nu$ [fission$^{-1}$ MeV$^{-1}$]")
        ax.set_title(f"scenario {k}: {s['target']}, {s['exposure_kg_yr']:g} kg yr, {s['threshold_eV']:g} eV",
                     fontsize="medium")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize="x-small")
        low = d["below_1p8_MeV"]["smallest_positive_beta"]
        rows.append([str(k), html.escape(s["target"]), fmt(s["exposure_kg_yr"]), fmt(s["threshold_eV"]),
                     fmt(s["background_per_keV_kg_day"]), fmt(fit["beta"]), fmt(fit["chi2"]),
                     f"{fmt(low['unfolded_per_fission'])} ± {fmt(low['error_per_fission'])}",
                     fmt(low["truth_per_fission"]), fmt(low["truth_no_capture_per_fission"]),
                     fmt(d["capture_separation_sigma"]["smallest_positive_beta"], 3)])
    body = ("<p>The reactor antineutrino spectrum unfolded from a NUCLEUS-type CEvNS recoil spectrum "
            "(Liao, Liu & Marfatia 2023): Poisson pseudo-data (seed 1), Tikhonov regularisation at the smallest β "
            "that keeps the flux positive. Below the IBD threshold (1.8 MeV) the number of antineutrinos per "
            "fission tells whether neutron captures on ²³⁸U are seen.</p>")
    body += table(["scenario", "target", "exposure [kg yr]", "threshold [eV]", "background [/(keV kg d)]", "β",
                   "χ²", "ν̄ below 1.8 MeV [/fission]", "truth", "truth w/o capture", "capture seen at [σ]"], rows)
    body += ctx.figures.img(fig, "unfolding", "Unfolded reactor spectra with their 1σ band (cevns unfold)")
    body += commands_html(commands) + references_html(*refs)
    return body


SIN2W_SCAN = """# copy of examples/scans/sin2w-csi-sns.yaml
quantity: flux_averaged_cross_section
target: CsI
source: sns
sampling: grid
parameters:
  - {name: sin2w, min: 0.20, max: 0.26, points: 13}
  - {name: neutron_skin_fm, min: 0.0, max: 0.4, points: 5}
"""


def find_example(relative):
    """examples/RELATIVE in the source tree (next to the data directory), or None."""
    candidates = []
    try:
        candidates.append(Path(cevns.data_directory()).parent / "examples" / relative)
    except Exception:  # noqa: BLE001 - data directory unknown: fall back to the embedded copy
        pass
    candidates.append(Path(__file__).resolve().parents[3] / "examples" / relative)
    return next((c for c in candidates if c.is_file()), None)


def section_sin2w(ctx):
    scan_file = find_example("scans/sin2w-csi-sns.yaml")
    if scan_file is None:
        scan_file = ctx.data / "sin2w-csi-sns.yaml"
        scan_file.write_text(SIN2W_SCAN)
    out = ctx.data / "sin2w.csv"
    for stale in (out, Path(str(out) + ".checkpoint")):
        stale.unlink(missing_ok=True)
    args = ["scan", str(scan_file), "--out", str(out), "--threads", str(ctx.threads)]
    summary = ctx.cli.json("scan", args)
    with out.open() as f:
        rows = [r for r in csv.DictReader(f) if r["status"] == "ok"]
    sin2w = np.array([float(r["sin2w"]) for r in rows])
    skin = np.array([float(r.get("neutron_skin_fm", 0.0)) for r in rows])
    sigma = np.array([float(r["flux_averaged_cm2"]) for r in rows]) / 1e-40
    fig, (ax,) = _figure()
    for s in np.unique(skin):
        m = skin == s
        order = np.argsort(sin2w[m])
        ax.plot(sin2w[m][order], sigma[m][order], marker=".", label=f"$R_n - R_p$ = {s:.2g} fm")
    ax.axvline(cevns.SIN2W_DEFAULT, color="k", linestyle=":", linewidth=1.0,
               label=f"default {cevns.SIN2W_DEFAULT:g} (PDG 2018)")
    ax.set_xlabel(r"weak mixing angle $\sin^2\theta_W$")
    ax.set_ylabel(r"$\langle\sigma\rangle$ per nucleus [$10^{-40}$ cm$^2$]")
    ax.set_title("CsI at the SNS: flux-averaged CEvNS cross section")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small")
    # the relative sensitivity at the default point and zero skin
    zero = skin == np.min(skin)
    slope = np.polyfit(sin2w[zero], np.log(sigma[zero]), 1)[0] if zero.sum() > 1 else float("nan")
    body = ("<p>The flux-averaged cross section per nucleus of CsI in the SNS π-DAR flux, scanned over "
            "sin²θ<sub>W</sub> and the neutron skin. The weak charge Q<sub>W</sub> ≈ N − (1 − 4 sin²θ<sub>W</sub>)Z "
            "makes ⟨σ⟩ fall as sin²θ<sub>W</sub> grows; a thicker neutron skin lowers the form factor.</p>")
    body += table(["points", "evaluated", "invalid", "threads", "seconds", "d ln⟨σ⟩ / d sin²θ_W (no skin)"],
                  [[fmt(summary["points"]), fmt(summary["evaluated_points"]), fmt(summary["invalid_points"]),
                    fmt(summary["threads"]), fmt(summary["seconds"], 3), fmt(slope, 3)]])
    body += ctx.figures.img(fig, "sin2w", "Flux-averaged cross section against sin²θ_W (cevns scan)")
    body += commands_html([f"cevns scan {scan_file.name} --out sin2w.csv"])
    body += "<p class='refs'>Scan file: <code>examples/scans/sin2w-csi-sns.yaml</code>; results in data/sin2w.csv.</p>"
    return body


NSI_SCAN = """# examples/scans/nsi-coherent-csi.yaml on a 201 x 201 grid (the example has 1000 x 1000)
quantity: nsi_asimov_delta_chi2
experiments: [coherent-csi-2017, coherent-lar-2020]
flavour: e
normalisation_uncertainty: 0.10
sampling: grid
parameters:
  - {name: eps_uV, min: -1.0, max: 1.0, points: 201}
  - {name: eps_dV, min: -1.0, max: 1.0, points: 201}
"""


def section_nsi(ctx):
    scan_file = ctx.data / "nsi-coherent.yaml"
    scan_file.write_text(NSI_SCAN)
    out = ctx.data / "nsi.csv"
    for stale in (out, Path(str(out) + ".checkpoint")):
        stale.unlink(missing_ok=True)
    args = ["scan", str(scan_file), "--out", str(out), "--threads", str(ctx.threads)]
    summary = ctx.cli.json("nsi", args)
    data = np.genfromtxt(out, delimiter=",", names=True, dtype=None, encoding="utf-8")
    eu, ed, chi2 = (np.asarray(data[k], dtype=float) for k in ("eps_uV", "eps_dV", "delta_chi2"))
    xs, ys = np.unique(eu), np.unique(ed)
    grid = np.full((len(xs), len(ys)), np.nan)
    grid[np.searchsorted(xs, eu), np.searchsorted(ys, ed)] = chi2
    from cevns.plot import contour_2d  # noqa: PLC0415
    fig = contour_2d(xs, ys, grid, r"$\varepsilon^{uV}_{ee}$", r"$\varepsilon^{dV}_{ee}$",
                                title="COHERENT CsI (2017) + LAr (2020), Asimov")
    inside = grid < 2.30
    band = ys[inside.any(axis=0)]
    body = ("<p>Asimov sensitivity of COHERENT CsI (2017 exposure) and LAr (2020) to flavour-diagonal ν<sub>e</sub> "
            "vector NSI, the (ε<sup>uV</sup><sub>ee</sub>, ε<sup>dV</sup><sub>ee</sub>) plane of the Maneschg 2018 review's NSI slide. "
            "The two allowed bands are where the weak charge is the SM one or its opposite; the signal "
            "normalisation (10 %) is profiled. Every bin count is exactly quadratic in ε, so the grid costs a "
            "few dozen flops per point.</p>")
    body += table(["points", "threads", "seconds", "1σ region: ε<sup>dV</sup> range", "Δχ² at ε = 0"],
                  [[fmt(summary["points"]), fmt(summary["threads"]), fmt(summary["seconds"], 3),
                    f"{fmt(band.min(), 3)} … {fmt(band.max(), 3)}" if band.size else "—",
                    fmt(float(grid[np.argmin(np.abs(xs)), np.argmin(np.abs(ys))]), 3)]])
    body += ctx.figures.img(fig, "nsi", "Asimov Δχ² contours in the ε_uV–ε_dV plane (cevns scan)")
    body += commands_html(["cevns scan examples/scans/nsi-coherent-csi.yaml --out nsi.csv"])
    return body


def section_coherent_spectra(ctx):
    experiments = (("coherent-csi-2017", False), ("coherent-lar-2020", True))
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
    from matplotlib.figure import Figure  # noqa: PLC0415
    fig = Figure(figsize=(10.4, 8.0), layout="constrained")
    FigureCanvasAgg(fig)
    grid = fig.subplots(2, 2, squeeze=False)
    rows = []
    for (experiment, log), axes in zip(experiments, grid):
        r = cevns.rate(experiment)
        observable = r["observable_unit"]
        for ax, xedges, xlabel, axis in ((axes[0], r["observable_edges"], f"observable [{observable}]", 1),
                                         (axes[1], r["time_edges_us"], r"arrival time [$\mu$s]", 0)):
            ax.stairs(r["signal"].sum(axis=axis), xedges, label=f"CEvNS ({r['signal_counts']:.4g})", linewidth=1.6)
            for name, b in zip(r["background_names"], r["backgrounds"]):
                ax.stairs(b.sum(axis=axis), xedges, linestyle="--", label=f"{name} ({b.sum():.4g})")
            ax.stairs(r["total"].sum(axis=axis), xedges, color="k", linewidth=1.0, label="total")
            if log:  # the signal tail falls by many decades: show four below the largest bin
                ax.set_yscale("log")
                ax.set_ylim(bottom=1e-4 * float(r["total"].sum(axis=axis).max()))
            ax.set_xlabel(xlabel)
            ax.set_ylabel("expected counts per bin")
            ax.set_title(r["name"], fontsize="small")
            ax.grid(True, alpha=0.3)
            ax.legend(fontsize="x-small")
        for k, v in r["flavour_signal_counts"].items():
            rows.append([html.escape(experiment), html.escape(k), fmt(v)])
        for k, v in r["isotope_signal_counts"].items():
            rows.append([html.escape(experiment), html.escape(k), fmt(v)])
        for name, b in zip(r["background_names"], r["backgrounds"]):
            rows.append([html.escape(experiment), "background " + html.escape(name), fmt(float(b.sum()))])
    body = ("<p>The prediction chain for the COHERENT CsI 2017 and LAr 2020 catalog entries (data/experiments/): "
            "SNS π-DAR fluence × CEvNS cross section per isotope × quenching, light yield (Poisson photo-statistics "
            "for CsI) and the published acceptance, binned in the observable × arrival time; LAr with the release's "
            "steady-state and beam-related backgrounds (log scale). Prompt ν<sub>μ</sub> arrive within the proton "
            "pulse, ν<sub>e</sub> and ν̄<sub>μ</sub> with the 2.2 μs muon lifetime.</p>")
    body += table(["experiment", "component", "counts"], rows)
    body += ctx.figures.img(fig, "coherent-spectra", "COHERENT predicted spectra in the observable and time (cevns.rate)")
    body += commands_html(["cevns rate --experiment coherent-csi-2017 --json",
                           "cevns rate --experiment coherent-lar-2020 --json"])
    return body


def _pm(value, error, digits=4):
    return f"{fmt(value, digits)} ± {fmt(error, 2)}" if error else fmt(value, digits)


def section_release_fits(ctx):
    runs = [(name, ctx.cli.start(f"release_fit_{name[-4:]}", ["release-fit", "--release", name]))
            for name in ("coherent-csi-2017", "coherent-csi-2021")]
    rows, refs, commands = [], [], []
    for name, result in runs:
        d = result()
        commands.append(ctx.cli.command_line(["release-fit", "--release", name]))
        refs.append(d["cevns"].get("references"))
        pub = d["published"]

        def row(quantity, ours, ours_error, key, scale=1.0, name=name, pub=pub):
            p = pub.get(key)
            published = _pm(p["value"] / scale, p["error"] / scale) if p else "—"
            ratio = fmt(ours / p["value"] * scale, 3) if p and p["value"] else "—"
            rows.append([html.escape(name), quantity, _pm(ours, ours_error), published, ratio])

        row("fitted CEvNS events", d["fitted_events"], d["fitted_events_error"], "fitted_events")
        row("significance against no CEvNS [σ]", d["significance_sigma"], 0, "significance_sigma")
        if "sin2_theta_w" in d:
            e40 = 1e-40
            row("SM ⟨σ⟩ per nucleus [10⁻⁴⁰ cm²]", d["sm_flux_averaged_cm2"] / e40, 0, "sm_flux_averaged_cm2", e40)
            row("measured ⟨σ⟩ [10⁻⁴⁰ cm²]", d["measured_flux_averaged_cm2"] / e40,
                d["measured_flux_averaged_error_cm2"] / e40, "measured_flux_averaged_cm2", e40)
            half = 0.5 * (d["sin2_theta_w_upper"] - d["sin2_theta_w_lower"])
            row("sin²θ<sub>W</sub>", d["sin2_theta_w"], half, "sin2_theta_w")
    body = ("<p>The COHERENT CsI[Na] observations refitted from their public data releases: binned Poisson "
            "likelihoods in photoelectrons × arrival time with the beam-on anti-coincidence data as the steady "
            "state (falling exponentially in time, as the beam-off samples show), the releases' beam-related "
            "neutron shapes and cevns's SM signal. The 2021 fit also gives the flux-averaged cross section and "
            "sin²θ<sub>W</sub> from a profile over the weak mixing angle. Its error is larger than the "
            "published one because the released anti-coincidence sample limits the steady state "
            "(docs/validation/experiments.md).</p>")
    body += table(["release", "quantity", "cevns", "published", "ratio"], rows)
    body += commands_html(commands) + references_html(*refs)
    return body


def section_reactor_physics(ctx):
    monitor = ctx.cli.start("reactor_monitor", ["reactor-monitor"])
    scan_file = find_example("scans/sterile-triga.yaml")
    if scan_file is None:
        raise FileNotFoundError("examples/scans/sterile-triga.yaml not found beside the data directory")
    out = ctx.data / "sterile.csv"
    for stale in (out, Path(str(out) + ".checkpoint")):
        stale.unlink(missing_ok=True)
    summary = ctx.cli.json("sterile", ["scan", str(scan_file), "--out", str(out), "--threads", str(ctx.threads)])
    data = np.genfromtxt(out, delimiter=",", names=True, dtype=None, encoding="utf-8")
    dm2, s22, chi2 = (np.asarray(data[k], dtype=float) for k in ("dm2_eV2", "sin2_2theta", "delta_chi2"))
    xs, ys = np.unique(dm2), np.unique(s22)
    grid = np.full((len(xs), len(ys)), np.nan)
    grid[np.searchsorted(xs, dm2), np.searchsorted(ys, s22)] = chi2
    fig, (ax,) = _figure(width=5.6, height=4.6)
    ax.contour(ys, xs, grid, levels=[4.61, 11.83], colors=["C0", "C3"])
    ax.plot([], [], color="C0", label=r"90 % CL ($\Delta\chi^2$ = 4.61)")
    ax.plot([], [], color="C3", label=r"3$\sigma$ ($\Delta\chi^2$ = 11.83)")
    ax.legend(fontsize="small", title="excluded to the right")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(r"$\sin^2 2\theta_{ee}$")
    ax.set_ylabel(r"$\Delta m^2_{41}$ [eV$^2$]")
    ax.set_title("1 MW TRIGA, 100 kg Ge at 2–10 m, 1000 kg yr (Asimov)", fontsize="medium")
    ax.grid(True, which="both", alpha=0.3)
    # per Delta m^2, the smallest excluded mixing (rows with none excluded: infinity)
    best = np.min(np.where(grid >= 4.61, ys[None, :] * np.ones_like(grid), np.inf), axis=1)
    k = int(np.argmin(best))
    m = monitor()
    setup, fit, pu = m["setup"], m["asimov_fit"], m["pu_removal"]
    body = ("<p>The Maneschg 2018 review's reactor programme. <b>Monitoring:</b> thermal power and fission fractions fitted to "
            "the CEvNS recoil spectrum of a germanium detector (Asimov), and the Δχ² with which removing "
            "²³⁹Pu (a shift of its fission fraction to ²³⁵U at equal power) is seen. <b>Sterile search:</b> a movable "
            "detector at five distances from a research reactor; the flux normalisation is free, so only the change "
            "of the rate with distance constrains the 3+1 oscillation.</p>")
    body += table(["setup", "signal counts", "power", "f(²³⁹Pu)", "Δf(²³⁹Pu) tested", "Δχ²", "seen at [σ]"],
                  [[f"{fmt(setup['mass_kg'])} kg Ge, {fmt(setup['distance_m'])} m from {fmt(setup['power_MW'])} MW, "
                    f"{fmt(setup['threshold_eV'])} eV, {fmt(setup['exposure_days'])} d",
                    fmt(m["signal_counts"]), _pm(fit["power_MW"], fit["power_error_MW"]),
                    _pm(fit["f239"], fit["f239_error"]), fmt(pu["delta_f239"]), fmt(pu["delta_chi2"], 3),
                    fmt(pu["significance_sigma"], 3)]])
    body += table(["grid points", "seconds", "best 90 % CL reach in sin²2θ", "at Δm² [eV²]"],
                  [[fmt(summary["points"]), fmt(summary["seconds"], 3), fmt(best[k], 3), fmt(xs[k], 3)]])
    body += ctx.figures.img(fig, "sterile", "Sterile-neutrino exclusion contour for the TRIGA setup (cevns scan)")
    body += commands_html([ctx.cli.command_line(["reactor-monitor"]),
                           "cevns scan examples/scans/sterile-triga.yaml --out sterile.csv"])
    body += references_html(m["cevns"].get("references"),
                            ["B. Dutta et al., PRD 94, 093002 (2016), arXiv:1511.02834 (TRIGA sterile search)"])
    return body


def _fog_curves(d):
    """The list of per-mass curves in a `cevns fog --json` document, found by its keys."""
    for key in ("curves", "masses", "fog", "results"):
        value = d.get(key)
        if isinstance(value, list) and value and isinstance(value[0], dict) and "mass_GeV" in value[0]:
            return value
    for value in d.values():
        if isinstance(value, list) and value and isinstance(value[0], dict) and "mass_GeV" in value[0]:
            return value
    return []


def section_fog(ctx, fog_result):
    d = fog_result()
    curves = _fog_curves(d)
    body = ("<p>The neutrino fog of a xenon target: for each WIMP mass the 3σ discovery limit on the "
            "spin-independent WIMP–nucleon cross section as the exposure grows, the fog index "
            "n = −(d ln σ / d ln N)<sup>−1</sup>, and the floor where n first reaches 2 (O'Hare 2021). "
            "The backgrounds are the CEvNS rates of solar, DSNB and atmospheric neutrinos, each with its "
            "normalisation uncertainty profiled.</p>")
    backgrounds = d.get("backgrounds") or []
    if backgrounds:
        body += table(["neutrino background", "events per ton-year", "normalisation uncertainty"],
                      [[html.escape(str(b.get("name", "—"))), fmt(b.get("events_per_ton_year")),
                        fmt(b.get("relative_uncertainty"))] for b in backgrounds])
    if not curves:
        scalars = [[html.escape(k), fmt(v)] for k, v in d.items() if not isinstance(v, (dict, list))]
        body += table(["key", "value"], scalars or [["document", "no per-mass curves found"]])
    else:
        shown = [c for c in curves if c.get("reachable", True)]
        rows = [[fmt(c["mass_GeV"]), fmt(c.get("floor_cross_section_cm2")), fmt(c.get("floor_exposure_ton_year"))]
                for c in shown[:: max(1, len(shown) // 8)]]
        body += table(["WIMP mass [GeV]", "floor σ<sub>SI</sub> [cm²]", "floor exposure [t yr]"], rows,
                      caption="a selection of the mass grid (all of it in data/fog.json)")
        fig, (left, right) = _figure(ncols=2, width=5.6)
        masses = np.array([c["mass_GeV"] for c in shown], dtype=float)
        floor = np.array([c.get("floor_cross_section_cm2") or np.nan for c in shown], dtype=float)
        if np.isfinite(floor).any():
            left.plot(masses, floor, marker=".", label="floor (n = 2)")
        for c in shown[:: max(1, len(shown) // 5)]:
            x = c.get("exposure_ton_year")
            y = c.get("discovery_cross_section_cm2", c.get("cross_section_cm2"))
            if x and y:
                right.plot(x, y, label=f"{c['mass_GeV']:.3g} GeV")
        left.set_xlabel("WIMP mass [GeV]")
        left.set_ylabel(r"SI WIMP–nucleon cross section $\sigma_{SI}$ [cm$^2$]")
        left.set_title("neutrino floor")
        right.set_xlabel("exposure [ton year]")
        right.set_ylabel(r"3$\sigma$ discovery limit $\sigma_{SI}$ [cm$^2$]")
        right.set_title("discovery limit vs exposure")
        for ax in (left, right):
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.grid(True, which="both", alpha=0.3)
            if ax.get_legend_handles_labels()[0]:
                ax.legend(fontsize="x-small")
        body += ctx.figures.img(fig, "fog", "Neutrino fog of xenon (cevns fog)")
    body += commands_html([ctx.cli.command_line(["fog", "--target", "Xe"])])
    body += references_html(d.get("cevns", {}).get("references"))
    return body


# ---------------------------------------------------------------------------------------------------
# The page


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1200px;padding:1em 2em;
color:#1d232a;line-height:1.45}
h1{border-bottom:3px solid #2b6cb0;padding-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccd;color:#2b4c7e}
table{border-collapse:collapse;margin:.8em 0;font-size:.88em}th,td{border:1px solid #c8ced6;padding:.25em .55em;
text-align:right;vertical-align:top}th{background:#eef2f7;text-align:center}td:first-child{text-align:left}
tbody tr:nth-child(even){background:#f8f9fb}figure{margin:1em 0}img{max-width:100%;height:auto;border:1px solid #e2e6ea}
figcaption{font-size:.85em;color:#555}code{background:#f1f3f5;padding:0 .25em;border-radius:3px;font-size:.9em}
.refs,.cmd{font-size:.82em;color:#444}.na{font-size:.6em;background:#fff3cd;padding:.1em .4em;border-radius:3px}
.fail{font-size:.6em;background:#f8d7da;padding:.1em .4em;border-radius:3px}pre{white-space:pre-wrap;font-size:.85em}
nav ol{columns:2}.meta{color:#555;font-size:.9em}
"""


class Context:
    def __init__(self, cli, out, threads):
        self.cli, self.out, self.threads = cli, Path(out), threads
        self.data = self.out / "data"
        self.figures = Figures(self.out / "figures")


def write_page(out, sections, meta, seconds):
    nav = "".join(f"<li><a href='#{s.key}'>{html.escape(s.title)}</a> {'' if s.status == 'ok' else '(' + s.status + ')'}</li>"
                  for s in sections)
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>cevns report</title><style>{CSS}</style></head><body>
<h1>cevns report</h1>
<p class="meta">cevns {html.escape(str(meta.get('version', '?')))} (git {html.escape(str(meta.get('git_hash', '?')))}),
made {when} in {seconds:.0f} s with <code>cevns report</code>. Every table is the <code>--json</code> output of the
command named under it (kept in <code>data/</code>); the plots (also in <code>figures/</code>) use the Python module.
See docs/report.md.</p>
<nav><ol>{nav}</ol></nav>
{''.join(s.html() for s in sections)}
</body></html>
"""
    (Path(out) / "index.html").write_text(page, encoding="utf-8")


def build(args):
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    log = (lambda m: None) if args.quiet or args.json else (lambda m: print(m, file=sys.stderr, flush=True))
    cli = Cli(args.cevns_bin, out / "data", timeout=args.timeout, log=log)
    ctx = Context(cli, out, args.threads)
    started = time.monotonic()
    # The slow commands start first and run beside the rest.
    predict = cli.start("predict", ["predict"]) if cli.has("predict") else None
    fog = cli.start("fog", ["fog", "--target", "Xe"]) if cli.has("fog") else None

    plan = [
        ("sources", "Neutrino sources", lambda: section_sources(ctx), None),
        ("coherency", "Coherency: cevns beside the published table", lambda: section_coherency(ctx), None),
        ("cross-sections", "Cross sections: CEvNS, IBD and ν–e scattering", lambda: section_cross_sections(ctx), None),
        ("experiments", "Experiments: predicted vs published counts",
         (lambda: section_experiments(ctx, predict)) if predict else None, "predict"),
        ("coherent-spectra", "COHERENT CsI: predicted spectra in energy and time",
         lambda: section_coherent_spectra(ctx), None),
        ("release-fits", "COHERENT CsI refitted from the data releases",
         lambda: section_release_fits(ctx), None),
        ("significance", "CONUS ON/OFF significance", lambda: section_significance(ctx), None),
        ("unfolding", "Unfolding the reactor spectrum", lambda: section_unfolding(ctx), None),
        ("sin2w", "sin²θ_W sensitivity (scan)", lambda: section_sin2w(ctx), None),
        ("nsi", "NSI sensitivity: the ε_uV–ε_dV plane (scan)", lambda: section_nsi(ctx), None),
        ("reactor", "Reactor monitoring and a sterile-neutrino search", lambda: section_reactor_physics(ctx), None),
        ("fog", "Neutrino fog (Xe)", (lambda: section_fog(ctx, fog)) if fog else None, "fog"),
    ]
    required = {"significance": "significance", "unfolding": "unfold", "sin2w": "scan", "nsi": "scan",
                "release-fits": "release-fit", "reactor": "reactor-monitor"}
    sections = []
    for key, title, make, needs in plan:
        s = Section(key, title)
        t0 = time.monotonic()
        missing = needs if make is None else (required.get(key) if required.get(key) and not cli.has(required[key]) else None)
        if missing:
            s.status = "not available"
            s.body = (f"<p>This cevns binary has no <code>{html.escape(missing)}</code> subcommand "
                      "(<code>cevns --help</code>), so this section is left out.</p>")
        else:
            try:
                s.body = make()
            except Exception as error:  # noqa: BLE001 - a failed section is reported in the page
                s.status = "failed"
                s.body = f"<p>This section failed:</p><pre>{html.escape(type(error).__name__ + ': ' + str(error))}</pre>"
                print(f"cevns report: section '{key}' failed: {error}", file=sys.stderr)
        s.seconds = time.monotonic() - t0
        log(f"{key}: {s.status} ({s.seconds:.1f} s)")
        sections.append(s)
    seconds = time.monotonic() - started
    write_page(out, sections, cli.metadata, seconds)
    return sections, seconds


def default_binary():
    return os.environ.get("CEVNS_BIN") or shutil.which("cevns")


def main(argv=None):
    p = argparse.ArgumentParser(prog="cevns report", description="write the cevns HTML report to DIR/index.html")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--cevns-bin", default=default_binary(), help="the cevns executable (default $CEVNS_BIN or PATH)")
    p.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.add_argument("--threads", type=int, default=min(2, os.cpu_count() or 1), help="threads of the scan")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds allowed per command")
    args = p.parse_args(argv)
    if not args.cevns_bin or not Path(args.cevns_bin).is_file():
        print(f"cevns: error: cevns report: no cevns executable (--cevns-bin {args.cevns_bin!r})", file=sys.stderr)
        return 2
    import matplotlib  # noqa: PLC0415
    matplotlib.use("Agg")
    sections, seconds = build(args)
    index = Path(args.out).resolve() / "index.html"
    failed = [s.key for s in sections if s.status == "failed"]
    if args.json:
        print(json.dumps({"index": str(index), "seconds": seconds,
                          "sections": [{"id": s.key, "title": s.title, "status": s.status, "seconds": s.seconds}
                                       for s in sections],
                          "failed": failed, "cevns": {"version": cevns.__version__}}, indent=2))
    elif not args.quiet:
        print(f"wrote {index} ({seconds:.0f} s){'; failed: ' + ', '.join(failed) if failed else ''}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
