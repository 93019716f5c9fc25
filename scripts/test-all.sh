#!/usr/bin/env bash
# README command 2 (and CI): the same preparation, then every check and the whole test suite.
# The last line is the test runner's summary.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh || exit 1

if ! command -v "${CHROMIUM_PATH:-chromium}" >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "[test] installing Debian's chromium for the browser journeys"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "[test] chromium is missing: sudo apt-get install -y chromium"; exit 1
  fi
fi

status=0
echo "[test] typecheck"; npm run --silent typecheck || status=1
echo "[test] format"; npm run --silent format:check || status=1
echo "[test] lint"; npm run --silent lint || status=1

mkdir -p tmp
npx jest --ci --maxWorkers=2 --json --outputFile=tmp/jest-results.json
jest_status=$?
[[ $jest_status -eq 0 ]] || status=1
node -e '
  const r = require("./tmp/jest-results.json");
  console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' || status=1
exit $status
