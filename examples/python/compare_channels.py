"""CEvNS beside inverse beta decay and nu-e scattering for reactor antineutrinos on water and CsI:
per target particle and per kg, as `cevns compare`. Usage: compare_channels.py [OUTDIR]"""
import sys
from pathlib import Path

import numpy as np

import cevns
import cevns.plot

outdir = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
enu = np.array([2.0, 5.0, 10.0, 30.0, 50.0])
for target in ("H2O", "CsI"):
    c = cevns.compare(target, enu, flavour="nuebar")
    print(f"{target}: cross sections per kg [cm^2/kg]")
    print(f"{'E [MeV]':>8} {'CEvNS':>11} {'IBD':>11} {'nu-e':>11}")
    for row in zip(enu, c["cevns_cm2_per_kg"], c["ibd_cm2_per_kg"], c["electron_cm2_per_kg"]):
        print("{:>8.3g} {:>11.3e} {:>11.3e} {:>11.3e}".format(*row))
    for note in c["notes"]:
        print("  note:", note)

cevns.plot.cross_sections("H2O", np.geomspace(1.0, 100.0, 150), flavour="nuebar",
                          path=outdir / "channels_H2O")        # .png and .pdf
