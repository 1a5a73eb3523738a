#!/usr/bin/env bash
# Regenerates the committed outputs of the swirl.v1 contracts (protos/swirl/v1/*.proto):
#   libs/proto/src/gen/**             TypeScript (ts-proto, grpc-js services), via protos/buf.gen.yaml
#   libs/proto/descriptor/swirl.binpb FileDescriptorSet of all files, google/protobuf imports
#                                     and source comments included (for server reflection)
# Usage: tools/codegen/generate.sh [--out-dir DIR]
#   --out-dir DIR  write the same tree under DIR instead of the repository (used by check.sh).
# Runnable from any directory; needs the root node_modules (npm install) and no network.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUF="$ROOT/node_modules/.bin/buf"
PLUGIN="$ROOT/node_modules/.bin/protoc-gen-ts_proto"

out_dir=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out-dir) out_dir="${2:?--out-dir needs a directory}"; shift 2 ;;
    -h | --help) sed -n '2,9p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "generate.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

for tool in "$BUF" "$PLUGIN"; do
  [[ -x "$tool" ]] || { echo "generate.sh: $tool not found; run npm install at $ROOT" >&2; exit 1; }
done

cd "$ROOT" # buf.gen.yaml's plugin path and output path are relative to the repository root

if [[ -n "$out_dir" ]]; then
  mkdir -p "$out_dir"
  out_dir="$(cd "$out_dir" && pwd)"
  "$BUF" generate protos --template protos/buf.gen.yaml --output "$out_dir"
  descriptor="$out_dir/libs/proto/descriptor/swirl.binpb"
else
  "$BUF" generate protos --template protos/buf.gen.yaml
  descriptor="$ROOT/libs/proto/descriptor/swirl.binpb"
fi

mkdir -p "$(dirname "$descriptor")"
# Imports are included by default (no --exclude-imports): reflection must be able to serve
# google/protobuf/{duration,struct,timestamp}.proto too. Source info (comments) is kept so that
# tools reading the set (grpcurl -protoset, doc generators) show the API reference.
"$BUF" build protos --as-file-descriptor-set --output "$descriptor"

echo "generate.sh: wrote ${out_dir:-$ROOT}/libs/proto/src/gen and $descriptor"
