#!/usr/bin/env bash
# Contract checks for CI: formatting, lint (STANDARD + COMMENTS), breaking changes against the
# committed baseline image, and drift of the committed generated code and descriptor set.
# Usage: tools/codegen/check.sh      (runnable from any directory; offline)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUF="$ROOT/node_modules/.bin/buf"
BASELINE="protos/baseline/swirl-v1.binpb"
[[ -x "$BUF" ]] || { echo "check.sh: $BUF not found; run npm install at $ROOT" >&2; exit 1; }
cd "$ROOT"

echo "== buf format"
if ! "$BUF" format protos --diff --exit-code; then
  echo "check.sh: .proto files are not formatted; run: npx buf format protos -w" >&2
  exit 1
fi

echo "== buf lint"
"$BUF" lint protos

echo "== buf breaking (against $BASELINE)"
[[ -f "$BASELINE" ]] || { echo "check.sh: $BASELINE is missing; run tools/codegen/update-baseline.sh" >&2; exit 1; }
"$BUF" breaking protos --against "$BASELINE"

echo "== drift of generated code"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$ROOT/tools/codegen/generate.sh" --out-dir "$tmp" >/dev/null
drift=0
diff -r "$tmp/libs/proto/src/gen" libs/proto/src/gen || drift=1
cmp -s "$tmp/libs/proto/descriptor/swirl.binpb" libs/proto/descriptor/swirl.binpb || {
  echo "libs/proto/descriptor/swirl.binpb differs from a fresh build" >&2
  drift=1
}
if [[ $drift -ne 0 ]]; then
  echo "check.sh: generated code is out of date with protos/; run tools/codegen/generate.sh and commit the result" >&2
  exit 1
fi
echo "check.sh: all contract checks passed"
