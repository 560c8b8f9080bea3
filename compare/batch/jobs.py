"""Reading a JSON Lines file of story clusters, one cluster a line:

    {"cluster": "quake-qeshm", "articles": [{"id": "bbc", "text": "...", "name": "BBC",
     "published": "2008-09-10"}, {"id": "ap", "path": "ap.txt"}, {"id": "x", "url": "https://..."}]}

A line that is not such a record is not fatal: it becomes a job carrying its error, which the run
writes as that cluster's status row, and the other clusters go on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

#: Where an article's text comes from: exactly one of these per article.
TEXT_KEYS = ("text", "path", "url")
_ARTICLE_KEYS = frozenset((*TEXT_KEYS, "id", "name", "published"))


@dataclass(frozen=True)
class ClusterJob:
    """One line of the input: a story cluster to compare, or the reason it cannot be."""

    cluster: str
    articles: tuple[dict, ...]
    line: int  # 1-based line number in the input file
    error: str = ""  # why this line is not a cluster; "" for a good one


def read_clusters(path: str | Path) -> list[ClusterJob]:
    """Every cluster of a JSON Lines file, in file order; blank lines are skipped."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; give a JSON Lines file of clusters") from None
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: is not UTF-8 text; give a JSON Lines file of clusters") from None
    jobs: list[ClusterJob] = []
    seen: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        job = _job(line, n, path)
        if not job.error and job.cluster in seen:
            job = ClusterJob(
                job.cluster,
                job.articles,
                n,
                f"cluster {job.cluster!r} is given twice (lines {seen[job.cluster]} and {n})",
            )
        seen.setdefault(job.cluster, n)
        jobs.append(job)
    if not jobs:
        raise InputError(f"{path}: holds no clusters; write one JSON object a line")
    return jobs


def _job(line: str, n: int, path: Path) -> ClusterJob:
    fallback = f"line-{n}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return ClusterJob(fallback, (), n, f"{path.name} line {n}: not JSON ({e.msg})")
    if not isinstance(record, dict):
        return ClusterJob(fallback, (), n, f"{path.name} line {n}: not a JSON object")
    cluster = record.get("cluster")
    if isinstance(cluster, (int, float)) and not isinstance(cluster, bool):
        cluster = str(cluster)
    if not isinstance(cluster, str) or not cluster.strip():
        return ClusterJob(fallback, (), n, f'{path.name} line {n}: no "cluster" id')
    articles = record.get("articles")
    if not isinstance(articles, list) or not all(isinstance(a, dict) for a in articles):
        return ClusterJob(cluster, (), n, f'cluster {cluster!r}: "articles" must be a list of objects')
    for k, a in enumerate(articles, 1):
        given = [key for key in TEXT_KEYS if a.get(key) not in (None, "")]
        if len(given) != 1:
            return ClusterJob(
                cluster, (), n, f"cluster {cluster!r}: article {k} needs exactly one of text, path or url"
            )
        unknown = sorted(set(a) - _ARTICLE_KEYS)
        if unknown:
            return ClusterJob(
                cluster, (), n, f"cluster {cluster!r}: article {k} has unknown field {unknown[0]!r}"
            )
        if not all(isinstance(a.get(key), str) for key in (*given, "id", "name", "published") if key in a):
            return ClusterJob(cluster, (), n, f"cluster {cluster!r}: article {k}: fields must be strings")
    return ClusterJob(cluster, tuple(articles), n)
