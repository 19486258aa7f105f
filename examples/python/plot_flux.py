"""Neutrino spectra at a detector: a reactor, the SNS and the Sun on one log-log plot, saved as
PNG and PDF. Usage: plot_flux.py [OUTDIR]"""
import sys
from pathlib import Path

import cevns
import cevns.plot

outdir = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
fluxes = [
    cevns.flux("reactor", power_GW=3.9, distance_m=17.0),
    cevns.flux("sns", distance_m=19.3),
    cevns.flux("solar"),
]
for f in fluxes:
    print(f"{f.name:8} {f.total():.3e} /cm^2/s  " +
          ", ".join(f"{nu} <E> = {f.mean_energy_MeV(nu):.3g} MeV" for nu in f.species))
cevns.plot.flux_spectra(fluxes, path=outdir / "fluxes")  # fluxes.png and fluxes.pdf
