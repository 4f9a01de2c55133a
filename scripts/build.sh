#!/usr/bin/env bash
# Configures and builds aiscale in build/ (Release), or in build-sanitize/ with
# AddressSanitizer + UndefinedBehaviorSanitizer when called with --sanitize.
# Prints the build directory on stdout's last line.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/install-deps.sh"

if [[ "${1:-}" == "--sanitize" ]]; then
  dir="$root/build-sanitize"
  flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DAISCALE_SANITIZE=ON)
else
  dir="$root/build"
  flags=(-DCMAKE_BUILD_TYPE=Release)
fi
cmake -S "$root" -B "$dir" "${flags[@]}" >/dev/null
cmake --build "$dir" -j "$(nproc)" >&2
echo "$dir"
