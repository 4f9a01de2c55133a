#!/usr/bin/env bash
# The README's main command: installs what is missing, builds, and runs the main job:
# the comparison of the three org structures (hybrid, the default, as the baseline; CoE;
# federated) on the default enterprise, 1000 replications under common random numbers.
# Extra arguments go to `aiscale compare` (e.g. --reps 200, --out DIR).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=$(bash "$root/scripts/build.sh" | tail -n 1)
cd "$root"
"$dir/aiscale" compare scenarios/hybrid.json scenarios/coe.json scenarios/federated.json --reps 1000 "$@"
