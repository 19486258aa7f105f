"""A generated bad-input suite over every subcommand and every option that takes a value.

The options, their kinds and their ranges are read from each subcommand's --help (the
validation table of apps/cevns/option_limits.cpp prints them); for every option the generator
makes the values that must be refused: empty, not a number, non-finite, overflowing, just
outside each end of the range, not whole (integers), and for names and files values that name
nothing. Each case must exit with a documented input code (2-6), print exactly one line on
stderr that names the option or the offending value, and print nothing non-finite."""
import os
import pathlib
import re
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
BIN = os.environ.get("CEVNS_BIN", "")
NON_FINITE = re.compile(r"(?i)\b-?(nan|inf|infinity)\b")

# A valid invocation of each subcommand (the bad option is added to it, or replaces its value).
BASE = {
    "xsec": ["--target", "Ar40", "--enu", "30"],
    "target": ["Ar"],
    "flux": ["--source", "reactor", "--power-GW", "3", "--distance-m", "20"],
    "compare": ["--target", "Ge", "--enu", "30"],
    "overview": [],
    "coherency": ["--target", "Ar"],
    "scan": [str(ROOT / "examples/scans/sin2w-csi-sns.yaml"), "--out", "{tmp}/scan.csv"],
    "fog": ["--target", "Xe"],
    "experiments": [],
    "rate": ["--experiment", "coherent-csi-2017"],
    "predict": [],
    "significance": ["--on", "10", "--on-exposure", "1", "--off", "5", "--off-exposure", "1"],
    "unfold": [],
    "reactor-monitor": [],
    "report": ["--out", "{tmp}/report"],
    "plot": ["flux", "--source", "reactor", "--power-GW", "3", "--distance-m", "20", "--out", "{tmp}/a.png"],
    "fit": [str(ROOT / "examples/analyses/fit-coherent-csi.yaml")],
    "toys": [str(ROOT / "examples/analyses/fit-coherent-csi.yaml"), "--count", "2"],
    "release-fit": [],
}
# Text options whose value names something (a value naming nothing must be refused).
NAMES = {"--target", "--source", "--experiment", "--form-factor", "--couplings", "--radii", "--flavour",
         "--ibd-model", "--halo", "--fluxes", "--solar-model", "--release", "--average-over", "--nsi",
         "--tensor", "--zprime", "--scalar"}
# File options: a folder that cannot exist.
PATHS = {"--data-dir"}
OPTION = re.compile(r"^\s+(?:-\w,)?(--[\w-]+)(?:,--[\w-]+)?\s+(FLOAT|INT|UINT|TEXT)(?::(.*?))?(?:\s{2,}|\s*$|=| \.\.\.| REQUIRED| Excludes)")
RANGE = re.compile(r"in ([\[(])([-+0-9.e]+), ([-+0-9.e]+)\]")
WHOLE = re.compile(r"a whole number from ([-+0-9.e]+) to ([-+0-9.e]+)")


def options_of(sub):
    text = subprocess.run([BIN, sub, "--help"], capture_output=True, text=True, timeout=60).stdout
    found = []
    for line in text.splitlines():
        m = OPTION.match(line)
        if m and m.group(1) not in ("--help",):
            found.append((m.group(1), m.group(2), m.group(3) or ""))
    return found


def bad_values(kind, spec):
    if kind == "TEXT":
        return [""]
    values = ["", "abc", "nan", "NaN", "inf", "-inf", "1e309", "-1e309", "1.5.2", "0x10", "3 MeV", "1e-400"]
    if m := WHOLE.search(spec):
        lo, hi = float(m.group(1)), float(m.group(2))
        values += ["2.5", f"{lo - 1:g}", f"{hi * 10 + 10:.0f}"]
    elif m := RANGE.search(spec):
        bracket, lo, hi = m.group(1), float(m.group(2)), float(m.group(3))
        values += [f"{hi * 1.5 + 1:g}" if hi >= 0 else f"{hi / 2:g}", "1e308"]
        values.append(f"{lo:g}" if bracket == "(" else f"{lo - abs(lo) - 1:g}")
    return values


# Positional arguments: (subcommand, index in BASE or None to append, bad values).
NOT_YAML = str(ROOT / "data" / "nuclear")
POSITIONAL_FILES = ["", "/no/such/file.yaml", str(ROOT), "/dev/null", str(ROOT / "README.md"), NOT_YAML]
POSITIONALS = [("scan", 0, POSITIONAL_FILES), ("fit", 0, POSITIONAL_FILES), ("toys", 0, POSITIONAL_FILES),
               ("unfold", None, POSITIONAL_FILES), ("target", 0, ["", "no-such-name-xyz", "Xx999", "H2O0"]),
               ("plot", 0, ["", "no-such-kind"])]


def cases():
    if not BIN:
        return []
    out = [(sub, index, v) for sub, index, values in POSITIONALS for v in values]
    for sub in BASE:
        for option, kind, spec in options_of(sub):
            values = bad_values(kind, spec)
            if kind == "TEXT" and option in NAMES:
                values.append("no-such-name-xyz")
            if kind == "TEXT" and option in PATHS:
                values.append("/no/such/folder/xyz")
            for v in values:
                out.append((sub, option, v))
    return out


CASES = cases()


def test_the_suite_is_large_and_covers_every_subcommand():
    assert len(CASES) >= 1000, len(CASES)
    assert {c[0] for c in CASES} >= set(BASE) - {"overview", "experiments", "predict", "release-fit"}


def command(sub, option, value, tmp):
    base = [a.replace("{tmp}", str(tmp)) for a in BASE[sub]]
    if option is None:
        return [BIN, sub, *base, value]
    if isinstance(option, int):
        base[option] = value
        return [BIN, sub, *base]
    if option in base:  # replace the value the base gives
        i = base.index(option)
        base = base[:i] + base[i + 2:]
    return [BIN, sub, *base, option, value]


@pytest.mark.parametrize("sub,option,value", CASES, ids=[f"{s} {o}={v!r}" for s, o, v in CASES])
def test_bad_value_is_refused(sub, option, value, tmp_path):
    if sub in ("plot", "report") and os.environ.get("CEVNS_WITH_PYTHON") == "0":
        pytest.skip("cevns plot and report run the Python module, which this build does not have")
    proc = subprocess.run(command(sub, option, value, tmp_path), capture_output=True, text=True, timeout=120)
    assert proc.returncode in (2, 3, 4, 5, 6), (proc.returncode, proc.stderr, proc.stdout[-300:])
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cevns: error: "), proc.stderr
    name = option if isinstance(option, str) else "file"
    named = name in lines[0] or (value and value in lines[0]) or (not value and "empty" in lines[0])
    assert named, lines[0]
    assert not NON_FINITE.search(proc.stdout), proc.stdout[-300:]
