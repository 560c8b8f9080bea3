"""Optional NLI cross-encoder: P(contradiction), P(entailment), P(neutral) for claim pairs.

Off by default (the default stays offline and light). A user who has a sentence-transformers
CrossEncoder trained for NLI passes its name or path (``--nli``); its probabilities then join
the rule-based conflicts in ``check``. Label order differs between models, so it
is read from the model's own config rather than assumed.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np

from .errors import ModelError

_LABELS = ("contradiction", "entailment", "neutral")


class NLI:
    def __init__(self, model: str) -> None:
        self.model_name = model
        try:
            from sentence_transformers import CrossEncoder

            self.model = CrossEncoder(model, device="cpu")
        except Exception as e:  # many types for "not found" / "not a model"
            raise ModelError(
                f"NLI model {model!r} could not be loaded ({type(e).__name__}); pass a local "
                "CrossEncoder folder or an installed model name"
            ) from None
        id2label = getattr(self.model.model.config, "id2label", None) or {}
        names = {int(k): str(v).lower() for k, v in id2label.items()}
        self.index = {}
        for label in _LABELS:
            hits = [k for k, v in names.items() if v.startswith(label[:5])]
            if hits:
                self.index[label] = hits[0]
        if len(self.index) != 3:
            # No usable names in the config: the common MNLI order of sentence-transformers' models.
            self.index = {"contradiction": 0, "entailment": 1, "neutral": 2}
        num = getattr(self.model.model.config, "num_labels", 3)
        if num != 3:
            raise ModelError(f"NLI model {model!r} has {num} labels, not 3; pass a three-way NLI model")

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Rows of (contradiction, entailment, neutral) probabilities, premise first."""
        if not pairs:
            return np.zeros((0, 3))
        logits = np.asarray(
            self.model.predict(list(pairs), apply_softmax=False, convert_to_numpy=True), dtype=np.float64
        )
        logits = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        return p[:, [self.index[k] for k in _LABELS]]


@functools.lru_cache(maxsize=2)
def load(model: str) -> NLI:
    return NLI(model)
