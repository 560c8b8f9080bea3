"""Category conflicts: two kinds for one slot ("stable" / "critical condition", "murder" /
"manslaughter", "rifle" / "shotgun", "burnt to death" / "suffocated") (``compare.categories``)."""

from __future__ import annotations

from collections.abc import Mapping

from ..categories import categories
from ..records import Claim, Conflict
from .facts import category_conflicts
from .registry import Pair, detector


@detector("category")
def find(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    xs, ys = pair.categories or (categories(a), categories(b))
    return category_conflicts(xs, ys, pair.similarity)
