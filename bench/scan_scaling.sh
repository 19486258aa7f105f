#!/usr/bin/env bash
# Strong scaling of `cevns scan`: the same scan on 1 and 2 threads, and on 1 and 2 MPI ranks
# (one thread each). Prints the scan time reported by cevns (start-up of mpirun excluded) and the
# parallel efficiency T1 / (n T_n); checks that all result files are identical.
#   bash bench/scan_scaling.sh [path/to/cevns] [scan.yaml]
set -euo pipefail
cevns="${1:-build/release/bin/cevns}"
scan="${2:-tests/cli/data/slow_scan.yaml}"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
seconds() { "$@" --json | sed -n 's/.*"seconds": \([0-9.e+-]*\).*/\1/p'; }
mpi="mpirun --allow-run-as-root --oversubscribe"
t1=$(seconds "$cevns" scan "$scan" --out "$work/t1.csv" --threads 1)
t2=$(seconds "$cevns" scan "$scan" --out "$work/t2.csv" --threads 2)
r1=$(seconds $mpi -n 1 "$cevns" scan "$scan" --out "$work/r1.csv" --threads 1)
r2=$(seconds $mpi -n 2 "$cevns" scan "$scan" --out "$work/r2.csv" --threads 1)
cmp "$work/t1.csv" "$work/t2.csv" && cmp "$work/t1.csv" "$work/r2.csv"
printf "threads:   1 -> %.2f s, 2 -> %.2f s, efficiency %.0f %%\n" "$t1" "$t2" "$(echo "100 * $t1 / (2 * $t2)" | bc -l)"
printf "MPI ranks: 1 -> %.2f s, 2 -> %.2f s, efficiency %.0f %%\n" "$r1" "$r2" "$(echo "100 * $r1 / (2 * $r2)" | bc -l)"
