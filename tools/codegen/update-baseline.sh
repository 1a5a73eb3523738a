#!/usr/bin/env bash
# Rewrites the baseline image that `buf breaking` (tools/codegen/check.sh) compares against.
# Run it when a contract version is released, or after a breaking change was explicitly agreed
# (say so in the commit message). It refuses to write a baseline that fails lint.
# Usage: tools/codegen/update-baseline.sh      (runnable from any directory; offline)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUF="$ROOT/node_modules/.bin/buf"
BASELINE="protos/baseline/swirl-v1.binpb"
[[ -x "$BUF" ]] || { echo "update-baseline.sh: $BUF not found; run npm install at $ROOT" >&2; exit 1; }
cd "$ROOT"

"$BUF" lint protos
mkdir -p "$(dirname "$BASELINE")"
# A buf image (imports included); source info is left out so comment edits do not touch it.
"$BUF" build protos --exclude-source-info --output "$BASELINE"
echo "update-baseline.sh: wrote $BASELINE"
