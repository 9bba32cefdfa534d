#!/usr/bin/env bash
# The whole test suite, as README.md tells a new user to run it and as CI
# runs it (.ci/run calls this script). It installs what it needs itself.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== go modules"
go mod download

echo "== npm fixtures"
if command -v npm >/dev/null 2>&1; then
  for app in conformance/apps/*/; do
    if [ -f "$app/package-lock.json" ]; then
      (cd "$app" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  done
else
  echo "npm not found: tests that need npm fixtures will be skipped"
fi

echo "== go vet"
go vet ./...

echo "== go test"
go test -count=1 -timeout 60m ./...
