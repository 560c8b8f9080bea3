"""Every default in one place.

Precedence is flag > environment variable > the default written here. The thresholds are the
decision points of the aligner and the diff engine; see the README's "How it decides".
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

#: sha256 of all-MiniLM-L6-v2's model.safetensors as published upstream; the bundled copy must match.
DEFAULT_MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DEFAULT_MODEL = "all-MiniLM-L6-v2"

#: Inputs larger than this are refused unless the user raises the limit (--max-bytes).
DEFAULT_MAX_BYTES = 5_000_000


def default_cache_dir() -> Path:
    env = os.environ.get("COMPARE_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "compare"


@dataclass(frozen=True)
class Options:
    #: sentence-transformers model name or path; the default is the bundled all-MiniLM-L6-v2.
    model: str = field(default_factory=lambda: os.environ.get("COMPARE_MODEL", DEFAULT_MODEL))
    #: where embeddings are cached; None disables the cache.
    cache_dir: Path | None = field(default_factory=default_cache_dir)
    #: show a progress bar when encoding takes a while.
    progress: bool = False
    #: refuse sources larger than this many bytes.
    max_bytes: int = DEFAULT_MAX_BYTES

    # --- alignment -----------------------------------------------------------------------
    #: combined score at or above which two claims from different sources are aligned.
    align_threshold: float = 0.58
    #: weights of the combined score: embedding cosine, lexical token-set ratio, shared anchors
    #: (entities, numbers). They sum to one.
    w_cosine: float = 0.70
    w_lexical: float = 0.20
    w_anchor: float = 0.10
    #: keep at most this many counterparts per claim in each other source (claims may merge/split).
    max_matches: int = 2
    #: a second counterpart must score within this margin of the best one to be kept.
    match_margin: float = 0.08

    # --- diff ----------------------------------------------------------------------------
    #: minimum combined score for a conflicting pair to be called a contradiction rather than
    #: two different facts: contradictions need both claims to be about the same event.
    contradiction_threshold: float = 0.62
