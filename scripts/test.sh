#!/usr/bin/env bash
# The whole test suite, as README.md tells a new user to run it and as CI
# runs it (.ci/run calls this script). It installs what it needs itself.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== go modules"
go mod download

echo "== npm fixtures"
if command -v npm >/dev/null 2>&1; then
  # Every fixture with a lockfile: conformance/apps/* and package testdata.
  find conformance webapi -name package-lock.json -not -path '*/node_modules/*' | sort | while read -r lock; do
    app=$(dirname "$lock")
    echo "npm ci in $app"
    (cd "$app" && npm ci --no-audit --no-fund --loglevel=error)
  done
else
  echo "npm not found: tests that need npm fixtures will be skipped"
fi

echo "== go vet"
go vet ./...

echo "== go test"
go test -count=1 -timeout 60m ./...
