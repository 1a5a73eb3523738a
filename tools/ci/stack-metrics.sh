#!/usr/bin/env bash
# Stack metrics check: starts every service (tools with the synthetic world's corpus, inference
# with the committed models/swirl-tiny, learner, judge, coordinator, trainer) on loopback ports, a
# real Prometheus (Debian package) scraping them with infra/prometheus's config and rules, makes
# real calls (clients/python/tests/test_stack_main_rpcs.py: every service's main RPC, and a small
# synthesize -> filter -> SWiRL training job), then queries Prometheus' HTTP API: the standard
# grpc_server_* series and each service's domain series must be there with non-zero values, the
# rules must evaluate, and every Grafana dashboard query must be accepted. Needs the benchmark
# data (SWIRL_DATA_DIR, default ../shared/data). Services are listed in
# tools/ci/stack/swirl_stack.py. Expects the TypeScript services built (npm test builds them
# first); --build builds them here.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
export NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false
if ! command -v prometheus >/dev/null; then
  echo "installing Debian package: prometheus"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi
bash tools/python/ensure-venv.sh
if [ "${1:-}" = "--build" ]; then
  npx nx run-many -t build -p @swirl/tools @swirl/inference @swirl/judge @swirl/coordinator @swirl/trainer --output-style=static
fi
# libs/world: the world corpus the tools service searches is generated with it.
for main in apps/tools/dist/main.js apps/inference/dist/main.js apps/judge/dist/main.js apps/coordinator/dist/main.js apps/trainer/dist/main.js libs/world/dist/index.js; do
  [ -f "$main" ] || { echo "stack-metrics: $main is not built: run with --build, or npx nx run-many -t build" >&2; exit 1; }
done
.venv/bin/python tools/ci/stack/stack_metrics.py
