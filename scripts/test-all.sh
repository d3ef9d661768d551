#!/usr/bin/env bash
# The whole test suite (`npm test`): build, static checks, unit + integration tests (Vitest, inside a
# real headless Secret Service), end-to-end tests (Playwright + Debian Chromium), packaging check.
# Ends with one line "Tests: N passed, N failed, N skipped"; a failed static check counts as a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
T0=$(date +%s)
step() { echo; echo "=== [$(( $(date +%s) - T0 ))s] $*"; }
checks_failed=0
check() { local name=$1; shift; step "$name"; "$@" || { echo "FAILED: $name"; checks_failed=$((checks_failed + 1)); }; }

mkdir -p reports   # not test-results/: Playwright wipes its outputDir at start
rm -f reports/vitest.json reports/playwright.json

check build      npm run -s build
check typecheck  npm run -s typecheck
check lint       npm run -s lint
check packaging  bash scripts/pack-check.sh

step "unit and integration tests (vitest)"
.ci/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json

step "end-to-end tests (playwright)"
.ci/with-keyring.sh env PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json npx playwright test --reporter=list,json

step "summary (total $(( $(date +%s) - T0 ))s)"
CHECKS_FAILED=$checks_failed node scripts/test-summary.mjs reports/vitest.json reports/playwright.json
