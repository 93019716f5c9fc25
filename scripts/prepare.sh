#!/usr/bin/env bash
# Everything both README commands need first: dependencies, MariaDB and Redis, the generated
# Prisma client, the build and the migrations.
set -euo pipefail
cd "$(dirname "$0")/.."

# `npm install`, not `npm ci`: npm 11 refuses this lock in `ci` because the registry we build
# from lacks other platforms' optional packages (unrs-resolver bindings); `install` with the
# same lock installs the same versions and leaves the lock unchanged.
# Prisma's install script would download its migration engine, which this project never runs
# (plain-SQL migrations) and which cannot be downloaded where it is built.
export PRISMA_SCHEMA_ENGINE_BINARY=${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "[prepare] npm install"
  npm install --no-audit --no-fund --loglevel=error
fi
bash scripts/ensure-services.sh
echo "[prepare] build"
npm run --silent build
echo "[prepare] migrate"
node dist/cli.js migrate
