"""Provenance block stamped into config.json of every export."""

from __future__ import annotations

import platform
from datetime import datetime, timezone
from typing import Any

import torch


def framework_version() -> str:
    return f"torch {torch.__version__}, python {platform.python_version()}"


def provenance(extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "producer": "swirl-learner",
        "framework": framework_version(),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        **extra,
    }
