#!/usr/bin/env bash
# Writes every output a refactor must leave unchanged into OUT, using the program BIN:
# the main job, every exercise command, the research commands of docs/research.md, the
# golden trace and the validate-model table. Compare two such folders with
#   diff -r OUT1 OUT2   (or cmp each file)
# Usage: bash scripts/reference-outputs.sh BIN OUT [--quick]
#   --quick: the main job and the golden trace only.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=$(realpath "$1")
out=$(realpath -m "$2")
quick=${3:-}
rm -rf "$out"
mkdir -p "$out/sandbox/build"
cp -r "$root/scenarios" "$out/sandbox/"
ln -s "$bin" "$out/sandbox/build/aiscale"
cd "$out/sandbox"
run() { echo "+ $*" >>"$out/commands.log"; "$@" >>"$out/stdout.log" 2>>"$out/stderr.log"; }

run build/aiscale compare scenarios/hybrid.json scenarios/coe.json scenarios/federated.json --reps 1000 --out out/main --quiet
build/aiscale trace scenarios/default.json --seed 1 --months 0:24 >"$out/trace.txt"
if [[ "$quick" != "--quick" ]]; then
  # Every exercise command, as written.
  # (trace commands print their story: kept as trace-N.txt)
  n=0
  grep -h '^build/aiscale ' "$root"/docs/exercises/0*.md | while read -r line; do
    n=$((n + 1))
    case "$line" in
      "build/aiscale trace "*) echo "+ $line" >>"$out/commands.log"; eval "$line" >"$out/trace-$n.txt" ;;
      *) eval "run $line --quiet" ;;
    esac
  done
  run build/aiscale sweep scenarios/experiments/sweep-change-and-engineers.json --out out/sweep --quiet
  run build/aiscale sensitivity scenarios/experiments/morris-default.json --method morris --out out/morris --quiet
  run build/aiscale sensitivity scenarios/experiments/sobol-default.json --method sobol --out out/sobol --quiet
  run build/aiscale calibrate scenarios/experiments/calibrate-drift.json --targets scenarios/experiments/targets-drift.json --out out/calibrate --quiet
  run build/aiscale validate-model --out out/validation
fi
# Files whose bytes must not change (journals carry a fingerprint of the scenario
# format and are left out; so is validate-model's timing line if any).
mkdir -p "$out/files"
(cd out && find . -type f ! -name 'journal.csv' | sort | while read -r f; do
   mkdir -p "$out/files/$(dirname "$f")"; cp "$f" "$out/files/$f"; done)
rm -rf "$out/sandbox"
echo "$out"
