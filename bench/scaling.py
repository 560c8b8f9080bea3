"""Scaling worker: align + diff on the same real sentences as 2 sources x 1,000 claims and as
50 sources x 40 claims, given embeddings (computed once, outside the timing); and the whole
``compare()`` call on each, embeddings computed afresh (the model loaded once, outside).

Sentences come from ECB+ (../shared/data/ecbplus/docs_dev.jsonl, read here, never copied): all
topics, shuffled with a fixed seed, so each synthetic source mixes stories and neighbouring
sources share events the way ECB+'s documents do.

    python bench/scaling.py REPEATS   -> JSON on stdout
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ECB = ROOT.parent / "shared" / "data" / "ecbplus" / "docs_dev.jsonl"
CONFIGS = ((2, 1000), (50, 40))


def sentences(n: int) -> list[str]:
    docs = [json.loads(line) for line in ECB.read_text(encoding="utf-8").splitlines() if line.strip()]
    pool = [s for d in docs for s in d["sentences"] if 40 <= len(s) <= 300 and not s.startswith("http")]
    random.Random(5).shuffle(pool)
    return list(dict.fromkeys(pool))[:n]


def main(repeats: int) -> None:
    from compare import align, compare, diff
    from compare.ingest import load_sources
    from compare.options import Options
    from compare.pipeline import get_embedder, prepare
    from compare.records import Article

    options = Options(cache_dir=None)
    embedder = get_embedder(options)
    pool = sentences(sum(s * c for s, c in CONFIGS) // len(CONFIGS))
    out = {}
    for n_sources, per in CONFIGS:
        articles = [
            Article(text=" ".join(pool[k * per : (k + 1) * per]), id=f"s{k:02d}") for k in range(n_sources)
        ]
        sources = load_sources(articles)
        claims, _, _ = prepare(sources)
        vectors = embedder.embed([c.text for c in claims])
        runs = []
        for _ in range(repeats):
            # The whole library call a newsroom makes (clean, split, embed without a cache,
            # align, diff, report), the loaded model shared: what a user waits for.
            t = time.perf_counter()
            compare(articles, options=options, embedder=embedder)
            whole = time.perf_counter() - t
            t0 = time.perf_counter()
            matches = align.align(claims, vectors, options)
            t1 = time.perf_counter()
            findings, _ = diff.diff(claims, matches, vectors, sources, options)
            t2 = time.perf_counter()
            runs.append({"align": t1 - t0, "diff": t2 - t1, "total": t2 - t0, "whole": whole})
        out[f"{n_sources}x{per}"] = {
            "sources": n_sources,
            "claims": len(claims),
            "matches": len(matches),
            "findings": len(findings),
            **{k: statistics.median(r[k] for r in runs) for k in ("align", "diff", "total", "whole")},
            "runs": runs,
        }
    print(json.dumps(out))


if __name__ == "__main__":
    main(int(sys.argv[1]))
