"""Python timings of the vectorised cross sections (docs/performance.md, "One rate engine"):
dsigma/dT at 1e5 (E, T) pairs, sigma and <T> at 1e5 energies, the 100 x 1000 (E, T) grid.

    PYTHONPATH=build/release/python /usr/bin/python3 bench/python_timing.py
"""
import timeit

import numpy as np

import cevns

rng = np.random.default_rng(1)
energies = rng.uniform(5.0, 50.0, 100_000)
recoils = rng.uniform(0.0, 30.0, 100_000)


def best_ms(call, repeat=7):
    call()  # warm: nuclear database and data files read once
    return 1e3 * min(timeit.repeat(call, number=1, repeat=repeat))


print(f"{'work':58s} {'ms':>8s}")
for target in ("Ar40", "Ge72", "CsI"):
    rows = {
        f"{target}: dsigma_dT at 1e5 (E, T) pairs": lambda: cevns.dsigma_dT(target, energies, recoils),
        f"{target}: xsec sigma and <T> at 1e5 energies": lambda: cevns.xsec(target, energies),
        f"{target}: xsec dsigma/dT on 100 x 1000 (E, T), totals=False":
            lambda: cevns.xsec(target, np.linspace(5, 50, 100), recoil_keV=np.linspace(0, 30, 1000), totals=False),
    }
    for name, call in rows.items():
        print(f"{name:58s} {best_ms(call):8.2f}")

# The argument and result checks every public function carries (python/cevns/_checks.py):
# one scalar call, checked and unchecked (docs/reliability.md, docs/performance.md).
import inspect  # noqa: E402

raw = inspect.unwrap(cevns.dsigma_dT)
n = 2000
checked_us = 1e6 * min(timeit.repeat(lambda: cevns.dsigma_dT("Ar40", 10.0, 1.0), number=n, repeat=5)) / n
raw_us = 1e6 * min(timeit.repeat(lambda: raw("Ar40", 10.0, 1.0), number=n, repeat=5)) / n
print(f"{'one scalar dsigma_dT, with the argument checks (us)':58s} {checked_us:8.1f}")
print(f"{'one scalar dsigma_dT, unchecked (us)':58s} {raw_us:8.1f}")
