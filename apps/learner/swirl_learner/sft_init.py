"""Where `train-sft --init-from DIR` starts: the weights and tokenizer of an earlier export.

A staged recipe (e.g. first the main world, then more data) continues from the first stage's
export instead of a fresh initialisation. The tokenizer is kept, since the weights are only
meaningful with the ids they were trained on, and the architecture must equal the settings', so
the provenance written for the new model describes it truthfully.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tokenizers import Tokenizer

from swirl_learner.backends import WEIGHTS_FILE, SwirlBackend, backend_from_directory, read_config_json
from swirl_learner.export_dir import sha256_file
from swirl_learner.model import SwirlDecoder
from swirl_learner.tokenizer import load_tokenizer

if TYPE_CHECKING:
    from swirl_learner.train_sft import SftSettings

TOKENIZER_FILE = "tokenizer.json"


def load_init(directory: Path, settings: "SftSettings") -> tuple[SwirlDecoder, Tokenizer, dict[str, Any]]:
    """The model and tokenizer in `directory`, and a provenance record naming them by hash."""
    for name in ("config.json", WEIGHTS_FILE, TOKENIZER_FILE):
        if not (directory / name).is_file():
            raise ValueError(f"--init-from {directory}: {name} is missing (expected a train-sft export directory)")
    backend = backend_from_directory(directory)
    if not isinstance(backend, SwirlBackend):
        raise ValueError(f"--init-from {directory}: train-sft continues swirl-decoder models only, found {backend.kind!r}")
    cfg = backend.config
    tokenizer = load_tokenizer(directory / TOKENIZER_FILE)
    wanted = {"num_layers": settings.num_layers, "hidden_size": settings.hidden_size, "num_heads": settings.num_heads}
    found = {"num_layers": cfg.num_layers, "hidden_size": cfg.hidden_size, "num_heads": cfg.num_heads}
    if settings.vocab_size:
        wanted["vocab_size"], found["vocab_size"] = settings.vocab_size, tokenizer.get_vocab_size()
    if wanted != found:
        raise ValueError(f"--init-from {directory}: its architecture {found} differs from the settings {wanted}; pass matching --layers/--hidden/--heads/--vocab-size")
    if tokenizer.get_vocab_size() != cfg.vocab_size:
        raise ValueError(f"--init-from {directory}: tokenizer.json has {tokenizer.get_vocab_size()} ids, config.json {cfg.vocab_size}")
    config = read_config_json(directory)
    stamp = {
        "path": str(directory),
        "weights_sha256": sha256_file(directory / WEIGHTS_FILE),
        "tokenizer_sha256": sha256_file(directory / TOKENIZER_FILE),
        "provenance": config.get("provenance"),
    }
    return backend.module, tokenizer, stamp
