"""Batch: every story cluster of a JSON Lines file compared, shard by shard, in one process or on
Dask, each shard writing its own files as it finishes.

    clusters.jsonl -> jobs.read_clusters -> shards -> engines (local | dask) -> results/

The engine-independent core is ``core.compare_cluster``: a cluster record in, a result record
out, never raising. The files on disk are the record of what is done (``store``): a killed run
keeps its finished shards, and ``resume`` skips them.
"""

from .core import ClusterResult, compare_cluster
from .jobs import ClusterJob, read_clusters
from .run import BatchError, BatchSummary, run_batch

__all__ = [
    "BatchError",
    "BatchSummary",
    "ClusterJob",
    "ClusterResult",
    "compare_cluster",
    "read_clusters",
    "run_batch",
]
