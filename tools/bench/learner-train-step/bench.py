"""TrainStep throughput over gRPC vs a plain PyTorch loop on the same model and batch.

Run: /work/main/.venv/bin/python tools/bench/learner-train-step/bench.py [--steps 40]
The learner runs as a real server process (`python -m swirl_learner serve --port 0`); the plain
loop runs in this process, alternating step by step with the served one, so both see the same
background load and never compute at the same time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
APP = REPO / "apps" / "learner"
sys.path.insert(0, str(APP))

import grpc  # noqa: E402
import torch  # noqa: E402

import swirl_learner  # noqa: E402,F401
from swirl.v1 import learner_pb2 as L, learner_pb2_grpc  # noqa: E402
from swirl_learner.config import DecoderConfig  # noqa: E402
from swirl_learner.model import SwirlDecoder  # noqa: E402
from swirl_learner.tokenizer import build_tokenizer  # noqa: E402

VOCAB = 263
LAYERS, HIDDEN, HEADS, SEQ_LEN = 4, 128, 4, 256


def make_batch(batch: int, length: int, prompt: int, seed: int) -> list[list[int]]:
    g = torch.Generator().manual_seed(seed)
    return torch.randint(0, 256, (batch, length), generator=g).tolist()


class ServedLearner:
    """A real `python -m swirl_learner serve` process and a client stub."""

    def __init__(self, tokenizer_path: Path, ids: list[list[int]], prompt: int) -> None:
        env = {**os.environ, "PYTHONPATH": str(APP)}
        self.proc = subprocess.Popen([sys.executable, "-m", "swirl_learner", "serve", "--port", "0"], cwd=APP, stderr=subprocess.PIPE, text=True, env=env)
        assert self.proc.stderr is not None
        line = self.proc.stderr.readline()
        while '"listening"' not in line:
            line = self.proc.stderr.readline()
            if not line:
                raise RuntimeError("learner exited before listening")
        self.channel = grpc.insecure_channel(f"127.0.0.1:{json.loads(line)['port']}")
        self.stub = learner_pb2_grpc.LearnerServiceStub(self.channel)
        self.stub.Init(L.InitRequest(
            request_id="bench", run_id="bench", tokenizer_path=str(tokenizer_path), seed=0, device="cpu",
            model=L.ModelSource(config=L.ModelConfig(architecture="swirl-decoder", vocab_size=VOCAB, num_layers=LAYERS, hidden_size=HIDDEN, num_heads=HEADS, max_seq_len=SEQ_LEN)),
            optimizer=L.OptimizerConfig(learning_rate=1e-3, grad_clip_norm=1.0),
        ))
        mask = [False] * prompt + [True] * (len(ids[0]) - prompt)
        # The request is built per step, as a trainer would.
        self.rows = ids
        self.mask = mask
        self.step = 0

    def train_step(self) -> None:
        self.step += 1
        sequences = [L.TrainSequence(token_ids=row, loss_mask=self.mask) for row in self.rows]
        self.stub.TrainStep(L.TrainStepRequest(step=self.step, loss=L.LOSS_KIND_SFT, sequences=sequences), timeout=60)

    def close(self) -> None:
        self.channel.close()
        self.proc.terminate()
        self.proc.wait(timeout=30)


class PlainLoop:
    """The same model, batch, loss (masked token-mean NLL), AdamW and clipping, without a service."""

    def __init__(self, ids: list[list[int]], prompt: int) -> None:
        torch.manual_seed(0)
        self.model = SwirlDecoder(DecoderConfig(vocab_size=VOCAB, num_layers=LAYERS, hidden_size=HIDDEN, num_heads=HEADS, max_seq_len=SEQ_LEN)).train()
        self.optimizer = torch.optim.AdamW(self.model.parameters(), lr=1e-3, weight_decay=0.0, foreach=True)
        self.input_ids = torch.tensor(ids)
        self.loss_mask = torch.zeros_like(self.input_ids, dtype=torch.float32)
        self.loss_mask[:, prompt:] = 1.0

    def train_step(self) -> None:
        logits, _ = self.model(self.input_ids)
        logp = torch.log_softmax(logits[:, :-1], -1).gather(-1, self.input_ids[:, 1:, None]).squeeze(-1)
        mask = self.loss_mask[:, 1:]
        loss = -(logp * mask).sum() / mask.sum()
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
        self.optimizer.step()


def timed(step: Callable[[], None]) -> float:
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--length", type=int, default=64)
    parser.add_argument("--prompt", type=int, default=32, help="leading tokens without loss")
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(2)
    ids = make_batch(args.batch, args.length, args.prompt, seed=0)
    tokens = args.batch * args.length
    served: list[float] = []
    plain: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        tokenizer_path = Path(tmp) / "tokenizer.json"
        build_tokenizer().save(str(tokenizer_path))
        learner = ServedLearner(tokenizer_path, ids, args.prompt)
        loop = PlainLoop(ids, args.prompt)
        try:
            # Alternate the two so that load from other processes on the machine hits both alike;
            # only one of them computes at any time (the server idles between calls).
            for i in range(args.warmup + args.steps):
                s, p = timed(learner.train_step), timed(loop.train_step)
                if i >= args.warmup:
                    served.append(s)
                    plain.append(p)
        finally:
            learner.close()
    result = {
        "model": f"swirl-decoder {LAYERS} layers, d={HIDDEN}, {HEADS} heads, vocab {VOCAB}",
        "batch": f"{args.batch} x {args.length} tokens ({args.prompt} prompt tokens without loss)",
        "steps": args.steps,
        "threads": torch.get_num_threads(),
        "grpc_ms_per_step": round(median(served) * 1e3, 2),
        "plain_ms_per_step": round(median(plain) * 1e3, 2),
        "grpc_tokens_per_s": round(tokens / median(served)),
        "plain_tokens_per_s": round(tokens / median(plain)),
        "ratio": round(median(plain) / median(served), 3),
    }
    print(json.dumps(result, indent=2))
    print(f"TrainStep over gRPC reaches {result['ratio']:.2f}x the plain torch loop's tokens/s (target >= 0.85x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
