"""The files a batch run writes, and what they say is done.

    results/
      _batch.json                          what the run is (input, its hash, shard size, model)
      findings/day=YYYY-MM-DD/shard-00000.parquet   one row per finding and claim
      reports/shard-00000.jsonl            {"cluster": ..., "report": {...}} a line
      status/shard-00000.parquet           one row per cluster: ok or error, counts, timings, hash
      _done/shard-00000.json               written last: the shard is complete

Every file is written to a temporary name beside it and renamed, and the done marker comes last,
so a shard is either complete on disk or redone by ``resume``. The Parquet files have explicit
Arrow schemas, so every shard's files read back as one dataset whatever it held (an empty shard
or a shard of failed clusters included).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError, OutputError
from .core import COUNTED, ClusterResult

MANIFEST = "_batch.json"


def require_pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(
            "batch writes Parquet, which needs pyarrow: pip install 'compare-articles[batch]'"
        ) from None
    return pa, pq


def findings_schema():
    pa, _ = require_pyarrow()
    value = pa.struct([("type", pa.string()), ("a", pa.string()), ("b", pa.string()), ("fact", pa.string())])
    return pa.schema(
        [
            ("cluster", pa.string()),
            ("finding", pa.int32()),
            ("kind", pa.string()),
            ("type", pa.string()),
            ("score", pa.float64()),
            ("scope", pa.string()),
            ("source", pa.string()),
            ("source_name", pa.string()),
            ("claim", pa.string()),
            ("quote", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("explanation", pa.string()),
            ("values", pa.list_(value)),
        ]
    )


def status_schema():
    pa, _ = require_pyarrow()
    return pa.schema(
        [
            ("cluster", pa.string()),
            ("line", pa.int64()),
            ("shard", pa.string()),
            ("status", pa.string()),  # "ok" | "error"
            ("error", pa.string()),
            ("articles", pa.int32()),
            ("claims", pa.int32()),
            *[(f"{k}s" if k != "unique" else k, pa.int32()) for k in COUNTED],
            ("seconds", pa.float64()),
            ("report_sha256", pa.string()),
            ("day", pa.string()),
        ]
    )


def _atomic(path: Path, write) -> None:
    """Write through ``write(tmp_path)`` and rename into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_shard(out: Path, shard: str, results: Sequence[ClusterResult]) -> None:
    """Write one finished shard's files, its done marker last."""
    pa, pq = require_pyarrow()
    try:
        by_day: dict[str, list[dict]] = {}
        for r in results:
            if r.ok:
                by_day.setdefault(r.day, []).extend(r.rows)
        schema = findings_schema()
        for day, rows in sorted(by_day.items()):
            table = pa.Table.from_pylist([{k: row[k] for k in schema.names} for row in rows], schema=schema)
            _atomic(
                out / "findings" / f"day={day}" / f"{shard}.parquet", lambda p, t=table: pq.write_table(t, p)
            )
        status = pa.Table.from_pylist([_status_row(shard, r) for r in results], schema=status_schema())
        _atomic(out / "status" / f"{shard}.parquet", lambda p: pq.write_table(status, p))
        lines = "".join(
            json.dumps({"cluster": r.cluster, "report": json.loads(r.report)}, ensure_ascii=False) + "\n"
            for r in results
            if r.ok
        )
        _atomic(out / "reports" / f"{shard}.jsonl", lambda p: Path(p).write_text(lines, encoding="utf-8"))
        marker = {"shard": shard, "clusters": len(results), "failed": sum(not r.ok for r in results)}
        _atomic(
            out / "_done" / f"{shard}.json",
            lambda p: Path(p).write_text(json.dumps(marker), encoding="utf-8"),
        )
    except OSError as e:
        raise OutputError(
            f"{out}: cannot write {shard} ({e.strerror or e}); free some space or choose -o"
        ) from None


def _status_row(shard: str, r: ClusterResult) -> dict:
    return {
        "cluster": r.cluster,
        "line": r.line,
        "shard": shard,
        "status": "ok" if r.ok else "error",
        "error": r.error,
        "articles": r.articles,
        "claims": r.claims,
        **{(f"{k}s" if k != "unique" else k): r.counts.get(k, 0) for k in COUNTED},
        "seconds": round(r.seconds, 4),
        "report_sha256": r.report_sha256,
        "day": r.day,
    }


def done(out: Path) -> dict[str, dict]:
    """The shards whose files are complete, with their markers (clusters, failed)."""
    folder = out / "_done"
    found = {}
    for p in sorted(folder.glob("shard-*.json")) if folder.is_dir() else ():
        try:
            found[p.stem] = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # unreadable: the shard is redone
    return found


def input_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def claim_folder(out: Path, manifest: dict, resume: bool) -> None:
    """Make ``out`` this run's folder: a new or empty folder, or with ``resume`` one that holds the
    same run (same input, shard size and model); never another run's results."""
    path = out / MANIFEST
    if path.is_file():
        try:
            before = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            before = None
        if not resume:
            raise InputError(
                f"{out}: already holds a batch run; pass --resume to finish it, or choose another "
                "folder with -o"
            )
        if before != manifest:
            differs = next((k for k in manifest if (before or {}).get(k) != manifest[k]), "its manifest")
            raise InputError(
                f"{out}: holds a run with another {differs}; --resume finishes only the same run "
                "(same input, shard size and model); choose another folder with -o"
            )
        return
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError(f"{out}: exists and is not an empty folder; choose a new folder with -o")
    try:
        out.mkdir(parents=True, exist_ok=True)
        _atomic(path, lambda p: Path(p).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8"))
    except OSError as e:
        raise OutputError(
            f"{out}: cannot be created ({e.strerror}); choose a writable folder with -o"
        ) from None
