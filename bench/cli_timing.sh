#!/usr/bin/env bash
# Whole-process timings of the command line (docs/performance.md, "One rate engine"): the median of
# N runs of `cevns rate --experiment ID --json` for every catalog entry and of `cevns predict`.
#   bash bench/cli_timing.sh build/release/bin/cevns [N]
set -euo pipefail
cevns="${1:?usage: cli_timing.sh PATH/TO/cevns [runs]}"
runs="${2:-11}"
median_ms() {  # median wall time in ms of "$@" over $runs runs
  local times=()
  for ((i = 0; i < runs; ++i)); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" > /dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2) { printf "%.1f", $1 / 1000 }'
}
printf '%-36s %10s\n' "command" "median ms"
for id in $("$cevns" experiments --json | /usr/bin/python3 -c 'import json, sys; print(" ".join(e["id"] for e in json.load(sys.stdin)["experiments"]))'); do
  printf '%-36s %10s\n' "rate --experiment $id" "$(median_ms "$cevns" rate --experiment "$id" --json)"
done
printf '%-36s %10s\n' "predict" "$(median_ms "$cevns" predict)"
