#!/usr/bin/env bash
# Installs the build tree into a temporary prefix and builds examples/cpp against it with
# find_package(cevns): the library target cevns::cevns must work for other CMake projects.
set -euo pipefail
build_dir="$1"; source_dir="$2"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
cmake -S "$source_dir/examples/cpp" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
# run it away from the source tree: it must find the installed data
cd "$work" && CEVNS_DATA_DIR="$work/prefix/share/cevns/data" ./build/argon_cross_section
