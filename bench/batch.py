"""Benchmark the batch path and story grouping, side by side in one run; writes reports/bench_batch.md.

    python bench/batch.py [--repeats 2] [--out reports/bench_batch.md]

Measured on the same clusters (ECB+ dev, each sub-topic cut into clusters of three articles,
read from ../shared/data at bench time into a temporary folder, never into the repository):

- ``compare-articles batch --engine local`` against ``--engine dask --workers 2`` (one thread per
  worker), run alternately in fresh processes: wall time, clusters/s, peak memory of the whole
  process tree (sampled every 50 ms), and the ratio dask / local (goal: at least 0.9 on a
  2-core machine, where the local loop already uses both cores through ONNX Runtime's threads);
- start-up: each engine on a file of one cluster (process start, the model, a Dask cluster);
- the per-cluster overhead of the batch path: the time of its comparing processes (wall time
  times their number) less the time its clusters spent in compare(), per cluster, as its own
  status table records it;
- story grouping per 10,000 articles: leads embedded per second (462 ECB+ articles) and the
  clustering of 10,000 leads in one window (time and memory), summed.

Everything runs offline with a temporary cache folder in which the model is prepared once first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
PY = sys.executable


def clusters_file(folder: Path, size: int = 3) -> tuple[Path, int]:
    sys.path.insert(0, str(ROOT))
    from compare.evaluate import _article, _read_jsonl

    docs = _read_jsonl(DATA / "ecbplus" / "docs_dev.jsonl")
    by_sub: dict[str, list] = {}
    for d in docs:
        by_sub.setdefault(d["subtopic"], []).append(d)
    lines = []
    for sub in sorted(by_sub):
        group = sorted(by_sub[sub], key=lambda d: d["doc"])
        for k in range(0, len(group) - 1, size):
            chunk = group[k : k + size]
            if len(chunk) < 2:
                continue
            arts = [{"id": d["doc"], "text": _article(d)[0].text} for d in chunk]
            lines.append(json.dumps({"cluster": f"{sub}-{k // size}", "articles": arts}))
    path = folder / "clusters.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = folder / "one.jsonl"
    one.write_text(lines[0] + "\n", encoding="utf-8")
    return path, len(lines)


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB."""
    parents, rss = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss[int(entry.name)] = int(line.split()[1])
        except (OSError, IndexError, ValueError):
            continue

    def under(p: int) -> bool:
        while p in parents and p > 1:
            if p == pid:
                return True
            p = parents[p]
        return p == pid

    return sum(v for p, v in rss.items() if under(p))


def run(args: list[str], env: dict) -> tuple[float, float]:
    """(wall seconds, peak tree RSS in MiB) of one ``compare-articles`` process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [PY, "-m", "compare.cli", *args], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_kib(proc.pid))
        time.sleep(0.05)
    wall = time.perf_counter() - start
    _, err = proc.communicate()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args[:3])} exited {proc.returncode}: {err.decode()[-1500:]}")
    return wall, peak / 1024


def compare_seconds(out: Path) -> float:
    import pyarrow.dataset as ds

    return float(sum(ds.dataset(out / "status", format="parquet").to_table().column("seconds").to_pylist()))


def story_cost(env: dict) -> dict:
    code = r"""
import json, time, tracemalloc, numpy as np, sys
from compare.evaluate import _read_jsonl, _article
from compare.ingest import load_sources
from compare.pipeline import get_embedder
from compare.options import Options
from compare import stories
from pathlib import Path
docs = _read_jsonl(Path(sys.argv[1]) / "ecbplus" / "docs_dev.jsonl")
srcs = load_sources([_article(d)[0] for d in docs], cache_dir=None)
emb = get_embedder(Options(cache_dir=None))
emb.embed(["warm up"])
t = time.perf_counter(); leads = [stories.lead(s) for s in srcs]; vec = emb.embed(leads)
lead_s = (time.perf_counter() - t) / len(srcs)
rng = np.random.default_rng(0)
big = vec[rng.integers(0, len(vec), 10_000)] + rng.normal(0, 0.02, (10_000, vec.shape[1])).astype(np.float32)
big /= np.linalg.norm(big, axis=1, keepdims=True)
t = time.perf_counter(); stories.group(big, [None] * len(big)); group_s = time.perf_counter() - t
peak = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")][0]
print(json.dumps({"lead_seconds": lead_s, "group_10k_seconds": group_s, "peak_mib": peak / 1024}))
"""
    out = subprocess.run([PY, "-c", code, str(DATA)], env=env, cwd=ROOT, capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError(out.stderr[-1500:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "reports" / "bench_batch.md")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "COMPARE_CACHE_DIR": str(tmp / "cache")}
        subprocess.run([PY, "-m", "compare.cli", "prepare-model", "-q"], env=env, cwd=ROOT, check=True)
        path, n = clusters_file(tmp)
        engines = {
            "local": ["--engine", "local"],
            "dask": ["--engine", "dask", "--workers", "2", "--threads-per-worker", "1"],
        }
        lanes = {"local": 1, "dask": 2}  # processes comparing clusters at once
        R: dict = {k: {"wall": [], "rss": [], "start": [], "overhead": []} for k in engines}
        for r in range(args.repeats):
            for name, flags in engines.items():  # alternately: both see the same machine load
                out = tmp / f"{name}-{r}"
                wall, rss = run(["batch", str(path), "-o", str(out), "-q", *flags], env)
                R[name]["wall"].append(wall)
                R[name]["rss"].append(rss)
                # process time not spent inside compare(): reading, writing, scheduling, start-up
                R[name]["overhead"].append((lanes[name] * wall - compare_seconds(out)) / n)
                start, _ = run(
                    ["batch", str(tmp / "one.jsonl"), "-o", str(tmp / f"{name}-one-{r}"), "-q", *flags], env
                )
                R[name]["start"].append(start)
        S = story_cost(env)
    med = {k: {m: statistics.median(v) for m, v in R[k].items()} for k in R}
    loc, dsk = med["local"], med["dask"]
    ratio = med["local"]["wall"] / med["dask"]["wall"]
    per_10k = 10_000 * S["lead_seconds"] + S["group_10k_seconds"]
    lines = [
        "# Batch benchmark",
        "",
        f"{dt.date.today().isoformat()}, {os.cpu_count()} CPU cores; {n} ECB+ dev clusters of 2-3 articles; "
        f"medians of {args.repeats} runs, engines run alternately. Written by `python bench/batch.py`.",
        "",
        "| | --engine local | --engine dask, 2 workers |",
        "|---|---:|---:|",
        f"| wall time, all clusters | {med['local']['wall']:.1f} s | {med['dask']['wall']:.1f} s |",
        f"| clusters/s | {n / med['local']['wall']:.2f} | {n / med['dask']['wall']:.2f} |",
        f"| peak memory, whole process tree | {loc['rss']:.0f} MiB | {dsk['rss']:.0f} MiB |",
        f"| start-up (a file of one cluster) | {loc['start']:.1f} s | {dsk['start']:.1f} s |",
        f"| overhead per cluster beyond compare() | {1000 * med['local']['overhead']:.0f} ms | "
        f"{1000 * med['dask']['overhead']:.0f} ms |",
        "",
        f"Throughput ratio dask / local: **{ratio:.2f}x** (goal: at least 0.9x on this machine) "
        f"{'- met' if ratio >= 0.9 else '- not met'}.",
        "",
        "## Story grouping (`compare-articles cluster`)",
        "",
        f"- leads embedded: {1 / S['lead_seconds']:.0f} articles/s (clean, segment, encode; 462 ECB+ "
        "articles)",
        f"- grouping 10,000 leads in one window: {S['group_10k_seconds']:.1f} s, peak memory "
        f"{S['peak_mib']:.0f} MiB",
        f"- per 10,000 articles in all: about {per_10k:.0f} s on this machine",
        "",
    ]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
