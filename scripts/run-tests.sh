#!/usr/bin/env bash
# Every test: set-up with the CI preset (warnings are errors), build, then CTest (GoogleTest
# suites and the pytest command-line tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh ci
ctest --preset ci
