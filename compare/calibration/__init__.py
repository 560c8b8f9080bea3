"""Decision weights fitted on public labelled data by ``tools/fit_calibration.py``, and their loader.

``weights.json`` holds, per decision, a logistic model over ``compare.features.NAMES``: a score
becomes a calibrated probability, and the decision threshold is the one that maximised
cross-validated accuracy on the development data named in the file.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).with_name("weights.json")


@functools.lru_cache(maxsize=1)
def load() -> dict:
    """The weights, checked against the features this code computes: weights fitted on another
    feature list would score every pair with the wrong numbers, silently."""
    from ..errors import ModelError
    from ..features import NAMES, VERDICT_NAMES

    weights = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    for decision, names in (("same_fact", NAMES), ("same_event", NAMES), ("verdict", VERDICT_NAMES)):
        fitted = tuple(weights.get(decision, {}).get("features", ()))
        if fitted != names:
            raise ModelError(
                f"{WEIGHTS}: the {decision} weights were fitted on other features than compare.features "
                "computes; refit them with: python tools/fit_calibration.py"
            )
    return weights


def probability(decision: str, features: np.ndarray) -> np.ndarray:
    """P(decision holds) for each row of ``features`` (or one row)."""
    model = load()[decision]
    # A row-wise sum rather than a matrix product: a pair scores the same alone or in a batch.
    z = (np.asarray(features, dtype=np.float64) * np.asarray(model["coef"])).sum(axis=-1) + model["intercept"]
    return 1.0 / (1.0 + np.exp(-z))


def class_probabilities(decision: str, features: np.ndarray) -> dict[str, float]:
    """Softmax over the classes of a multinomial decision, for one row of features."""
    model = load()[decision]
    z = np.asarray(model["coef"]) @ np.asarray(features, dtype=np.float64) + np.asarray(model["intercept"])
    p = np.exp(z - z.max())
    p /= p.sum()
    return dict(zip(model["classes"], (float(x) for x in p), strict=True))


def threshold(decision: str) -> float:
    return float(load()[decision]["threshold"])
