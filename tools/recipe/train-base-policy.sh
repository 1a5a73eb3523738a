#!/usr/bin/env bash
# The base-policy recipe (npm run recipe:base): build -> seeded world export -> imitation training
# of a fresh swirl decoder on the teacher's train trajectories (optionally a second stage that
# continues on main + copy-world data) -> ONNX export to models/<name>/ -> live evaluation on
# held-out questions through the real tools and inference services.
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
COPY_SEED="${COPY_SEED:-1001}"         # seed of a copy world (copyWorldConversations in @swirl/world; 0: none)
COPY_QUESTIONS="${COPY_QUESTIONS:-4000}" # its multihop train questions, one teacher trajectory each
COPY_ENTITY_SCALE="${COPY_ENTITY_SCALE:-10}" # its train entities, as a multiple of the main world's
STEPS="${STEPS:-1500}"                 # steps on the main world's data (COPY_STEPS=0 with COPY_SEED set: on main + copy)
COPY_STEPS="${COPY_STEPS:-1500}"       # >0: a second stage of this many steps on main + copy-world data, from the first
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
COPY_DIR="$WORLD_DIR-copy-$COPY_SEED"
STAGE1_DIR="$REPO/var/recipe/stage1-$NAME"
PY="$REPO/.venv/bin/python"
# glibc returns the ~100 MB activation buffers to the kernel after every use and faults them back
# in (a third of the CPU time in the kernel); jemalloc with purging off keeps them: ~2x faster
# steps, the same losses bit for bit. Debian: apt-get install libjemalloc2.
JEMALLOC="${JEMALLOC:-/usr/lib/x86_64-linux-gnu/libjemalloc.so.2}"

started=$(date +%s)
step() { echo "[recipe +$(( $(date +%s) - started ))s] $*" >&2; }

[ -x "$PY" ] || bash tools/python/ensure-venv.sh

step "1/5 build @swirl/world @swirl/tools @swirl/inference"
NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false npx nx run-many -t build -p @swirl/world @swirl/tools @swirl/inference --parallel=2 --output-style=static >/dev/null

if [ "$COPY_STEPS" -gt 0 ] && [ "$COPY_SEED" = 0 ]; then
  echo "COPY_STEPS=$COPY_STEPS needs a copy world: set COPY_SEED (e.g. 1001)" >&2; exit 2
fi
TRAIN_ENV=()
if [ -f "$JEMALLOC" ]; then
  TRAIN_ENV=(LD_PRELOAD="$JEMALLOC" MALLOC_CONF="dirty_decay_ms:-1,muzzy_decay_ms:-1")
else
  echo "note: $JEMALLOC not found; training runs on glibc malloc, about 2x slower (apt-get install libjemalloc2)" >&2
fi

# export_world DIR COPY_SEED: the world files + sft-train.jsonl + provenance.json in DIR.
export_world() {
  local dir=$1 copy=$2
  node --conditions=@swirl/source -r @swc-node/register tools/recipe/export-world.ts \
    --seed "$WORLD_SEED" --out "$dir" --trajectories "$TRAJECTORIES" --mistakes "$MISTAKES" \
    --copy-seed "$copy" --copy-questions "$COPY_QUESTIONS" --copy-entity-scale "$COPY_ENTITY_SCALE" --copy-trajectories 1 >&2
  "$PY" - "$dir" "$dir/provenance.json" <<'EOF'
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
}

# train DATA_DIR OUT STEPS [more train-sft flags...]
train() {
  local data=$1 out=$2 steps=$3
  shift 3
  env "${TRAIN_ENV[@]}" PYTHONPATH="$REPO/apps/learner" \
    "$PY" -m swirl_learner train-sft --data "$data/sft-train.jsonl" --out "$out" --seed "$SEED" \
    --steps "$steps" --batch-size "$BATCH" --lr "$LR" --warmup-steps "$WARMUP" --layers "$LAYERS" --hidden "$HIDDEN" --heads "$HEADS" \
    --vocab-size "$VOCAB_SIZE" --provenance "$data/provenance.json" --log-every 10 "$@"
}

if [ "$COPY_STEPS" -gt 0 ]; then
  step "2/5 export world seed $WORLD_SEED ($TRAJECTORIES teacher trajectories per train question) -> $WORLD_DIR, and with copy world $COPY_SEED -> $COPY_DIR"
  export_world "$WORLD_DIR" 0
  export_world "$COPY_DIR" "$COPY_SEED"
  step "3/5 stage 1 (seed $SEED, $STEPS steps x $BATCH trajectories of the main world, $LAYERS layers d=$HIDDEN heads=$HEADS, vocab $VOCAB_SIZE, lr $LR) -> $STAGE1_DIR"
  train "$WORLD_DIR" "$STAGE1_DIR" "$STEPS"
  step "4/5 stage 2 ($COPY_STEPS steps on main + copy world, continuing from stage 1) -> $OUT_DIR"
  train "$COPY_DIR" "$OUT_DIR" "$COPY_STEPS" --init-from "$STAGE1_DIR"
else
  step "2/5 export world seed $WORLD_SEED ($TRAJECTORIES teacher trajectories per train question; copy world $COPY_SEED) -> $WORLD_DIR"
  export_world "$WORLD_DIR" "$COPY_SEED"
  step "3/5 train (seed $SEED, $STEPS steps x $BATCH trajectories, $LAYERS layers d=$HIDDEN heads=$HEADS, vocab $VOCAB_SIZE, lr $LR) -> $OUT_DIR"
  train "$WORLD_DIR" "$OUT_DIR" "$STEPS"
  step "4/5 -"
fi

if [ "$SKIP_EVAL" = "1" ]; then
  step "5/5 evaluation skipped (SKIP_EVAL=1)"
else
  step "5/5 live evaluation: $EVAL_N $EVAL_SPLIT questions per family through the tools and inference services"
  node --conditions=@swirl/source -r @swc-node/register tools/recipe/evaluate-live.ts \
    --model "$OUT_DIR" --name "$NAME" --split "$EVAL_SPLIT" --n "$EVAL_N" --seed "$WORLD_SEED" --world "$WORLD_DIR"
fi
step "done"
