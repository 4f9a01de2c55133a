#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, runs the whole suite.
#   bash scripts/test.sh             Release build in build/
#   bash scripts/test.sh --sanitize  ASan + UBSan build in build-sanitize/
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=$(bash "$root/scripts/build.sh" "$@" | tail -n 1)

# Any sanitizer report fails the test that triggered it.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
ctest --test-dir "$dir" --output-on-failure -j "$(nproc)"
