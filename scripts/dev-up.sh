#!/usr/bin/env bash
# README command 1: a working back office with demo data on http://localhost:${PORT:-3000}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
if [[ "${NODE_ENV:-development}" == production ]]; then
  echo "[start] NODE_ENV=production: serving without demo data"
else
  node dist/cli.js seed --demo
  echo "[start] demo users: admin / clerk / driver, password: ${DEMO_PASSWORD:-demo1234!}"
fi
exec node dist/main.js
