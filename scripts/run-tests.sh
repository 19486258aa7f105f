#!/usr/bin/env bash
# Every test: set-up with the CI preset (warnings are errors), build, then CTest (GoogleTest
# suites, the pytest command-line, Python and report tests). With CEVNS_SANITIZERS=1 the C++
# and command-line tests and the fuzz-corpus replay run again under AddressSanitizer + UBSan
# (preset asan, docs/reliability.md; a full sanitized build takes ~40 min on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh ci
ctest --preset ci
if [ "${CEVNS_SANITIZERS:-0}" = "1" ]; then
  cmake --preset asan -DPython3_EXECUTABLE=/usr/bin/python3 >/dev/null
  cmake --build --preset asan
  ctest --preset asan -E '^consumer_find_package$'
fi
