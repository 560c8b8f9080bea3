"""compare: find where news articles about the same story agree, contradict each other, and
what only one of them reports.

    >>> from compare import compare
    >>> report = compare(["cbs.txt", "thinkprogress.txt"])
    >>> report.findings

Heavy parts (numpy, the aligner, the model) load on first use, so ``import compare`` is cheap.
"""

from .errors import CompareError, InputError, ModelError, OutputError
from .records import Article, Claim, Conflict, Finding, Source

__all__ = [
    "Article",
    "Claim",
    "CompareError",
    "Conflict",
    "Finding",
    "InputError",
    "ModelError",
    "Options",
    "OutputError",
    "Report",
    "Source",
    "check",
    "compare",
    "compare_cluster",
    "run_batch",
]
__version__ = "0.1.0"

_LAZY = {
    "compare": "pipeline",
    "check": "pipeline",
    "Report": "report",
    "Options": "options",
    "run_batch": "batch",
    "compare_cluster": "batch",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'compare' has no attribute {name!r}")
