#!/usr/bin/env bash
# Measures the `edgerun dev` loop on a generated ~60-route project (outside
# the repo, under $TMPDIR; node_modules symlinked from
# conformance/apps/npm so that some routes import zod):
#   - launch → first 200 for a Node route and for an edge route;
#   - edit → new content served for a Node route, an edge route and a
#     shared lib file (median of 5 edits).
# Targets: first 200 < 150 ms; edit → served < 20 ms for a route file.
# Usage: bench/dev.sh [routes] [edits]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUTES=${1:-60}
EDITS=${2:-5}
OUT=bench/out
mkdir -p "$OUT"
if [ ! -d conformance/apps/npm/node_modules/zod ]; then
  (cd conformance/apps/npm && npm ci --silent)
fi
go build -o "$OUT/edgerun" ./cmd/edgerun
go build -o "$OUT/devtime" ./bench/devtime
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$OUT/devtime" -edgerun "$OUT/edgerun" -routes "$ROUTES" -edits "$EDITS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
