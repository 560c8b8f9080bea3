"""Running a batch: plan the shards, run the ones not yet done on an engine, sum up.

Engines: ``local`` runs the shards one after another in this process, the model loaded once;
``dask`` submits one task per shard to Dask distributed (a local cluster of ``workers``
processes, or the scheduler at ``scheduler``). A task that kills its worker ends the run with a
clear error (Dask's ``KilledWorker``), never a hang; the shards finished before are kept.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import CompareError, InputError
from ..options import Options
from . import store
from .core import ClusterResult, compare_cluster
from .jobs import ClusterJob, read_clusters

ENGINES = ("local", "dask")


class BatchError(CompareError):
    """The run stopped before every shard was done (a worker died, the scheduler went away)."""

    exit_code = 4


@dataclass(frozen=True)
class Shard:
    """A slice of the input, run as one task and written as one set of files."""

    id: str  # "shard-00003"
    jobs: tuple[ClusterJob, ...]
    out: Path
    base: Path  # where relative article paths are read from
    options: Options
    threads: int  # ONNX Runtime threads in the process that runs it


@dataclass(frozen=True)
class ShardDone:
    shard: str
    clusters: int
    failed: int
    seconds: float


@dataclass(frozen=True)
class BatchSummary:
    clusters: int  # in the input
    done: int  # run now
    failed: int  # run now, ended in an error (their status rows say why)
    skipped: int  # in shards a previous run finished (``resume``)
    failed_before: int  # of those, how many ended in an error
    seconds: float
    out: Path

    @property
    def per_second(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0


def run_batch(
    clusters: str | Path,
    out: str | Path,
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    threads_per_worker: int = 1,
    shard_size: int = 64,
    resume: bool = False,
    options: Options | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BatchSummary:
    """Compare every cluster of a JSON Lines file and write the results under ``out``
    (``compare.batch.store``). Same input, same rows and reports, whatever the engine.
    ``progress(clusters, failed)`` is called as clusters finish: one by one on the local engine,
    a shard at a time on Dask."""
    if engine not in ENGINES:
        raise InputError(f"--engine {engine!r}: use local or dask")
    if shard_size < 1:
        raise InputError(f"--shard-size {shard_size}: give a positive number of clusters")
    if threads_per_worker < 1:
        raise InputError(f"--threads-per-worker {threads_per_worker}: give a positive number")
    if workers is not None and workers < 1:
        raise InputError(f"--workers {workers}: give a positive number")
    if engine == "dask":
        _dask_modules()  # the install hint before any work
    store.require_pyarrow()  # or the install hint, before any work
    clusters, out = Path(clusters), Path(out)
    options = options or Options()
    jobs = read_clusters(clusters)
    manifest = {
        "input": str(clusters.resolve()),
        "input_sha256": store.input_digest(clusters),
        "shard_size": shard_size,
        "model": options.model,
    }
    store.claim_folder(out, manifest, resume)
    finished = store.done(out)
    shards = [
        Shard(
            f"shard-{n:05d}",
            tuple(jobs[k : k + shard_size]),
            out,
            clusters.parent,
            options,
            threads_per_worker,
        )
        for n, k in enumerate(range(0, len(jobs), shard_size))
    ]
    todo = [s for s in shards if s.id not in finished]
    skipped = sum(len(s.jobs) for s in shards if s.id in finished)
    failed_before = sum(int(finished[s.id].get("failed", 0)) for s in shards if s.id in finished)
    start = time.perf_counter()
    outcomes: list[ShardDone] = []

    def record(d: ShardDone) -> None:
        outcomes.append(d)
        if progress and engine != "local":
            progress(d.clusters, d.failed)

    if todo:
        if engine == "local":
            each = (lambda r: progress(1, int(not r.ok))) if progress else None
            for shard in todo:
                record(run_shard(shard, each))
        else:
            _run_dask(todo, workers, scheduler, record)
    return BatchSummary(
        len(jobs),
        sum(d.clusters for d in outcomes),
        sum(d.failed for d in outcomes),
        skipped,
        failed_before,
        time.perf_counter() - start,
        out,
    )


# --- one shard, in whichever process runs it ---------------------------------------------------

_EMBEDDERS: dict[tuple, object] = {}


def _embedder(options: Options, threads: int):
    """The model, loaded once per process; its embedding cache one SQLite file per worker, on the
    worker's own disk (SQLite serialises writers: workers sharing one file would queue)."""
    key = (options.model, options.backend, threads, options.cache_dir)
    if key not in _EMBEDDERS:
        os.environ["COMPARE_THREADS"] = str(threads)  # ONNX Runtime: a share of the cores, not all
        from ..embed import CachedEmbedder, make_embedder

        inner = make_embedder(options.model, backend=options.backend, cache_dir=options.cache_dir)
        if options.cache_dir is not None:
            inner = CachedEmbedder(inner, Path(options.cache_dir) / "batch" / _worker_name())
        _EMBEDDERS[key] = inner
    return _EMBEDDERS[key]


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return f"worker-{get_worker().name}"
    except (ImportError, ValueError):
        return "local"


def run_shard(shard: Shard, each: Callable[[ClusterResult], None] | None = None) -> ShardDone:
    """Compare a shard's clusters and write its files. Runs in the driver (local) or a worker;
    ``each`` is told of every cluster as it finishes."""
    start = time.perf_counter()
    embedder = _embedder(shard.options, shard.threads)
    results: list[ClusterResult] = []
    for job in shard.jobs:
        results.append(compare_cluster(job, options=shard.options, embedder=embedder, base=shard.base))
        if each:
            each(results[-1])
    store.write_shard(shard.out, shard.id, results)
    return ShardDone(shard.id, len(results), sum(not r.ok for r in results), time.perf_counter() - start)


# --- Dask -----------------------------------------------------------------------------------------


def _dask_modules():
    try:
        import dask
        from dask import distributed
    except ImportError:
        raise InputError("--engine dask needs Dask: pip install 'compare-articles[batch]'") from None
    return dask, distributed


def _run_dask(
    todo: Sequence[Shard], workers: int | None, scheduler: str | None, record: Callable[[ShardDone], None]
) -> None:
    dask, distributed = _dask_modules()
    # A task whose worker dies is not retried on the next worker (which it would kill too): the
    # run ends with KilledWorker at once. A scheduler started elsewhere keeps its own setting
    # (Dask's default retries three times, then ends the same way).
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        try:
            if scheduler:
                client = distributed.Client(scheduler, timeout="30s")
                cluster = None
            else:
                cluster = distributed.LocalCluster(
                    n_workers=workers or 2,
                    threads_per_worker=1,  # one shard at a time per process: ONNX takes the threads
                    processes=True,
                    dashboard_address=None,
                )
                client = distributed.Client(cluster)
        except (OSError, TimeoutError) as e:
            raise BatchError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {e}") from None
        try:
            futures = {
                client.submit(run_shard, s, key=f"compare-{s.id}-{os.getpid()}", pure=False): s for s in todo
            }
            for future in distributed.as_completed(futures):
                shard = futures[future]
                try:
                    record(future.result())
                except distributed.KilledWorker:
                    lines = f"lines {shard.jobs[0].line}-{shard.jobs[-1].line}"
                    raise BatchError(
                        f"a Dask worker died while comparing {shard.id} ({lines} of the input); the "
                        "shards finished before it are kept: rerun with --resume to finish the rest"
                    ) from None
                except CompareError:
                    raise
                except Exception as e:
                    raise BatchError(
                        f"{shard.id} failed on a Dask worker ({type(e).__name__}: {e}); the shards "
                        "finished before it are kept: rerun with --resume"
                    ) from None
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
