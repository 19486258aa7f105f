#!/usr/bin/env bash
# The main job on built-in defaults: set-up, build, then the cevns overview.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh release
./build/release/bin/cevns overview "$@"
