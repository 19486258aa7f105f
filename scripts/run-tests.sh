#!/usr/bin/env bash
# Every test: set-up with the CI preset (warnings are errors), build, then CTest (GoogleTest
# suites, the pytest command-line, Python and report tests, the fuzz-corpus replay); then the C++
# unit and physics tests, the command-line tests and the fuzz-corpus replay again under
# AddressSanitizer + UBSan (preset asan, docs/reliability.md). CEVNS_SANITIZERS=0 skips that part.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh ci
ctest --preset ci
if [ "${CEVNS_SANITIZERS:-1}" != "0" ]; then
  cmake --preset asan -DPython3_EXECUTABLE=/usr/bin/python3 >/dev/null
  cmake --build --preset asan
  ctest --preset asan -E '^consumer_find_package$'
fi
