"""Puts the repository's generated contract stubs (clients/python/src) on sys.path.

The stubs are generated once for the whole repository; the learner reuses them instead of
keeping its own copy.
"""

import sys
from pathlib import Path

STUBS_DIR = Path(__file__).resolve().parents[3] / "clients" / "python" / "src"

if STUBS_DIR.is_dir() and str(STUBS_DIR) not in sys.path:
    sys.path.append(str(STUBS_DIR))
