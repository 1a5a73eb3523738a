#!/usr/bin/env bash
# The repository's whole test command (`npm test`): workspace consistency, contract checks,
# lint, typecheck, build, the TypeScript suites, then the Python cross-language suites against
# the built services. Stops at the first failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
export NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false
# Nx keeps a task cache that outlives a checkout on this machine; in CI every target must really
# run, so the cache is bypassed there (locally it saves minutes).
nx_cache=()
[ "${CI:-}" = "true" ] && nx_cache=(--skip-nx-cache)

step() { printf '\n=== %s\n' "$*"; }

step "python venv"
bash tools/python/ensure-venv.sh

step "workspace: TypeScript project references in sync"
npx nx sync:check

step "contracts: buf lint, buf breaking, generated code drift"
bash tools/codegen/check.sh
bash clients/python/generate.sh --check

step "lint, typecheck, build"
npx nx run-many -t lint typecheck build --output-style=static "${nx_cache[@]}"

step "scripts under tools/: lint and typecheck"
npx eslint tools
npx tsc -p tools/tsconfig.json

step "TypeScript tests (Jest)"
npx nx run-many -t test --output-style=static "${nx_cache[@]}"

step "Python learner: mypy (strict) and pytest"
(cd apps/learner && ../../.venv/bin/python -m mypy swirl_learner)
.venv/bin/python -m pytest apps/learner -q

step "Python tests (pytest) against the built services"
.venv/bin/python -m pytest clients/python -q

step "infrastructure: kustomize render + API schema validation, broken fixtures, images, promtool, dashboard"
bash tools/ci/check-infra.sh

step "stack metrics: services + a real Prometheus, real calls, series checked over its HTTP API"
bash tools/ci/stack-metrics.sh
