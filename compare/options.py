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
    #: how the bundled model runs: "auto" (ONNX Runtime, exported once into the cache folder; no
    #: torch import), "onnx", "onnx-int8" (faster, less faithful) or "torch" (sentence-transformers).
    #: Other models always run with sentence-transformers.
    backend: str = field(default_factory=lambda: os.environ.get("COMPARE_BACKEND", "auto"))
    #: where embeddings are cached; None disables the cache.
    cache_dir: Path | None = field(default_factory=default_cache_dir)
    #: show a progress bar when encoding takes a while.
    progress: bool = False
    #: refuse sources larger than this many bytes.
    max_bytes: int = DEFAULT_MAX_BYTES

    #: optional NLI cross-encoder (sentence-transformers CrossEncoder name or path) whose
    #: probabilities join the rules in check(); None keeps the default offline path.
    nli: str | None = None

    # --- alignment and diff -------------------------------------------------------------
    #: P(same event) at or above which two claims of different sources are aligned; None takes
    #: the calibrated threshold (compare/calibration/weights.json, fitted on ECB+).
    event_threshold: float | None = None
    #: P(same fact) at or above which an aligned pair with no conflict is an agreement; None takes
    #: the calibrated threshold (fitted on MRPC).
    fact_threshold: float | None = None
    #: below the calibrated P(same fact), an aligned pair is still an agreement when its cosine
    #: reaches this and neither claim gives a name, figure or date the other lacks (MiniLM rates
    #: paraphrases with new wording near 0.6: "only force can remove Assad" / "...could topple...").
    agree_cosine: float = 0.60
    #: an aligned pair is also an agreement when its two assertions, lead-ins, appositives and
    #: trailing attributions left out ("Asked by CNN if ..., Fares said only force could topple
    #: Assad" / "Fares, formerly ambassador, said only force can remove Assad"), reach this
    #: token-set ratio and neither gives a name, figure or date the other lacks.
    agree_core: float = 0.75
    #: keep at most this many counterparts per claim in each other source (claims may merge/split).
    max_matches: int = 2
    #: a second counterpart must score within this margin of the best one to be kept.
    match_margin: float = 0.10
