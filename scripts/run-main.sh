#!/usr/bin/env bash
# The main job on built-in defaults: set-up and build, then the SM predictions of the experiment
# catalog (`cevns predict`, where the binary has it) and the HTML report (docs/report.md):
# report/index.html, one self-contained page (open it in any browser). Extra arguments go to
# `cevns report` (e.g. --quiet).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh release
cevns=./build/release/bin/cevns
help=$("$cevns" --help)
if grep -qE '^  predict( |$)' <<<"$help"; then
  "$cevns" predict
fi
"$cevns" report --out report "$@"
