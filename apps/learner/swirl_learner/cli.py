"""The one entry point: `python -m swirl_learner {serve,export-fixture,reexport,train-sft,health-probe}`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from swirl_learner.config import CACHE_OUTPUTS, SWIRL_CACHE_OUTPUTS
from swirl_learner.server_security import (
    AUTH_TOKEN, SECURITY_OPTIONS, TLS_CERT, TLS_CLIENT_CA, TLS_KEY, SettingsError, load_server_security, pick,
)


def _export_fixture(args: argparse.Namespace) -> int:
    from swirl_learner.fixture import write_fixture

    summary = write_fixture(Path(args.out), args.seed, args.cache_outputs)
    print(json.dumps(summary))
    return 0


def _reexport(args: argparse.Namespace) -> int:
    from swirl_learner.export_dir import VerificationError
    from swirl_learner.reexport import reexport

    try:
        summary = reexport(Path(args.source), Path(args.out), args.opset, args.cache_outputs)
    except (ValueError, FileExistsError, VerificationError) as err:
        print(f"reexport: {err}", file=sys.stderr, flush=True)
        return 1
    print(json.dumps(summary))
    return 0


def _train_sft(args: argparse.Namespace) -> int:
    from swirl_learner.train_sft import SftSettings, train_sft

    extra = json.loads(Path(args.provenance).read_text()) if args.provenance else {}
    settings = SftSettings(
        steps=args.steps, batch_size=args.batch_size, learning_rate=args.lr, warmup_steps=args.warmup_steps,
        weight_decay=args.weight_decay, grad_clip_norm=args.grad_clip, num_layers=args.layers, hidden_size=args.hidden,
        num_heads=args.heads, max_seq_len=args.max_len, seed=args.seed, threads=args.threads, log_every=args.log_every,
        vocab_size=args.vocab_size, init_from=args.init_from,
    )
    result = train_sft(Path(args.data), Path(args.out), settings, extra, log=lambda line: print(line, file=sys.stderr, flush=True))
    print(json.dumps({"out": str(Path(args.out).resolve()), "steps": result.steps, "final_loss": result.final_loss, "last_loss": result.last_loss,
                      "parameters": result.parameters, "train_seconds": round(result.train_seconds, 1), "examples": result.examples, "dropped": result.dropped}))
    return 0


def _serve(args: argparse.Namespace) -> int:
    env = os.environ
    try:  # before the server module (torch) is even imported: a bad setting fails in a moment
        security = load_server_security(
            pick(args.auth_token, AUTH_TOKEN, env), pick(args.tls_cert, TLS_CERT, env),
            pick(args.tls_key, TLS_KEY, env), pick(args.tls_client_ca, TLS_CLIENT_CA, env),
        )
    except SettingsError as err:
        print(f"invalid settings: {err}", file=sys.stderr, flush=True)
        return 2  # the kit's exit code for invalid settings
    from swirl_learner.server import serve

    return serve(args.host, args.port, Path(args.checkpoint_root), Path(args.export_root), args.metrics_port, security)


def _health_probe(args: argparse.Namespace) -> int:
    from swirl_learner.health_probe import probe

    return probe(args.port, args.service, os.environ)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m swirl_learner", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    fixture = commands.add_parser("export-fixture", help="write a tiny random model in the export format plus reference logits")
    fixture.add_argument("--out", required=True, help="output directory (replaced atomically)")
    fixture.add_argument("--seed", type=int, default=0)
    fixture.add_argument("--cache-outputs", choices=CACHE_OUTPUTS, default=SWIRL_CACHE_OUTPUTS,
                         help="graph signature: new = new_key_values.* (swirl-onnx-kv-append/1), present = present.* (swirl-onnx-kv/1) (default: %(default)s)")
    fixture.set_defaults(run=_export_fixture)

    again = commands.add_parser("reexport", help="write a swirl-decoder export directory again with the same weights, in the default graph signature or --cache-outputs")
    again.add_argument("--from", dest="source", required=True, help="export directory with config.json, model.safetensors, tokenizer.json")
    again.add_argument("--out", required=True, help="output directory (replaced atomically; may equal --from)")
    again.add_argument("--opset", type=int, default=0, help="ONNX opset (default: 0 = the learner's default, 17)")
    again.add_argument("--cache-outputs", choices=CACHE_OUTPUTS, default=SWIRL_CACHE_OUTPUTS,
                       help="graph signature: new = new_key_values.* (swirl-onnx-kv-append/1), present = present.* (swirl-onnx-kv/1, "
                            "the Hugging Face / transformers.js convention) (default: %(default)s)")
    again.set_defaults(run=_reexport)

    sft = commands.add_parser("train-sft", help="train a fresh swirl decoder by imitation on rendered conversations (JSONL) and export it")
    sft.add_argument("--data", required=True, help="JSONL, one {family, messages: [{role, content}]} per line")
    sft.add_argument("--out", required=True, help="export directory (model.onnx, tokenizer.json, config.json; replaced atomically)")
    sft.add_argument("--seed", type=int, default=0)
    sft.add_argument("--steps", type=int, required=True)
    sft.add_argument("--batch-size", type=int, default=16, help="conversations per update")
    sft.add_argument("--lr", type=float, default=3e-3, help="peak learning rate (warmup, then cosine to 0)")
    sft.add_argument("--warmup-steps", type=int, default=50)
    sft.add_argument("--weight-decay", type=float, default=0.01)
    sft.add_argument("--grad-clip", type=float, default=1.0)
    sft.add_argument("--layers", type=int, default=4)
    sft.add_argument("--hidden", type=int, default=128)
    sft.add_argument("--heads", type=int, default=4)
    sft.add_argument("--max-len", type=int, default=4096, help="longer conversations are dropped (and counted in provenance)")
    sft.add_argument("--threads", type=int, default=2, help="torch threads (fixed, for reproducible numerics)")
    sft.add_argument("--log-every", type=int, default=25)
    sft.add_argument("--vocab-size", type=int, default=0, help="0: byte-level tokenizer; N > 263: byte-level BPE with N ids learned from --data")
    sft.add_argument("--init-from", default="", help="continue from this export directory (weights + tokenizer kept; architecture must match) instead of a fresh init")
    sft.add_argument("--provenance", default="", help="JSON file whose object is merged into config.json provenance")
    sft.set_defaults(run=_train_sft)

    serve = commands.add_parser("serve", help="run the LearnerService gRPC server")
    serve.add_argument("--host", default="127.0.0.1", help="interface the gRPC and metrics servers bind (default: %(default)s)")
    serve.add_argument("--port", type=int, default=50055, help="0: any free port (reported on stderr) (default: %(default)s)")
    serve.add_argument("--metrics-port", type=int, default=9468, help="Prometheus GET /metrics on --host; 0: any free port (reported on stderr), -1: off (default: %(default)s)")
    serve.add_argument("--checkpoint-root", default="var/learner/checkpoints", help="where Save writes when no path is given (default: %(default)s)")
    serve.add_argument("--export-root", default="var/learner/exports", help="where Export writes when no directory is given (default: %(default)s)")
    for option in SECURITY_OPTIONS:
        # default None (not the variable's value) so --help shows no secret; _serve reads the variable.
        serve.add_argument(option.flag, default=None, metavar=option.flag.removeprefix("--").split("-")[-1].upper(),
                           help=f"{option.doc} (environment: {option.env}; default: unset)")
    serve.set_defaults(run=_serve)

    probe = commands.add_parser(
        "health-probe", help="exit 0 iff the learner on 127.0.0.1 reports SERVING (Kubernetes exec probe; TLS from SWIRL_PROBE_TLS_CA)",
        description="grpc.health.v1.Health/Check against 127.0.0.1:PORT. Environment: SWIRL_PROBE_TLS_CA (PEM CA: TLS on, chain "
        "verified, the server's own name accepted), SWIRL_PROBE_TLS_CERT / SWIRL_PROBE_TLS_KEY (client certificate for mTLS), "
        "SWIRL_PROBE_TIMEOUT_MS (default 2000). Exit 0: SERVING; 1: anything else; 2: bad usage.",
    )
    probe.add_argument("--port", type=int, default=None, help="gRPC port (default: $SWIRL_GRPC_PORT)")
    probe.add_argument("--service", default="", help='health-check name; "" (default) is the whole server')
    probe.set_defaults(run=_health_probe)

    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
