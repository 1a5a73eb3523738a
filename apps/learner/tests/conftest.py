"""Shared fixtures: a tokenizer file, small model configs, sessions and a real gRPC server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
import torch

import swirl_learner  # noqa: F401  (puts the generated stubs on sys.path)
from swirl.v1 import learner_pb2, learner_pb2_grpc
from swirl_learner.chat import CHAT_TEMPLATE
from swirl_learner.config import DecoderConfig, ExportConfig
from swirl_learner.export_dir import write_export
from swirl_learner.model import SwirlDecoder
from swirl_learner.provenance import provenance
from swirl_learner.server import build_server
from swirl_learner.tokenizer import build_tokenizer, special_token_ids

L = learner_pb2
VOCAB = 263  # the byte tokenizer: 256 bytes + 7 special tokens

torch.set_num_threads(2)


@pytest.fixture(scope="session")
def tokenizer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tok") / "tokenizer.json"
    build_tokenizer().save(str(path))
    return path


def tiny_config(**overrides: object) -> learner_pb2.ModelConfig:
    fields: dict[str, object] = dict(architecture="swirl-decoder", vocab_size=VOCAB, num_layers=2, hidden_size=32, num_heads=4, max_seq_len=128)
    fields.update(overrides)
    return L.ModelConfig(**fields)  # type: ignore[arg-type]


def init_request(tokenizer_path: Path, request_id: str = "init-1", run_id: str = "run-a", lr: float = 1e-2, **kw: object) -> learner_pb2.InitRequest:
    req = L.InitRequest(
        request_id=request_id,
        run_id=run_id,
        model=L.ModelSource(config=kw.pop("config", tiny_config())),  # type: ignore[arg-type]
        tokenizer_path=str(tokenizer_path),
        optimizer=L.OptimizerConfig(learning_rate=lr, grad_clip_norm=1.0),
        seed=kw.pop("seed", 0),  # type: ignore[arg-type]
        device="cpu",
    )
    if kw.pop("reference", False):
        req.reference.initial_weights = True
    req.replace_session = bool(kw.pop("replace_session", False))
    assert not kw, kw
    return req


def sequence(prompt: list[int], action: list[int], advantage: float = 0.0, **kw: object) -> learner_pb2.TrainSequence:
    ids = prompt + action
    return L.TrainSequence(
        id=str(kw.pop("id", "")),
        token_ids=ids,
        loss_mask=[False] * len(prompt) + [True] * len(action),
        advantage=advantage,
        **kw,  # type: ignore[arg-type]
    )


def write_old_export(out: Path, seed: int = 0) -> Path:
    """A tiny swirl-decoder export with weights in the present.* signature (swirl-onnx-kv/1), as
    every export was before the append signature; plus an extra file, like train-sft's curve."""
    torch.manual_seed(seed)
    tokenizer = build_tokenizer()
    model = SwirlDecoder(DecoderConfig(vocab_size=tokenizer.get_vocab_size(), num_layers=2, hidden_size=32, num_heads=2, max_seq_len=128)).eval()
    config = ExportConfig(model.config, special_token_ids(tokenizer), CHAT_TEMPLATE, provenance({"kind": "test base", "seed": seed}))
    write_export(out, model, tokenizer, config.to_json_dict(), extra_files={"training-curve.json": json.dumps({"loss": [1.0, 0.5]}) + "\n"},
                 weights=model.state_dict(), cache_outputs="present")
    return out


class Server:
    def __init__(self, root: Path) -> None:
        self.server, self.port, self.health, self.learner = build_server("127.0.0.1", 0, root / "ckpt", root / "export")
        self.server.start()
        self.channel = grpc.insecure_channel(f"127.0.0.1:{self.port}")
        self.stub = learner_pb2_grpc.LearnerServiceStub(self.channel)

    def close(self) -> None:
        self.channel.close()
        self.server.stop(grace=None)


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[Server]:
    s = Server(tmp_path)
    yield s
    s.close()
