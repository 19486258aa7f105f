"""Statistics from Python: the CONUS 2018 ON/OFF significance (as `cevns significance`), then a
binned Poisson fit of the CEvNS signal strength of COHERENT CsI (2017) to a seeded pseudo-data set
with the background constrained to 10 %. Usage: fit_on_off.py [OUTDIR]"""
import sys
from pathlib import Path

import numpy as np

import cevns
import cevns.plot

outdir = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
s = cevns.significance(on=653, on_exposure=112.3, off=582, off_exposure=114.4)
print(f"CONUS 2018: excess {s['excess']:.1f} +- {s['excess_error']:.1f} events, "
      f"{s['methods']['li_ma_17']['significance_sigma']:.2f} sigma (Li & Ma eq. 17)")

r = cevns.rate("coherent-csi-2017")
signal, background = r["signal"].ravel(), r["total"].ravel() - r["signal"].ravel()
observed = np.random.default_rng(2017).poisson(r["total"].ravel()).astype(float)
fit = cevns.fit(lambda p: p[0] * signal + p[1] * background, observed,
                [{"name": "signal_strength", "initial": 1.0, "lower": 0.0, "upper": 5.0},
                 {"name": "background_scale", "initial": 1.0, "lower": 0.0, "upper": 5.0,
                  "constraint": "gaussian", "center": 1.0, "width": 0.1}])
for name, value, error in zip(fit["names"], fit["values"], fit["errors"]):
    print(f"{name} = {value:.3f} +- {error:.3f}")
print(f"-2 ln L at the minimum: {fit['minimum']:.1f} for {observed.size} bins")
cevns.plot.observable_spectrum(r, observed=observed.reshape(r["total"].shape), path=outdir / "fit_csi.png")
