"""Save/Load of resumable checkpoints.

Layout: model.safetensors, config.json, tokenizer.json and (unless weights-only) optimizer.pt
(optimizer state + RNG) and trainer_state.json. A checkpoint is assembled in a temporary sibling
directory and renamed into place, so a crash or a failed write never leaves half a checkpoint.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import torch
from google.protobuf.timestamp_pb2 import Timestamp

from swirl.v1 import common_pb2
from swirl_learner.backends import WEIGHTS_FILE, SwirlBackend, backend_from_directory
from swirl_learner.chat import CHAT_TEMPLATE
from swirl_learner.config import MODEL_TYPE, ExportConfig
from swirl_learner.errors import FailedPrecondition, InvalidArgument, NotFound, ResourceExhausted
from swirl_learner.export_dir import sha256_file
from swirl_learner.provenance import provenance
from swirl_learner.session import Session

OPTIMIZER_FILE = "optimizer.pt"
STATE_FILE = "trainer_state.json"


def model_config_json(session: Session) -> dict[str, Any]:
    backend = session.backend
    assert isinstance(backend, SwirlBackend)
    special = session.tokenizer.export_special_ids()
    stamp = provenance({"run_id": session.run_id, "step": session.step})
    if special is not None:
        return ExportConfig(backend.config, special, CHAT_TEMPLATE, stamp).to_json_dict()
    d = backend.config
    return {
        "model_type": MODEL_TYPE, "num_layers": d.num_layers, "num_heads": d.num_heads, "head_dim": d.head_dim,
        "hidden_size": d.hidden_size, "intermediate_size": d.ffn_size, "vocab_size": d.vocab_size,
        "max_position_embeddings": d.max_seq_len, "rope_theta": d.rope_theta, "norm_eps": d.norm_eps,
        "dropout": d.dropout, "provenance": stamp,
    }


def _read_state(directory: Path) -> dict[str, Any] | None:
    try:
        state = json.loads((directory / STATE_FILE).read_text())
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def _dir_size(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def checkpoint_ref(directory: Path, state: dict[str, Any]) -> common_pb2.CheckpointRef:
    created = Timestamp()
    created.FromDatetime(datetime.fromisoformat(state["created"]))
    return common_pb2.CheckpointRef(
        id=f"{state['run_id']}/step-{state['step']}",
        run_id=state["run_id"],
        step=int(state["step"]),
        path=str(directory),
        weights_sha256=sha256_file(directory / WEIGHTS_FILE),
        has_optimizer_state=bool(state["has_optimizer_state"]),
        size_bytes=_dir_size(directory),
        create_time=created,
    )


def save_checkpoint(session: Session, directory: Path, weights_only: bool) -> common_pb2.CheckpointRef:
    if not directory.is_absolute():
        raise InvalidArgument(f"path {str(directory)!r} is relative; send an absolute directory")
    if directory.exists():
        state = _read_state(directory)
        if state is not None and state.get("run_id") == session.run_id and state.get("step") == session.step:
            if weights_only or state.get("has_optimizer_state"):
                return checkpoint_ref(directory, state)  # the same step saved twice: a no-op
        raise FailedPrecondition(f"{directory} exists and holds a different checkpoint; choose a new path")
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.tmp-", dir=directory.parent))
    try:
        staging.chmod(0o755)
        _write(session, staging, weights_only)
        os.replace(staging, directory)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if exc.errno == 28:  # ENOSPC
            raise ResourceExhausted(f"disk full while writing {directory}") from exc
        raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    state = _read_state(directory)
    assert state is not None
    return checkpoint_ref(directory, state)


def _write(session: Session, staging: Path, weights_only: bool) -> None:
    extra = model_config_json(session) if isinstance(session.backend, SwirlBackend) else {}
    session.backend.save(staging, extra)
    session.tokenizer.tokenizer.save(str(staging / "tokenizer.json"))
    if not weights_only:
        torch.save(
            {"optimizer": session.optimizer.state_dict(), "rng_cpu": torch.get_rng_state()},
            staging / OPTIMIZER_FILE,
        )
    state = {
        "run_id": session.run_id,
        "step": session.step,
        "backend": session.backend.kind,
        "architecture": session.backend.architecture(),
        "seed": session.seed,
        "has_optimizer_state": not weights_only,
        "created": datetime.now(timezone.utc).isoformat(),
    }
    # Written last: its presence marks a complete checkpoint even for readers of the staging dir.
    (staging / STATE_FILE).write_text(json.dumps(state, indent=2) + "\n")


def restore_training_state(session: Session, directory: Path, weights_only: bool, optional: bool) -> dict[str, Any] | None:
    """Optimizer state, RNG and step from a checkpoint (optional: silently skip if absent)."""
    state = _read_state(directory)
    if weights_only:
        return state
    if state is None or not (directory / OPTIMIZER_FILE).is_file():
        if optional:
            return state
        raise FailedPrecondition(f"{directory} has no optimizer state (a weights-only checkpoint); load it with weights_only")
    saved = torch.load(directory / OPTIMIZER_FILE, map_location=session.device, weights_only=True)
    session.optimizer.load_state_dict(saved["optimizer"])
    torch.set_rng_state(saved["rng_cpu"].cpu())
    session.step = int(state["step"])
    # Replays recorded after this step describe updates that are now undone.
    for step in [s for s in session.history if s > session.step]:
        del session.history[step]
    return state


def load_checkpoint(session: Session, path: str, weights_only: bool) -> common_pb2.CheckpointRef:
    if not path:
        raise InvalidArgument("path is required: the checkpoint directory to load")
    directory = Path(path)
    if not directory.is_absolute():
        raise InvalidArgument(f"path {path!r} is relative; send an absolute directory")
    if not (directory / "config.json").is_file() or not (directory / WEIGHTS_FILE).is_file():
        raise NotFound(f"no checkpoint at {path} (config.json and {WEIGHTS_FILE} expected)")
    try:
        loaded = backend_from_directory(directory)
    except (ValueError, KeyError) as exc:
        raise FailedPrecondition(f"checkpoint at {path} does not fit this session: {exc}") from exc
    if loaded.architecture() != session.backend.architecture():
        raise FailedPrecondition(
            f"checkpoint architecture {loaded.architecture()} differs from the session's {session.backend.architecture()}"
        )
    session.backend.module.load_state_dict(loaded.module.state_dict())
    state = restore_training_state(session, directory, weights_only, optional=False)
    if state is None:  # a plain Hugging Face directory: no trainer state
        state = {"run_id": "", "step": 0, "has_optimizer_state": False, "created": datetime.now(timezone.utc).isoformat()}
    ref = checkpoint_ref(directory, state)
    session.last_checkpoint = ref
    return ref
