#!/usr/bin/env bash
# Times each course demo against an equivalent plain-numpy implementation, in the same session, and prints the
# ratio. Optional for users: needs python3 with numpy (the project itself never does).
#
#   bench/compare-demos.sh                 # every demo that has a numpy twin in bench/numpy/
#   bench/compare-demos.sh shallow application
#   COMPARE_REPEAT=5 bench/compare-demos.sh shallow   # each pair 5 times, alternating; the medians are compared
#
# Both sides are timed as whole processes (start-up included): `./dlcourse demo <id> --json --no-figures` against
# `python3 bench/numpy/<id>.py`. Each pair runs back to back so that both see the same machine load. The numpy twins
# draw no figures (numpy alone has no plotting), so the demos run without theirs too: the same work on both sides.
# COMPARE_FIGURES=true times the demos as `./dlcourse demo <id>` runs them by default, drawing included (the
# shallow demo's 12 decision boundaries, PNG and SVG, take about 1.3 s of it).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! python3 -c 'import numpy' 2>/dev/null; then
  echo "compare-demos: python3 with numpy is needed for the baseline (pip install numpy)" >&2
  exit 2
fi

ids=("$@")
if [ ${#ids[@]} -eq 0 ]; then
  for script in bench/numpy/*.py; do
    ids+=("$(basename "$script" .py)")
  done
fi

./dlcourse demo --help >/dev/null 2>&1   # builds the command line first, outside the timings

# The launcher keeps a class-data-sharing archive per command, written at the end of the command's first run (which
# is slower by the writing). Timings are of the runs a user sees after that one, so a demo without its archive runs
# once untimed first.
prime() {
  if [ "${DLCOURSE_CDS:-true}" != "false" ] && ! ls grader/target/cds/demo-"$1"-*.jsa >/dev/null 2>&1; then
    echo "compare-demos: first run of '$1' (writes its start-up archive; not timed)" >&2
    ./dlcourse demo "$1" --json >/dev/null 2>&1 || true
  fi
}

seconds() {
  local start end log
  log=$(mktemp)
  start=$(date +%s%N)
  if ! "$@" >/dev/null 2>"$log"; then
    echo "compare-demos: '$*' failed:" >&2
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  end=$(date +%s%N)
  rm -f "$log"
  awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }'
}

median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

printf '%-16s %12s %12s %9s\n' demo "numpy [s]" "dlcourse [s]" speed-up
for id in "${ids[@]}"; do
  script="bench/numpy/$id.py"
  if [ ! -f "$script" ]; then
    echo "compare-demos: no numpy twin $script for demo '$id'" >&2
    exit 2
  fi
  prime "$id"
  numpy_runs=()
  java_runs=()
  for ((k = 0; k < ${COMPARE_REPEAT:-1}; k++)); do
    numpy_runs+=("$(seconds python3 "$script")")
    if [ "${COMPARE_FIGURES:-false}" = "true" ]; then
      java_runs+=("$(seconds ./dlcourse demo "$id" --json)")
    else
      java_runs+=("$(seconds ./dlcourse demo "$id" --json --no-figures)")
    fi
  done
  numpy=$(median "${numpy_runs[@]}")
  java=$(median "${java_runs[@]}")
  printf '%-16s %12s %12s %8sx\n' "$id" "$numpy" "$java" "$(awk -v a="$numpy" -v b="$java" 'BEGIN { printf "%.1f", a / b }')"
done
