"""Shared fixtures. Tests never touch a network and never share caches with the user."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import numpy as np
import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CBS = SEEDS / "000_41ce0450144724b7.txt"
TP = SEEDS / "002_0d01754cb50d208e.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"


class FakeEmbedder:
    """Deterministic bag-of-words embedder: texts sharing words get close vectors. Fast, no model,
    enough to test the logic around embeddings (align, diff, cache, rendering)."""

    name = "fake-bow"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.calls = 0

    def embed(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"[a-z]+", t.lower()):
                if len(w) > 2:
                    h = int.from_bytes(hashlib.md5(w.encode()).digest()[:4], "little")
                    out[i, h % self.dim] += 1.0
            n = np.linalg.norm(out[i])
            out[i] = out[i] / n if n else out[i]
        return out


@pytest.fixture
def fake_embedder():
    return FakeEmbedder()


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    # Each test gets its own cache dir so no test reads another's (or the user's) cache.
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


#: A two-outlet flood story for command-line tests (no model needed with the fake embedder).
FLOOD_A = (
    "Flooding closed the main bridge in Riverton on Monday, officials said. "
    "At least 12 people were rescued from their homes. The mayor said the bridge will reopen next week."
)
FLOOD_B = (
    "The main bridge in Riverton was closed by floods on Monday. Rescuers saved at least 12 people "
    "from their homes. "
    "A local school was turned into a shelter for 200 families."
)


@pytest.fixture
def fake_model(monkeypatch):
    """CLI tests check the command line, not the model: a deterministic fake keeps them fast."""
    import compare.pipeline as pipeline

    monkeypatch.setattr(pipeline, "get_embedder", lambda options: FakeEmbedder())
