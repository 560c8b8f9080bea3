"""How a conflict detector is declared: its name, the hand-set gates it decides by, and the
registry it joins (spaCy's registered components with their default config, httpx's decoder
table). The order the detectors run in is ``cascade.CASCADE``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..records import Claim, Conflict


@dataclass(frozen=True)
class Pair:
    """What a detector knows of the pair besides the two claims."""

    similarity: float  # cosine of the two claims' embeddings
    speakers_differ: bool  # each attributed, to different speakers, one of them named
    found: tuple[Conflict, ...] = ()  # what the detectors before this one found
    atoms: tuple = ()  # each claim's atoms, read in context (``facts.claim_atoms``), where known
    setting: tuple = ()  # the names the story is set in (``reading.setting``), where known
    categories: tuple = ()  # each claim's categories, read in context (``categories.in_context``)


@dataclass(frozen=True)
class Gate:
    value: float
    meaning: str


@dataclass(frozen=True)
class Detector:
    name: str
    find: Callable[[Claim, Claim, Pair, Mapping[str, float]], list[Conflict]]
    gates: Mapping[str, Gate] = field(default_factory=dict)
    #: runs only when the detectors before it found nothing: it tells the same difference
    #: another way (a different speaker, a swapped name) and must not add a second reason.
    only_alone: bool = False

    def __call__(self, a: Claim, b: Claim, pair: Pair) -> list[Conflict]:
        return self.find(a, b, pair, {k: g.value for k, g in self.gates.items()})


DETECTORS: dict[str, Detector] = {}


def detector(name: str, *, only_alone: bool = False, **gates: tuple[float, str]):
    """Register ``find`` as the detector ``name`` with its gates: ``gate=(value, meaning)``."""

    def register(find):
        DETECTORS[name] = Detector(name, find, {k: Gate(*v) for k, v in gates.items()}, only_alone)
        return find

    return register
