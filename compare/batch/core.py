"""The engine-independent core: one cluster record in, one result record out, never raising.

A bad cluster (empty text, a binary file, one article, a bad date, a dead URL) is a result with
``ok`` False and the one-line message the command line would print for it; an unexpected error
is one too, named as internal. Whatever engine runs it, the same cluster gives the same report,
byte for byte, and so the same hash and the same rows.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CompareError
from ..options import Options
from ..records import Article
from .jobs import ClusterJob

#: The finding kinds counted in a status row, in its column order.
COUNTED = ("contradiction", "discrepancy", "update", "agreement", "unique")


@dataclass(frozen=True)
class ClusterResult:
    cluster: str
    line: int
    ok: bool
    error: str = ""  # the one-line reason, when not ok
    articles: int = 0
    claims: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # findings per kind
    seconds: float = 0.0
    report_sha256: str = ""
    day: str = "unknown"  # the earliest publication date of its articles, ISO; "unknown" if none
    report: str = ""  # the JSON report
    rows: tuple[dict, ...] = ()  # one per finding and claim (``render.rows``), with cluster and values


def compare_cluster(
    job: ClusterJob, *, options: Options | None = None, embedder=None, base: Path | None = None
) -> ClusterResult:
    """Compare one cluster. ``base``: the folder that relative ``path`` entries are read from
    (the clusters file's folder). Never raises: every failure is the result's ``error``."""
    start = time.perf_counter()

    def failed(message: str) -> ClusterResult:
        return ClusterResult(
            job.cluster, job.line, False, message, len(job.articles), seconds=time.perf_counter() - start
        )

    if job.error:
        return failed(job.error)
    options = options or Options()
    try:
        articles = [read_article(a, n, base, options) for n, a in enumerate(job.articles, 1)]
        from ..pipeline import compare

        report = compare(articles, options=options, embedder=embedder)
        data = report.to_dict()
        text = report.to_json()
    except CompareError as e:
        return failed(f"cluster {job.cluster!r}: {e.message}")
    except Exception as e:  # never raise: one cluster's bug must not end a day's run
        return failed(
            f"cluster {job.cluster!r}: internal error ({type(e).__name__}: {' '.join(str(e).split())})"
        )
    counts = report.counts()
    dates = sorted(s.published.isoformat() for s in report.sources if s.published)
    return ClusterResult(
        job.cluster,
        job.line,
        True,
        "",
        len(report.sources),
        len(report.claims),
        {k: counts.get(k, 0) for k in COUNTED},
        time.perf_counter() - start,
        hashlib.sha256(text.encode("utf-8")).hexdigest(),
        dates[0] if dates else "unknown",
        text,
        tuple(_rows(job.cluster, data)),
    )


def read_article(a: dict, n: int, base: Path | None, options: Options) -> Article:
    """An input article as an Article: text as given; a path (relative to ``base``) or a URL read
    the way the command line reads them (decoding, saved pages, size limit, page cache)."""
    if a.get("text"):
        return Article(
            text=a["text"], id=a.get("id") or None, name=a.get("name"), published=a.get("published")
        )
    from ..ingest import load_sources

    where = a.get("path") or a.get("url")
    if a.get("path") and base is not None and not Path(where).is_absolute():
        where = str(base / where)
    (source,) = load_sources([where], max_bytes=options.max_bytes, cache_dir=options.cache_dir)
    return Article(
        text=source.text,
        id=a.get("id") or source.id,
        name=a.get("name") or (source.name if source.name != source.id else None),
        published=a.get("published") or source.published,
        path=a.get("path") or a.get("url"),
    )


def _rows(cluster: str, report: dict) -> list[dict]:
    from ..render.rows import rows

    out = []
    for row in rows(report):
        finding = report["findings"][row["finding"] - 1]
        values = [{k: c.get(k) or "" for k in ("type", "a", "b", "fact")} for c in finding["conflicts"]]
        out.append({"cluster": cluster, **row, "values": values})
    return out
