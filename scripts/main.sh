#!/usr/bin/env bash
# The README's main command: installs what is missing, builds, and runs the main job.
# For now: the program's help and the PHOLD engine benchmark, each configuration on the
# aiscale engine and on the hand-written yardstick loop.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=$(bash "$root/scripts/build.sh" | tail -n 1)
aiscale="$dir/aiscale"

"$aiscale" --help
for config in "--lps 1024 --start-events 1 --end 15000" "--lps 100000 --start-events 1 --end 150"; do
  echo
  for loop in handwritten engine; do
    # shellcheck disable=SC2086
    "$aiscale" bench phold $config --loop "$loop"
  done
done
