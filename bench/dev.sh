#!/usr/bin/env bash
# Measures the dev loop on a generated ~60-route project (some routes
# import zod, some a shared lib/ file):
#   - launch → first 200 for a Node route and for an edge route, with the
#     build cache removed (cold) and kept from the previous launch (warm);
#   - edit → new content served for Node routes, edge routes and the
#     shared lib file (median of 5 edits).
# It measures `edgerun dev` (project under $TMPDIR, node_modules symlinked
# from conformance/apps/npm) and, when Node.js and npm are installed, real
# `next dev` on the same project in the same run, side by side with ratios.
# next dev runs in a scratch folder outside the repository ($NEXT_DEV_DIR,
# default $TMPDIR/edgerun-next-devbench) where the first run npm-installs
# next@16, react, typescript, @types/* and zod; later runs reuse it.
# Targets: first 200 < 150 ms; edit → served < 20 ms for a route file.
# Usage: bench/dev.sh [routes] [edits] [devtime flags, e.g. -no-next]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUTES=${1:-60}
EDITS=${2:-5}
shift $(( $# < 2 ? $# : 2 ))
OUT=bench/out
mkdir -p "$OUT"
if [ ! -d conformance/apps/npm/node_modules/zod ]; then
  (cd conformance/apps/npm && npm ci --silent)
fi
go build -o "$OUT/edgerun" ./cmd/edgerun
go build -o "$OUT/devtime" ./bench/devtime
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$OUT/devtime" -edgerun "$OUT/edgerun" -routes "$ROUTES" -edits "$EDITS" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
