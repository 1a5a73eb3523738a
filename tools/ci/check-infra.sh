#!/usr/bin/env bash
# Infrastructure checks, offline (no cluster, no Docker engine, no downloads at run time):
#  1. renders the kustomize base and every overlay, validates every object against the
#     Kubernetes API schemas (ServiceMonitor: its CRD schema), rejects unknown fields and broken
#     references between objects;
#  2. requires each deliberately broken fixture (infra/k8s/testdata/broken/*) to FAIL that
#     validation with the expected message;
#  3. checks the Dockerfiles: COPY sources exist and are in the build context, entry points
#     exist after the build (plus a broken Dockerfile fixture that must fail);
#  4. promtool check config / check rules / test rules, and the Grafana dashboard's queries.
# Installs its Debian packages when missing (CI runs as root). Needs `npm ci` done (the schema
# packages are devDependencies) and the TypeScript services built (for the entry points; pass
# --build to build them here).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
export NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false
out=var/infra-check
step() { printf '\n=== infra: %s\n' "$*"; }
fail() { echo "check-infra: $*" >&2; exit 1; }

apt_install() {
  echo "installing Debian packages: $*"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
command -v promtool >/dev/null || apt_install prometheus
/usr/bin/python3 -c 'import yaml' 2>/dev/null || apt_install python3 python3-yaml
# kustomize v4+ is needed (components, patches with targets); kubectl embeds it. Debian's own
# kubernetes-client (1.20) embeds kustomize v2 and cannot render components.
kustomize_major() { kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p'; }
if ! command -v kubectl >/dev/null || [ "$(kustomize_major)" -lt 4 ] 2>/dev/null; then
  apt_install kubectl || fail "needs kubectl with kustomize >= v4 (the 'kubectl' package of the Kubernetes or Google Cloud apt repository)"
fi
[ "$(kustomize_major)" -ge 4 ] || fail "kubectl's kustomize is older than v4: $(kubectl version --client 2>&1 | tr '\n' ' ')"

if [ "${1:-}" = "--build" ]; then
  step "build the TypeScript services"
  npx nx run-many -t build --output-style=static
fi

step "build the validators (tools/ci/infra)"
rm -rf "$out" && mkdir -p "$out/rendered"
npx tsc -p tools/ci/infra/tsconfig.json

render() { # kustomization dir -> $out/rendered/<name>.json
  kubectl kustomize "$1" >"$out/rendered/$2.yaml"
  /usr/bin/python3 tools/ci/infra/yaml-to-json.py <"$out/rendered/$2.yaml" >"$out/rendered/$2.json"
}

step "render and validate: base, overlays/dev, overlays/prod"
targets=(base)
for overlay in infra/k8s/overlays/*/; do targets+=("$(basename "$overlay")"); done
rendered=()
for t in "${targets[@]}"; do
  if [ "$t" = base ]; then render infra/k8s/base base; else render "infra/k8s/overlays/$t" "$t"; fi
  rendered+=("$out/rendered/$t.json")
done
node "$out/dist/validate-manifests.js" --work-dir "$out/fields" "${rendered[@]}"

step "broken fixtures must fail validation"
fixtures=0
for fixture in infra/k8s/testdata/broken/*/; do
  name=$(basename "$fixture")
  render "$fixture" "broken-$name"
  set +e
  report=$(node "$out/dist/validate-manifests.js" --work-dir "$out/fields-$name" "$out/rendered/broken-$name.json" 2>&1)
  code=$?
  set -e
  [ "$code" -eq 1 ] || { echo "$report"; fail "fixture $name: validator exited $code, expected 1 (invalid manifests)"; }
  while IFS= read -r expected; do
    [ -z "$expected" ] && continue
    grep -qF -- "$expected" <<<"$report" || { echo "$report"; fail "fixture $name: expected in the report: $expected"; }
  done <"$fixture/expect.txt"
  echo "fixture $name: rejected as expected ($(grep -c ' ERROR ' <<<"$report") error(s))"
  fixtures=$((fixtures + 1))
done
[ "$fixtures" -gt 0 ] || fail "no broken fixtures found under infra/k8s/testdata/broken"

step "images: COPY sources and entry points"
node "$out/dist/check-images.js" "${rendered[@]}"
set +e
report=$(node "$out/dist/check-images.js" --docker-dir infra/docker/testdata/broken 2>&1)
code=$?
set -e
[ "$code" -eq 1 ] || { echo "$report"; fail "broken Dockerfile fixture: check-images exited $code, expected 1"; }
while IFS= read -r expected; do
  [ -z "$expected" ] && continue
  grep -qF -- "$expected" <<<"$report" || { echo "$report"; fail "broken Dockerfile fixture: expected in the report: $expected"; }
done <infra/docker/testdata/broken/expect.txt
echo "broken Dockerfile fixture: rejected as expected"

step "prometheus: promtool check config, check rules, test rules"
promtool check config infra/prometheus/prometheus.yml
promtool check rules infra/prometheus/rules/*.yml
promtool test rules infra/prometheus/tests/*.test.yml

step "grafana: dashboard structure and the rules it uses"
node "$out/dist/check-dashboard.js" infra/grafana/swirl-pipeline.json infra/prometheus/rules/recording.yml

echo
echo "infra checks passed"
