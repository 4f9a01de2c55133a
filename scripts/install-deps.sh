#!/usr/bin/env bash
# Installs the Debian packages aiscale needs to build and test, if any is missing.
# Idempotent and quick when everything is present (one dpkg-query, no network).
set -euo pipefail

packages=(
  g++ cmake make                # toolchain
  libboost-graph-dev            # Boost.Graph: the org graph
  libeigen3-dev                 # Eigen: statistics and linear algebra
  nlohmann-json3-dev            # JSON scenario files and summaries
  libcli11-dev                  # the command-line parser
  catch2                        # the test framework (v2 on Debian 12)
  libopenmpi-dev openmpi-bin    # MPI: research commands across processes and machines
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
# Programs that may come from elsewhere than Debian (e.g. Node.js from NodeSource): only
# installed from Debian when the command is missing.
#   npm       fetches the report's charting libraries at build time (analysis/report/)
#   chromium  renders report.html in the browser test
command -v npm >/dev/null || missing+=(nodejs npm)
command -v chromium >/dev/null || [[ -n "${AISCALE_CHROMIUM:-}" ]] || missing+=(chromium)
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "aiscale: installing missing packages: ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "aiscale: need root to install ${missing[*]} (run as root, or install them yourself)" >&2
    exit 1
  fi
else
  SUDO=
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
