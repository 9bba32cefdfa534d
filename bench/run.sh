#!/usr/bin/env bash
# Serves the same hello routes from edgerun, from a plain Go net/http
# handler and, when Node.js is available, from real `next start`, then
# loads each in turn in the same run and reports req/s, the server's CPU
# time per request and the ratios. Usage: bench/run.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
DUR=${1:-5}
CONNS=${2:-8}
OUT=bench/out
mkdir -p "$OUT"
go build -o "$OUT/edgerun" ./cmd/edgerun
go build -o "$OUT/plain" ./bench/plain
go build -o "$OUT/load" ./bench/load

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_up() { for _ in $(seq 1 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "server at $1 did not start" >&2; return 1; }

"$OUT/edgerun" start testdata/hello -p 3100 -H 127.0.0.1 --quiet >/dev/null 2>&1 & pids+=($!); ER=$!
"$OUT/plain" -addr 127.0.0.1:3101 & pids+=($!); PL=$!
wait_up http://127.0.0.1:3100/api/edge/hello
wait_up http://127.0.0.1:3101/api/edge/hello

NEXT=""
if [ -n "${NEXT_DIR:-}" ] && [ -x "$NEXT_DIR/node_modules/.bin/next" ]; then
  # NEXT_DIR: a scratch folder outside the repo with next installed and
  # testdata/hello copied in; bench/setup-next.sh prepares it.
  (cd "$NEXT_DIR" && PORT=3102 ./node_modules/.bin/next start -p 3102 -H 127.0.0.1 >/dev/null 2>&1) & pids+=($!)
  wait_up http://127.0.0.1:3102/api/edge/hello && NEXT=$(pgrep -f "next-server|next start" | head -1)
fi

printf "%-12s %-22s %10s %12s %8s\n" route server req/s "cpu µs/req" vs-plain
for route in /api/edge/hello /api/hello; do
  read -r prps pcpu _ < <("$OUT/load" -url "http://127.0.0.1:3101$route" -c "$CONNS" -d "${DUR}s" -pid "$PL")
  read -r erps ecpu eerr < <("$OUT/load" -url "http://127.0.0.1:3100$route" -c "$CONNS" -d "${DUR}s" -pid "$ER")
  printf "%-12s %-22s %10s %12s %8s\n" "$route" "net/http" "$prps" "$pcpu" "1.00"
  printf "%-12s %-22s %10s %12s %8s\n" "$route" "edgerun" "$erps" "$ecpu" "$(awk "BEGIN{printf \"%.2f\", $erps/$prps}")"
  [ "$eerr" = "0" ] || echo "  edgerun errors: $eerr"
  if [ -n "$NEXT" ]; then
    read -r nrps ncpu _ < <("$OUT/load" -url "http://127.0.0.1:3102$route" -c "$CONNS" -d "${DUR}s" -pid "$NEXT")
    printf "%-12s %-22s %10s %12s %8s\n" "$route" "next start" "$nrps" "$ncpu" "$(awk "BEGIN{printf \"%.2f\", $nrps/$prps}")"
    printf "%-12s %-22s %10s\n" "" "edgerun / next start" "$(awk "BEGIN{printf \"%.2f\", $erps/$nrps}")"
  fi
done
[ -n "$NEXT" ] || echo "(next start skipped: set NEXT_DIR to a folder prepared by bench/setup-next.sh)"
