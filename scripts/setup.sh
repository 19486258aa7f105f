#!/usr/bin/env bash
# Set-up on a fresh Debian 12 machine: installs the Debian packages cevns needs (only those
# missing), then configures and builds with the CMake preset given as $1 (default: release).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"

packages=(cmake ninja-build g++ git libboost-dev libeigen3-dev libnlopt-cxx-dev libyaml-cpp-dev
          nlohmann-json3-dev libcli11-dev libfmt-dev libgtest-dev libbenchmark-dev pybind11-dev
          python3-dev python3-numpy python3-matplotlib python3-pytest libopenmpi-dev openmpi-bin
          chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "cevns set-up: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake --preset "$preset" -DPython3_EXECUTABLE=/usr/bin/python3 >/dev/null
cmake --build --preset "$preset"
