"""The typed records passed between stages.

Every stage is a plain function from one kind of record to the next; records are frozen so a
stage can never quietly change what an earlier stage produced. Every record that quotes article
text keeps its source id and its character span in the *original* text, so any finding can be
traced back to the exact characters a user supplied.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One source article as the user supplied it.

    ``published`` accepts a ``datetime.date`` or an ISO ``YYYY-MM-DD`` string; it is stored as a
    ``date`` so relative times ("last week") can be resolved against it.
    """

    text: str
    id: str | None = None
    name: str | None = None
    published: _dt.date | str | None = None
    path: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.published, str):
            object.__setattr__(
                self,
                "published",
                parse_date(self.published, what=f"published date of {self.id or 'article'}"),
            )
        elif isinstance(self.published, _dt.datetime):
            object.__setattr__(self, "published", self.published.date())


def parse_date(value: str, *, what: str = "date") -> _dt.date:
    from .errors import InputError

    try:
        return _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"{what}: {value!r} is not a date; use YYYY-MM-DD, e.g. 2012-07-12") from None


@dataclass(frozen=True)
class Source:
    """An article after ingest: every field resolved (id unique within a run)."""

    id: str
    name: str
    text: str
    published: _dt.date | None = None
    path: str | None = None


@dataclass(frozen=True)
class Block:
    """A paragraph (or transcript turn) of a source after cleaning.

    ``text`` is normalised (straight quotes, plain spaces and dashes); ``offsets[i]`` is the
    offset in the original source text of ``text[i]``, with one extra entry for the end, so
    ``offsets[len(text)]`` is the original end of the block.
    """

    source: str
    index: int
    text: str
    offsets: tuple[int, ...]
    kind: str = "body"  # "headline" | "body" | "answer" (a transcript answer) | "post" (an embedded post)
    speaker: str | None = None  # transcript speaker of an answer ("Fares"), the account of a post
    # Where a character stands for more than one original character (a repaired mojibake sequence,
    # "â€™" -> "'"), the original end of each character; empty when every one ends at offsets[i] + 1.
    ends: tuple[int, ...] = ()
    posted: _dt.date | None = None  # an embedded post's own date (its text's "this morning")

    @property
    def start(self) -> int:
        return self.offsets[0]

    @property
    def end(self) -> int:
        return self.offsets[-1]


@dataclass(frozen=True)
class Skipped:
    """Text the cleaner kept out of the claims, listed in the report so nothing vanishes silently."""

    source: str
    text: str
    reason: str
    start: int
    end: int


@dataclass(frozen=True)
class Cleaned:
    source: str
    blocks: tuple[Block, ...]
    skipped: tuple[Skipped, ...]
    repaired: int = 0  # garbled characters (mojibake) repaired in the source's text


@dataclass(frozen=True)
class Quantity:
    """A number with what it counts: "at least 20 people" -> low=20, high=inf, unit="people"."""

    text: str
    start: int  # offsets relative to the claim text
    end: int
    value: float
    low: float
    high: float
    qualifier: str = ""  # "at least", "more than", "about", "up to", ...
    unit: str = ""  # counted noun, lower-case singular ("person", "year", "conscript"); "" if none


@dataclass(frozen=True)
class TimeRef:
    """A time expression, resolved to an inclusive date range when the publication date allows."""

    text: str
    start: int
    end: int
    kind: str  # "date" | "month" | "year" | "weekday" | "relative" | "duration"
    low: _dt.date | None = None
    high: _dt.date | None = None


@dataclass(frozen=True)
class Entity:
    """A proper name. ``key`` is a normalised form for alias matching ("al-Assad" -> "assad")."""

    text: str
    start: int
    end: int
    key: str


@dataclass(frozen=True)
class Reference:
    """An unnamed person ("a top general and Assad confidant") read as one another source names
    and describes with the same words (``compare.corefer``)."""

    text: str  # the description, as the claim words it
    start: int  # offsets relative to the claim text
    end: int
    name: str  # the person, as the other source names them ("Manaf Tlass")
    key: str
    source: str  # the source and claim that name and describe them
    claim: str
    shared: tuple[str, ...]  # the description words both give ("assad", "confidant", "general")


@dataclass(frozen=True)
class Facts:
    """What extraction found in one claim."""

    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeRef, ...] = ()
    entities: tuple[Entity, ...] = ()
    negated: bool = False
    negation_cues: tuple[str, ...] = ()
    speaker: str | None = None  # who the claim is attributed to ("Fares", "the Syrian Observatory")
    speaker_span: tuple[int, int] | None = None
    hedges: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()  # cross-source: filled by compare.corefer, not by extract


@dataclass(frozen=True)
class Claim:
    id: str  # "<source>:<n>", n counting from 1 in reading order
    source: str
    text: str  # the normalised claim text
    start: int  # span in the original source text
    end: int
    kind: str = "sentence"  # "headline" | "sentence" | "answer" | "post"
    block: int = 0
    speaker: str | None = None  # transcript speaker or a post's account, from segmentation
    # The date its relative times ("this morning") resolve against where that is not its source's
    # publication date: the date of the embedded post it quotes.
    reference_date: _dt.date | None = None
    facts: Facts = field(default_factory=Facts)


@dataclass(frozen=True)
class Match:
    """Two claims from different sources judged to be about the same event."""

    a: str  # claim ids
    b: str
    event: float  # calibrated P(same event)
    fact: float  # calibrated P(same fact): an agreement when no conflict is found
    similarity: float  # cosine of the embeddings


@dataclass(frozen=True)
class Conflict:
    """A typed difference between two claims: "number", "time", "entity", "negation", "attribution"."""

    type: str
    a: str  # the value as claim a states it
    b: str
    detail: str = ""  # what the values are about ("killed in Treemseh")
    # The values themselves, where they are figures or times: later stages (updates, the
    # explanation) read them here rather than finding them in the text again.
    value_a: Quantity | TimeRef | None = None
    value_b: Quantity | TimeRef | None = None
    fact: str = ""  # the fact the two values are of, named for a reader ("deaths in Treemseh")
    counts: str = ""  # for figures: what both count ("age", "person", "length"), as ``atoms`` reads it


@dataclass(frozen=True)
class Finding:
    kind: str  # "agreement" | "contradiction" | "unique" (report); "supported" | ... (check)
    claims: tuple[str, ...]
    score: float
    explanation: str
    conflicts: tuple[Conflict, ...] = ()
    scope: str = "across"  # "across" sources, or "within" one source
