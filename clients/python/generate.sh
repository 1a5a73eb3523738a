#!/usr/bin/env bash
# Generates the Python gRPC stubs of the swirl.v1 contracts (and of grpc.health.v1 and
# grpc.reflection.v1 / v1alpha) into clients/python/src with the pinned grpcio-tools of the
# repository venv.
#   generate.sh          write them
#   generate.sh --check  fail if the committed stubs differ from what the .proto files give
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
py=${SWIRL_VENV:-$root/.venv}/bin/python
[ -x "$py" ] || { echo "no venv at $py: run tools/python/ensure-venv.sh first" >&2; exit 1; }

generate_into() {
  local out=$1 work
  work=$(mktemp -d)
  # The health and reflection protos (the official copies shipped in node_modules) are placed
  # under swirl_client/ so their generated imports resolve inside this package (a top-level
  # `grpc` package would shadow grpcio). Their proto packages stay grpc.health.v1 and
  # grpc.reflection.v1[alpha], so the service and message names on the wire are the standard ones.
  local reflection="$root/node_modules/@grpc/reflection/build/proto/grpc/reflection"
  mkdir -p "$work/swirl_client/health/v1" "$work/swirl_client/reflection/v1" "$work/swirl_client/reflection/v1alpha"
  cp "$root/node_modules/grpc-health-check/proto/health/v1/health.proto" "$work/swirl_client/health/v1/health.proto"
  cp "$reflection/v1/reflection.proto" "$work/swirl_client/reflection/v1/reflection.proto"
  cp "$reflection/v1alpha/reflection.proto" "$work/swirl_client/reflection/v1alpha/reflection.proto"
  mkdir -p "$out"
  (cd "$root" && "$py" -m grpc_tools.protoc -I protos -I "$work" \
    --python_out="$out" --pyi_out="$out" --grpc_python_out="$out" \
    protos/swirl/v1/*.proto "$work/swirl_client/health/v1/health.proto" \
    "$work/swirl_client/reflection/v1/reflection.proto" "$work/swirl_client/reflection/v1alpha/reflection.proto")
  rm -rf "$work"
  # Namespace packages need no __init__.py; add them so tools that expect regular packages work.
  for d in "$out/swirl" "$out/swirl/v1" "$out/swirl_client/health" "$out/swirl_client/health/v1" \
    "$out/swirl_client/reflection" "$out/swirl_client/reflection/v1" "$out/swirl_client/reflection/v1alpha"; do
    touch "$d/__init__.py"
  done
}

if [ "${1:-}" = "--check" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  generate_into "$tmp"
  for d in swirl swirl_client/health swirl_client/reflection; do
    if ! diff -r -q -x __pycache__ "$tmp/$d" "$root/clients/python/src/$d" >/dev/null; then
      diff -r -x __pycache__ "$tmp/$d" "$root/clients/python/src/$d" | head -20 >&2 || true
      echo "clients/python/src/$d is out of date: run clients/python/generate.sh and commit the result" >&2
      exit 1
    fi
  done
  echo "python stubs: up to date"
else
  rm -rf "$root/clients/python/src/swirl" "$root/clients/python/src/swirl_client/health" "$root/clients/python/src/swirl_client/reflection"
  generate_into "$root/clients/python/src"
  echo "python stubs: written to clients/python/src"
fi
