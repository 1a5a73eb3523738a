"""The one entry point: `python -m swirl_learner {serve,export-fixture}`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _export_fixture(args: argparse.Namespace) -> int:
    from swirl_learner.fixture import write_fixture

    summary = write_fixture(Path(args.out), args.seed)
    print(json.dumps(summary))
    return 0


def _serve(args: argparse.Namespace) -> int:
    from swirl_learner.server import serve

    return serve(args.host, args.port, Path(args.checkpoint_root), Path(args.export_root))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m swirl_learner", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    fixture = commands.add_parser("export-fixture", help="write a tiny random model in the export format plus reference logits")
    fixture.add_argument("--out", required=True, help="output directory (replaced atomically)")
    fixture.add_argument("--seed", type=int, default=0)
    fixture.set_defaults(run=_export_fixture)

    serve = commands.add_parser("serve", help="run the LearnerService gRPC server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=50055, help="0: any free port (reported on stderr)")
    serve.add_argument("--checkpoint-root", default="var/learner/checkpoints", help="where Save writes when no path is given")
    serve.add_argument("--export-root", default="var/learner/exports", help="where Export writes when no directory is given")
    serve.set_defaults(run=_serve)

    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
