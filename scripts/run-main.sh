#!/usr/bin/env bash
# The main job on built-in defaults: set-up and build, then the SM predictions of the experiment
# catalog (`cevns predict`) and the HTML report (docs/report.md): report/index.html, one
# self-contained page (open it in any browser). Extra arguments go to `cevns report`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh release
./build/release/bin/cevns predict
./build/release/bin/cevns report --out report "$@"
