"""`cevns plot KIND [options] --out FILE.png|FILE.pdf` (apps/cevns/cmd_plot.cpp runs this module):
one figure from cevns.plot.

    python3 -m cevns.plot_cli flux --source reactor --power-GW 3.9 --distance-m 17 --out reactor.png
    python3 -m cevns.plot_cli xsec --target Ge --out ge.pdf
    python3 -m cevns.plot_cli recoil --target CsI --enu 10 30 --out recoil.png
    python3 -m cevns.plot_cli coherency --target Ar Ge Xe --out coherency.png

Exit codes as the command line: 0 success, 2 bad input, 3 configuration, 4 data, 5 numerical.
"""
import argparse
import json
import sys
from pathlib import Path

import numpy as np

import cevns

KINDS = ("flux", "xsec", "recoil", "coherency")


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
