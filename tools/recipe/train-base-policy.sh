#!/usr/bin/env bash
# The base-policy recipe (npm run recipe:base): build -> seeded world export -> imitation training
# of a fresh swirl decoder on the teacher's train trajectories -> ONNX export to models/<name>/ ->
# live evaluation on held-out questions through the real tools and inference services.
# Every setting below can be overridden from the environment (e.g. STEPS=20 OUT_DIR=/tmp/x).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"

WORLD_SEED="${WORLD_SEED:-1}"          # seed of the synthetic world (questions, KB, teacher)
SEED="${SEED:-0}"                      # seed of the model init and the data order (the committed model: 0)
NAME="${MODEL_NAME:-swirl-tiny}"
OUT_DIR="${OUT_DIR:-$REPO/models/$NAME}"
TRAJECTORIES="${TRAJECTORIES:-2}"      # teacher trajectories per train question (4000 questions)
MISTAKES="${MISTAKES:-{\}}"            # teacher mistake rates over DEFAULT_MISTAKES (JSON)
COPY_SEED="${COPY_SEED:-0}"            # seed of a copy world (copyWorldConversations in @swirl/world; 0: none)
COPY_QUESTIONS="${COPY_QUESTIONS:-4000}" # its multihop train questions, one teacher trajectory each
COPY_ENTITY_SCALE="${COPY_ENTITY_SCALE:-10}" # its train entities, as a multiple of the main world's
STEPS="${STEPS:-1500}"
BATCH="${BATCH:-16}"
LR="${LR:-2e-3}"
WARMUP="${WARMUP:-50}"
LAYERS="${LAYERS:-4}"
HIDDEN="${HIDDEN:-128}"
HEADS="${HEADS:-4}"
VOCAB_SIZE="${VOCAB_SIZE:-1024}"       # byte-level BPE learned from the train trajectories (0: plain bytes)
EVAL_N="${EVAL_N:-200}"                # held-out questions per family
EVAL_SPLIT="${EVAL_SPLIT:-test}"
SKIP_EVAL="${SKIP_EVAL:-0}"
WORLD_DIR="$REPO/var/recipe/world-seed-$WORLD_SEED"
PY="$REPO/.venv/bin/python"

started=$(date +%s)
step() { echo "[recipe +$(( $(date +%s) - started ))s] $*" >&2; }

[ -x "$PY" ] || bash tools/python/ensure-venv.sh

step "1/5 build @swirl/world @swirl/tools @swirl/inference"
NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false npx nx run-many -t build -p @swirl/world @swirl/tools @swirl/inference --parallel=2 --output-style=static >/dev/null

step "2/5 export world seed $WORLD_SEED ($TRAJECTORIES teacher trajectories per train question; copy world $COPY_SEED) -> $WORLD_DIR"
node --conditions=@swirl/source -r @swc-node/register tools/recipe/export-world.ts \
  --seed "$WORLD_SEED" --out "$WORLD_DIR" --trajectories "$TRAJECTORIES" --mistakes "$MISTAKES" \
  --copy-seed "$COPY_SEED" --copy-questions "$COPY_QUESTIONS" --copy-entity-scale "$COPY_ENTITY_SCALE" --copy-trajectories 1 >&2

step "3/5 provenance"
PROV="$WORLD_DIR/provenance.json"
"$PY" - "$WORLD_DIR" "$PROV" <<'EOF'
import json, sys
world, out = sys.argv[1], sys.argv[2]
manifest = json.load(open(f"{world}/manifest.json"))
data = json.load(open(f"{world}/recipe-data.json"))
json.dump({
    "world": {
        "seed": manifest["seed"], "sizes": manifest["sizes"], "manifest_sha256": data["manifestSha256"],
        "file_sha256": manifest["sha256"], "teacher": manifest["teacher"], "teacher_train_correct_rate": data["teacherCorrect"],
        "sft_data_sha256": data["sftSha256"], "copy_world": data["copyWorld"], "exporter": "tools/recipe/export-world.ts",
    },
    "prompt_version": manifest["promptVersion"],
    "command": "npm run recipe:base (tools/recipe/train-base-policy.sh)",
}, open(out, "w"), indent=2)
EOF

step "4/5 train (seed $SEED, $STEPS steps x $BATCH trajectories, $LAYERS layers d=$HIDDEN heads=$HEADS, vocab $VOCAB_SIZE, lr $LR) -> $OUT_DIR"
PYTHONPATH="$REPO/apps/learner" \
  "$PY" -m swirl_learner train-sft --data "$WORLD_DIR/sft-train.jsonl" --out "$OUT_DIR" --seed "$SEED" \
  --steps "$STEPS" --batch-size "$BATCH" --lr "$LR" --warmup-steps "$WARMUP" --layers "$LAYERS" --hidden "$HIDDEN" --heads "$HEADS" \
  --vocab-size "$VOCAB_SIZE" --provenance "$PROV" --log-every 10

if [ "$SKIP_EVAL" = "1" ]; then
  step "5/5 evaluation skipped (SKIP_EVAL=1)"
else
  step "5/5 live evaluation: $EVAL_N $EVAL_SPLIT questions per family through the tools and inference services"
  node --conditions=@swirl/source -r @swc-node/register tools/recipe/evaluate-live.ts \
    --model "$OUT_DIR" --name "$NAME" --split "$EVAL_SPLIT" --n "$EVAL_N" --seed "$WORLD_SEED" --world "$WORLD_DIR"
fi
step "done"
