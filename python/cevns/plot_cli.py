"""`cevns plot KIND [options] --out FILE.png|FILE.pdf` (apps/cevns/cmd_plot.cpp runs this module):
one figure from cevns.plot.

    python3 -m cevns.plot_cli flux --source reactor --power-GW 3.9 --distance-m 17 --out reactor.png
    python3 -m cevns.plot_cli xsec --target Ge --out ge.pdf
    python3 -m cevns.plot_cli recoil --target CsI --enu 10 30 --out recoil.png
    python3 -m cevns.plot_cli coherency --target Ar Ge Xe --out coherency.png
    python3 -m cevns.plot_cli spectrum --experiment coherent-lar-2020 --log --out lar.png
    python3 -m cevns.plot_cli contour --csv nsi.csv --x eps_uV --y eps_dV --out nsi.png

Exit codes as the command line: 0 success, 2 bad input, 3 configuration, 4 data, 5 numerical.
"""
import argparse
import json
import sys
from pathlib import Path

import numpy as np

import cevns

KINDS = ("flux", "xsec", "recoil", "coherency", "spectrum", "time", "profile", "contour")


def scan_columns(path, names):
    """The named columns of a `cevns scan` result file (rows with status ok), as float arrays."""
    path = Path(path)
    if not path.is_file():
        raise cevns.InputError(f"scan result not found: {path}")
    data = np.genfromtxt(path, delimiter=",", names=True, dtype=None, encoding="utf-8")
    known = list(data.dtype.names or ())
    for name in names:
        if name not in known:
            raise cevns.InputError(f"{path}: no column '{name}' (columns: {', '.join(known)})")
    ok = np.asarray(data["status"]) == "ok" if "status" in known else np.ones(len(data), bool)
    return [np.asarray(data[name], dtype=float)[ok] for name in names]


def grid_from_columns(x, y, z):
    """Scan rows (x, y, z) as a full grid z[i, j] at (xs[i], ys[j]); NaN where a point is missing."""
    xs, ys = np.unique(x), np.unique(y)
    grid = np.full((len(xs), len(ys)), np.nan)
    grid[np.searchsorted(xs, x), np.searchsorted(ys, y)] = z
    return xs, ys, grid


def exit_code(error):
    """The command line's exit code of a cevns exception (docs: README 'Exit codes')."""
    for cls, code in ((cevns.InputError, 2), (cevns.ConfigError, 3), (cevns.DataError, 4), (cevns.NumericalError, 5)):
        if isinstance(error, cls):
            return code
    return 2 if isinstance(error, ValueError) else 1


def source_options(args):
    """Keyword arguments of cevns.flux from the command-line options that were given."""
    options = {}
    if args.power_GW:
        options["power_GW"] = args.power_GW if len(args.power_GW) > 1 else args.power_GW[0]
    if args.distance_m:
        options["distance_m"] = args.distance_m if len(args.distance_m) > 1 else args.distance_m[0]
    if args.distance_kpc is not None:
        options["distance_kpc"] = args.distance_kpc
    if args.activity_MCi is not None:
        options["activity_MCi"] = args.activity_MCi
    return options


def make_figure(args):
    import cevns.plot as plot  # noqa: PLC0415 - matplotlib only when a figure is drawn

    physics = {"form_factor": args.form_factor} if args.form_factor else {}
    enu = np.asarray(args.enu, dtype=float) if args.enu else None
    if args.kind in ("spectrum", "time"):
        if not args.experiment:
            raise cevns.InputError(f"cevns plot {args.kind} needs --experiment ID (cevns experiments)")
        rate = cevns.rate(args.experiment, **physics)
        if args.kind == "spectrum":
            return plot.observable_spectrum(rate, path=args.out, log=args.log)
        return plot.time_distribution(rate, path=args.out)
    if args.kind in ("profile", "contour"):
        if not args.csv or not args.x or (args.kind == "contour" and not args.y):
            need = "--csv FILE --x NAME" + (" --y NAME" if args.kind == "contour" else "")
            raise cevns.InputError(f"cevns plot {args.kind} needs {need} (a cevns scan result)")
        value = args.value or "delta_chi2"
        if args.kind == "profile":
            x, z = scan_columns(args.csv, [args.x, value])
            order = np.argsort(x)
            return plot.delta_chi2_profile(x[order], z[order], args.x, path=args.out)
        x, y, z = scan_columns(args.csv, [args.x, args.y, value])
        xs, ys, grid = grid_from_columns(x, y, z)
        return plot.contour_2d(xs, ys, grid, args.x, args.y, path=args.out)
    if args.kind == "flux":
        if not args.source:
            raise cevns.InputError("cevns plot flux needs --source NAME (cevns flux --list)")
        names = [s for s in args.source.split(",") if s]
        fluxes = [cevns.flux(name, **source_options(args)) for name in names]
        return plot.flux_spectra(fluxes, species=[args.flavour] if args.flavour else None, path=args.out)
    if not args.target:
        raise cevns.InputError(f"cevns plot {args.kind} needs --target T")
    if args.kind == "coherency":
        return plot.coherency(args.target, enu_MeV=enu, flavour=args.flavour or "nue", path=args.out, **physics)
    if len(args.target) != 1:
        raise cevns.InputError(f"cevns plot {args.kind} takes one --target")
    target = args.target[0]
    if args.kind == "xsec":
        return plot.cross_sections(target, enu_MeV=enu, flavour=args.flavour or "nuebar", path=args.out, **physics)
    if enu is None:
        raise cevns.InputError("cevns plot recoil needs --enu E [E ...] (MeV)")
    return plot.recoil_spectra(target, enu, flavour=args.flavour or "nue", path=args.out, **physics)


def parser():
    p = argparse.ArgumentParser(prog="cevns plot", description="draw a cevns figure (PNG or PDF)")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--out", required=True, help="FILE.png or FILE.pdf")
    p.add_argument("--source", help="source name(s), comma-separated (flux)")
    p.add_argument("--target", nargs="+", help="target(s) (xsec, recoil, coherency)")
    p.add_argument("--enu", nargs="+", type=float, help="neutrino energies in MeV")
    p.add_argument("--power-GW", dest="power_GW", nargs="+", type=float)
    p.add_argument("--distance-m", dest="distance_m", nargs="+", type=float)
    p.add_argument("--distance-kpc", dest="distance_kpc", type=float)
    p.add_argument("--activity-MCi", dest="activity_MCi", type=float)
    p.add_argument("--flavour", "--flavor")
    p.add_argument("--form-factor", dest="form_factor")
    p.add_argument("--experiment", help="catalog id or experiment YAML (spectrum, time)")
    p.add_argument("--log", action="store_true", help="logarithmic counts axis (spectrum)")
    p.add_argument("--csv", help="a cevns scan result (profile, contour)")
    p.add_argument("--x", help="column of the horizontal axis (profile, contour)")
    p.add_argument("--y", help="column of the vertical axis (contour)")
    p.add_argument("--value", help="column plotted (default delta_chi2)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--cevns-bin", help=argparse.SUPPRESS)  # passed by the C++ front end; unused here
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    if Path(args.out).suffix not in (".png", ".pdf"):
        print(f"cevns: error: cevns plot: --out must end in .png or .pdf (got '{args.out}')", file=sys.stderr)
        return 2
    try:
        make_figure(args)
    except (cevns.Error, ValueError) as error:
        print(f"cevns: error: {error}", file=sys.stderr)
        return exit_code(error)
    out = Path(args.out)
    if args.json:
        print(json.dumps({"kind": args.kind, "files": [str(out.resolve())], "bytes": out.stat().st_size,
                          "cevns": {"version": getattr(cevns, "__version__", "")}}, indent=2))
    else:
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
