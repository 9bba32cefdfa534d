#!/usr/bin/env bash
# Prepares a scratch Next.js 16 project (outside the repository) serving the
# same hello routes as testdata/hello, for bench/run.sh: NEXT_DIR=dir bench/run.sh
set -euo pipefail
DIR=${1:?usage: bench/setup-next.sh /path/outside/repo}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$DIR"
cp -r "$ROOT/testdata/hello/pages" "$DIR/"
cd "$DIR"
[ -f package.json ] || echo '{"private":true,"scripts":{"build":"next build","start":"next start"}}' > package.json
npm install --no-audit --no-fund next@16 react react-dom typescript @types/react @types/node >/dev/null
npx next build >/dev/null
echo "ready: NEXT_DIR=$DIR bench/run.sh"
