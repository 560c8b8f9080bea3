"""Grouping a stream of articles into stories, for ``compare-articles batch``.

Each article is read by its lead: the headline and the first sentences, cleaned and segmented
as for a report (``LEAD_CLAIMS`` claims), embedded with the bundled model. Articles are grouped by
agglomerative clustering (cosine distance, average linkage, a distance threshold), within blocks
of ``window_days`` of publication dates, so a year of news is a run of small matrices, never one
quadratic one; undated articles form a block of their own. Two articles in different blocks are
never one story, which is the price of the blocks.

Measured on ECB+ dev (``compare-articles eval --set stories``): the threshold is fitted on the
even topics and scored, B-cubed, on the odd ones; ECB+ pairs each topic's two sub-topics (two
quakes in Iran, two Indian Navy anti-piracy operations), the hardest case a newsroom stream holds.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import CompareError, InputError
from .options import Options
from .records import Article, Source

#: The lead read from each article: its headline and first sentences (claims).
LEAD_CLAIMS = 3
#: Cosine distance under which two leads are one story (average linkage), fitted on the even
#: topics of ECB+ dev for B-cubed F1 (``compare-articles eval --set stories``).
DEFAULT_THRESHOLD = 0.525
#: Publication dates are blocked into windows of this many days.
DEFAULT_WINDOW_DAYS = 3


def lead(source: Source) -> str:
    """The headline and first sentences of an article, as one text to embed."""
    from .clean import clean
    from .segment import segment

    claims = segment(clean(source))
    return " ".join(c.text for c in claims[:LEAD_CLAIMS]) or source.text[:1000]


def blocks(dates: Sequence[dt.date | None], window_days: int) -> list[list[int]]:
    """Indexes of the articles in each window of publication dates, earliest first; the undated
    last, as a block of their own."""
    dated = [d for d in dates if d is not None]
    first = min(dated).toordinal() if dated else 0
    out: dict[object, list[int]] = {}
    for n, d in enumerate(dates):
        key = (d.toordinal() - first) // window_days if d is not None else "undated"
        out.setdefault(key, []).append(n)
    return [out[k] for k in sorted(out, key=lambda k: (k == "undated", k if k != "undated" else 0))]


def _check(threshold: float, window_days: int) -> None:
    if not 0 < threshold < 2:
        raise InputError(f"--threshold {threshold}: give a cosine distance between 0 and 2")
    if window_days < 1:
        raise InputError(f"--window-days {window_days}: give a positive number of days")


def group(
    vectors: np.ndarray,
    dates: Sequence[dt.date | None],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> list[list[int]]:
    """Stories as lists of article indexes, each in input order, the stories ordered by their
    first article. ``vectors``: normalised lead embeddings, one row per article."""
    _check(threshold, window_days)
    stories: list[list[int]] = []
    for block in blocks(dates, window_days):
        if len(block) == 1:
            stories.append(block)
            continue
        from sklearn.cluster import AgglomerativeClustering

        labels = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
        ).fit_predict(vectors[block])
        by_label: dict[int, list[int]] = {}
        for n, label in zip(block, labels.tolist(), strict=True):
            by_label.setdefault(label, []).append(n)
        stories.extend(by_label.values())
    return sorted((sorted(s) for s in stories), key=lambda s: s[0])


@dataclass(frozen=True)
class Grouped:
    stories: list[list[dict]]  # each story's articles, as they were given
    singles: int  # articles that share their story with no other (not written)
    skipped: list[str]  # one line per article that could not be read


def read_articles(path: Path) -> tuple[list[tuple[int, dict]], list[str]]:
    """The articles of a JSON Lines file, one a line, with their line numbers; and one message per
    line that is not an article."""
    from .batch.jobs import TEXT_KEYS

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; give a JSON Lines file of articles") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: is not UTF-8 text; give a JSON Lines file of articles") from None
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror})") from None
    out, bad = [], []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            bad.append(f"{path.name} line {n}: not JSON ({e.msg})")
            continue
        if not isinstance(record, dict) or sum(bool(record.get(k)) for k in TEXT_KEYS) != 1:
            bad.append(f"{path.name} line {n}: an article needs exactly one of text, path or url")
            continue
        out.append((n, record))
    if not out and not bad:
        raise InputError(f"{path}: holds no articles; write one JSON object a line")
    return out, bad


def group_file(
    path: str | Path,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: int = DEFAULT_WINDOW_DAYS,
    options: Options | None = None,
    embedder=None,
    progress: Callable[[str], None] | None = None,
) -> Grouped:
    """Group the articles of a JSON Lines file into stories (``group``)."""
    from .batch.core import read_article

    _check(threshold, window_days)  # before any work
    path = Path(path)
    options = options or Options()
    records, skipped = read_articles(path)
    kept: list[dict] = []
    sources: list[Source] = []
    from .ingest import load_sources

    for n, record in records:
        try:
            article = read_article(record, n, path.parent, options)
            if not isinstance(article.text, str) or not article.text.strip():
                raise InputError("has no text")
            (source,) = load_sources([Article(text=article.text, id=f"a{n}", published=article.published)])
        except CompareError as e:
            skipped.append(f"{path.name} line {n}: {e.message}")
            continue
        kept.append(record)
        sources.append(source)
    if progress:
        progress(f"read {len(kept)} articles; embedding their leads")
    if embedder is None:
        from .pipeline import get_embedder

        embedder = get_embedder(options)
    vectors = embedder.embed([lead(s) for s in sources]) if sources else np.zeros((0, 1))
    stories = group(vectors, [s.published for s in sources], threshold=threshold, window_days=window_days)
    return Grouped(
        [[kept[n] for n in s] for s in stories if len(s) > 1],
        sum(len(s) == 1 for s in stories),
        skipped,
    )


def clusters_jsonl(stories: Sequence[Sequence[dict]]) -> str:
    """Stories as the batch input: ``{"cluster": "story-00001", "articles": [...]}`` a line,
    numbered in order of their first article."""
    return "".join(
        json.dumps({"cluster": f"story-{n:05d}", "articles": list(s)}, ensure_ascii=False) + "\n"
        for n, s in enumerate(stories, 1)
    )


def b_cubed(predicted: Sequence[object], gold: Sequence[object]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels (Bagga & Baldwin)."""
    p, g = np.asarray(predicted), np.asarray(gold)
    if not len(p):
        return 0.0, 0.0, 0.0
    precision = recall = 0.0
    for i in range(len(p)):
        same_p, same_g = p == p[i], g == g[i]
        both = float((same_p & same_g).sum())
        precision += both / same_p.sum()
        recall += both / same_g.sum()
    precision, recall = precision / len(p), recall / len(p)
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)
