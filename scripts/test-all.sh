#!/usr/bin/env bash
# README command 2 (and CI): the same preparation, then every check and the whole test suite.
# The last line is the test runner's summary.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh || exit 1

if ! command -v "${CHROMIUM_PATH:-chromium}" >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "[test] installing Debian's chromium for the browser journeys"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null ||
      echo "[test] chromium could not be installed: the browser journeys will fail"
  else
    echo "[test] chromium is missing: sudo apt-get install -y chromium"; exit 1
  fi
fi

status=0
failed_checks=()
echo "[test] typecheck"; npm run --silent typecheck || { status=1; failed_checks+=(typecheck); }
echo "[test] format"; npm run --silent format:check || { status=1; failed_checks+=(format); }
echo "[test] lint"; npm run --silent lint || { status=1; failed_checks+=(lint); }

mkdir -p tmp
# A run that dies before writing results must not print the previous run's figures.
rm -f tmp/jest-results.json
npx jest --ci --maxWorkers=2 --json --outputFile=tmp/jest-results.json
jest_status=$?
[[ $jest_status -eq 0 ]] || status=1
FAILED_CHECKS="${failed_checks[*]}" node -e '
  const fs = require("node:fs");
  const checks = process.env.FAILED_CHECKS ? `; checks failed: ${process.env.FAILED_CHECKS}` : "";
  if (!fs.existsSync("tmp/jest-results.json")) {
    console.log(`Tests: none ran (Jest stopped before its results; see above)${checks}`);
    process.exit(1);
  }
  const r = JSON.parse(fs.readFileSync("tmp/jest-results.json", "utf8"));
  const broken = r.numFailedTestSuites - r.numFailedTests > 0 || r.numRuntimeErrorTestSuites > 0
    ? `; suites failed to run: ${r.numRuntimeErrorTestSuites || r.numFailedTestSuites}` : "";
  console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped${broken}${checks}`);
' || status=1
exit $status
