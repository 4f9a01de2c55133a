#!/usr/bin/env bash
# Takes a picture of a report with headless Chromium, for the README:
#   scripts/screenshot.sh out/compare-.../report.html [docs/report.png] [height]
# The picture shows the top of the page (headline, comparison, first charts).
set -euo pipefail
report=${1:?usage: scripts/screenshot.sh REPORT.html [OUT.png] [HEIGHT]}
png=${2:-docs/report.png}
height=${3:-1900}
[[ -f "$report" ]] || { echo "screenshot: $report does not exist" >&2; exit 2; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"${AISCALE_CHROMIUM:-chromium}" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic \
  --no-first-run --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --virtual-time-budget=60000 --hide-scrollbars --window-size="1200,$height" \
  --screenshot="$(realpath -m "$png")" "file://$(realpath "$report")" 2>/dev/null
echo "wrote $png"
