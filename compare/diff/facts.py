"""Fact alignment: every figure meets the figures of the other sources (and of its own) that
count the same thing in the same event, whatever the similarity of the two whole sentences.

Sentence alignment misses the pairs whose difference *is* the news ("the storm hit on Monday,
killing four people" / "one person died in the storm, the agency said": the other figure lowers
their similarity), and compares figures across sub-facts when it pairs loosely related sentences
("her 9-year-old son" / "a 41-year-old man"). Here figures are paired by what they count
(``atoms.comparable``) and compared by value only within such a pair (``atoms.conflicting``).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..atoms import Atom, atoms, comparable, conflicting, event_of, shared_place
from ..categories import SLOTS, TITLE_SLOTS, Category, categories_conflict, same_holder
from ..dates import dated, same_dated_event, time_key, times_apart
from ..extract import entity_key, same_entity
from ..extract.attribution import find_speaker
from ..extract.phones import find_phones
from ..gazetteer import one_place
from ..lexicon import ORG_HEADS, RELATIVE_NOUNS
from ..names import full_names, in_full
from ..pairs import nearest_by_source, nearest_within
from ..places import homes_in_context
from ..records import Claim, Conflict, Entity, TimeRef
from ..tense import told
from .clauses import named
from .fate import fate_conflicts
from .phones import phone_conflicts
from .places import place_conflicts
from .tense import act_conflicts
from .times import time_conflicts


def number_conflicts(
    x_atoms: Sequence[Atom], y_atoms: Sequence[Atom], within: bool = False, setting: Collection[Entity] = ()
) -> list[Conflict]:
    """Conflicting figures of one fact between two claims' atoms. ``within`` (two claims of one
    source) asks more: the two clauses must name the same place, since one article's total and
    its local count ("13 killed across Syria", "six killed in Treemseh") are two facts.
    ``setting``: the names the story is set in (``reading.setting``)."""
    out = []
    # A figure both claims state is shared, and the other figures of that thing in that event are
    # other parts of one list ("struck by 6.1 and 5.8 aftershocks" / "the first measured 6.1";
    # "an initial offer of $160 million, upgraded to between $178 million and $184 million" /
    # "$184 million"); those of another event are not ("killed 3 and injured 10" / "killed 5 and
    # injured 10").
    shared = {_list_key(x, y) for x in x_atoms for y in y_atoms if _told_both(x, y)}
    for x in x_atoms:
        for y in y_atoms:
            if x.thing == y.thing and _list_key(x, y) in shared:
                continue
            if within and _one_quake(x, y):
                x, y = _unmeasured(x), _unmeasured(y)
            elif within and not (x.places and y.places) and not (x.echoes == y.claim or y.echoes == x.claim):
                continue
            if conflict := _figure_conflict(x, y, setting):
                out.append(conflict)
    return out


def _figure_conflict(x: Atom, y: Atom, setting: Collection[Entity]) -> Conflict | None:
    """The conflict of two figures of one fact that disagree. The values are compared first:
    only figures that disagree ask GeoNames whether two names are one place (loaded on first
    use, a third of a second)."""
    if not x.thing or not conflicting(x, y):
        return None  # ``comparable`` asks for one thing counted (or a measure and its noun's)
    fact = comparable(x, y, setting, one_place)
    if fact is None:
        return None
    # The detail is the place both name, as it always was ("Treemseh"), or the fact.
    detail = shared_place(x, y) or fact
    return Conflict("number", x.value.text, y.value.text, detail, x.value, y.value, fact, x.thing)


def _told_both(x: Atom, y: Atom) -> bool:
    """One figure of one thing told by both: the same value, or one exact value within the
    range the other states ("between $178 million and $184 million"). A count's noun may be
    worded two ways around one head ("four sentences of life" / "four life sentences")."""
    ux, uy = x.value.unit, y.value.unit
    if x.thing != y.thing or (ux != uy and (x.dimension or ux.split()[-1:] != uy.split()[-1:])):
        return False
    if x.value.value == y.value.value:
        return True
    return any(
        a.value.low < a.value.high < float("inf")
        and b.value.low == b.value.high
        and a.value.low <= b.value.value <= a.value.high
        for a, b in ((x, y), (y, x))
    )


def _list_key(x: Atom, y: Atom) -> tuple[str, str]:
    """What two figures count, in which event: the thing and the event class either names."""
    return x.thing, event_of(x) or event_of(y)


def _one_quake(x: Atom, y: Atom) -> bool:
    """Two magnitudes of one article's quake, wherever its clauses place it: agencies measure one
    quake differently ("Tehran's seismological center said 5.9" / "the USGS said 6.1"); an
    aftershock's is its own."""
    return x.thing == y.thing == "magnitude" and not ({"aftershock"} & (x.context | y.context))


def _unmeasured(x: Atom) -> Atom:
    """The magnitude less the bodies its clause names: "the U.S. Geological Survey put the quake's
    strength at 5.4" names who measured it, not where it struck."""
    return dataclasses.replace(
        x, places=tuple(e for e in x.places if not ORG_HEADS.intersection(e.key.split()))
    )


#: Where one sentence hands over from one speaker to another: "Tehran's seismological center
#: said it measured 5.9, but the U.S. Geological Survey said 6.1"; "police put the crowd at
#: 20,000; organisers said 50,000".
_HANDOVER_RE = re.compile(r",\s+(?:but|while|whereas)\s+|;\s+(?:but\s+)?")


@dataclass(frozen=True)
class Saying:
    """Two figures of one fact in one sentence, each from its own named speaker."""

    claim: str
    conflict: Conflict
    speakers: tuple[str, str]


def two_sayings(claim: Claim, found: Sequence[Atom], setting: Collection[Entity] = ()) -> Saying | None:
    """The first fact a sentence gives two figures for, from two named speakers it hands over
    between: each part must say who says it, and name someone other than the other part does.
    The speakers are no places of the figures ("the Red Cross said 3 died, but the Syrian
    Observatory said 5")."""
    text = claim.text
    cuts = [0, *(m.end() for m in _HANDOVER_RE.finditer(text)), len(text) + 1]
    if len(cuts) < 3:
        return None
    parts = [(cuts[n], cuts[n + 1]) for n in range(len(cuts) - 1)]
    said = [find_speaker(text[a:b]) for a, b in parts]
    for i, j in itertools.combinations(range(len(parts)), 2):
        if not (said[i] and said[j]):
            continue
        (si, spi), (sj, spj) = said[i], said[j]
        if not (named(si) and named(sj)) or same_entity(si, sj):
            continue
        xs = [_unsaid(x, parts[i][0], spi) for x in found if parts[i][0] <= x.value.start < parts[i][1]]
        ys = [_unsaid(y, parts[j][0], spj) for y in found if parts[j][0] <= y.value.start < parts[j][1]]
        for x, y in itertools.product(xs, ys):
            if conflict := _figure_conflict(x, y, setting):
                return Saying(claim.id, conflict, (si, sj))
    return None


def _unsaid(x: Atom, offset: int, span: tuple[int, int]) -> Atom:
    """The figure less the names in its part's speaker phrase."""
    start, end = offset + span[0], offset + span[1]
    keep = tuple(e for e in x.places if not start <= e.start < end)
    return dataclasses.replace(x, places=keep, names=tuple(e for e in x.names if not start <= e.start < end))


#: A sentence whose subject is a pronoun continues the sentence before it: "In February a quake
#: hit Zarand. It killed 612 people." dates and places the 612 by the sentence before.
_PRONOUN_START = re.compile(r"^\W*(?:It|They|He|She|This|That|These|Those)\b")
#: A sentence that opens by going on from the one before tells of its day: "... but on Wednesday
#: part of the crowd became unruly. By the end, 46 people had been arrested."
_GOES_ON_RE = re.compile(r"^\W*(?:By\s+the\s+end|By\s+then|By\s+nightfall|By\s+morning|Later|Afterwards?)\b")


def claim_atoms(claims: Sequence[Claim]) -> dict[str, tuple[Atom, ...]]:
    """Every claim's atoms, those of a sentence opened by a pronoun given the times and names of
    the sentence before it in the same source where they have none of their own; each figure
    with its own weekday and those its article dates events on (``Atom.day``, ``Atom.days``)."""
    out: dict[str, tuple[Atom, ...]] = {}
    before: dict[str, tuple[tuple, tuple]] = {}
    # Per source, every weekday it dates an event named as such on ("the protest", "the riot");
    # not a verb's ("an aid package unveiled on Sunday" is background to a story of Wednesday).
    on_days: dict[str, set[str]] = {}
    for c in claims:
        on_days.setdefault(c.source, set()).update(
            d for x in dated(c) if not x.event.startswith("v:") and (d := time_key(x.time).get("weekday"))
        )
    counted: dict[str, tuple[Atom, ...]] = {}  # per source, the counts of its sentence before
    last_day: dict[str, str] = {}  # per source, the last weekday a sentence of it dated
    full = full_names(claims)
    for c in claims:
        told = frozenset(on_days[c.source])
        own = tuple(
            _whose(_echo(c.text, x, counted.get(c.source, ())), full.get(c.source, {})) for x in atoms(c)
        )
        goes_on = last_day.get(c.source, "") if _GOES_ON_RE.match(c.text) else ""
        own = tuple(dataclasses.replace(x, day=_weekday(x) or goes_on, days=told) for x in own)
        days = sorted((t.start, d) for t in c.facts.times if (d := time_key(t).get("weekday")))
        if days:
            last_day[c.source] = days[-1][1]
        counted[c.source] = tuple(x for x in own if x.thing and not x.dimension)
        times = next((x.times for x in own if x.times), ())
        names = next((x.names for x in own if x.names), ())
        if own and c.source in before and _PRONOUN_START.match(c.text):
            prior_times, prior_names = before[c.source]
            own = tuple(
                dataclasses.replace(x, times=x.times or prior_times, names=x.names or prior_names)
                for x in own
            )
        out[c.id] = own
        if times or names or c.facts.times or c.facts.entities:
            before[c.source] = (times or tuple(c.facts.times), names or tuple(c.facts.entities))
    return out


def _whose(x: Atom, full: dict[str, set[Entity]]) -> Atom:
    """An age (or children) told of a lone name belongs to the one person its article names so in
    full: "Williams, 91" in an article on Esther Williams is hers (``names.in_full``)."""
    if (
        x.holder is None
        or " " in x.holder.key
        or not (x.thing == "age" or x.thing in RELATIVE_NOUNS or x.bracketed)
    ):
        return x
    h, v = x.holder, x.value
    if not (0 <= v.start - h.end <= 9 or 0 <= h.start - v.end <= 8):
        return x  # only a name beside the figure ("Williams, 91"), not a sentence's subject far off
    person = in_full(x.holder, full)
    return x if person is None else dataclasses.replace(x, holder=person)


#: A figure told bare, the thing it counts left to the sentence before: "Police put the march at
#: roughly 30,000 people. But witnesses said there were more than 50,000 - easily the biggest
#: protest"; "Organisers put the figure at 100,000."
_BARE_BEFORE_RE = re.compile(
    r"\b(?:there\s+(?:were|was|had\s+been)|put\s+(?:it|the\s+(?:number|figure|total|toll|crowd|turnout))\s+at"
    r"|estimated?\s+(?:it\s+|the\s+(?:number|figure|total|toll|crowd|turnout)\s+)?at)\s+$",
    re.I,
)
_BARE_AFTER_RE = re.compile(r"\s*(?:[-\u2013\u2014,;.)]|$)")


def _echo(text: str, x: Atom, before: Sequence[Atom]) -> Atom:
    """A figure told bare after "there were", "put it at", "estimated at", with nothing after it
    in its clause, given what the one count of the sentence before counts."""
    q = x.value
    if x.thing or q.unit or not before or len({(b.thing, b.predicate) for b in before}) != 1:
        return x
    if not (
        _BARE_BEFORE_RE.search(text, max(0, q.start - 40), q.start) and _BARE_AFTER_RE.match(text, q.end)
    ):
        return x
    b = before[0]
    return dataclasses.replace(
        x,
        thing=b.thing,
        predicate=b.predicate,
        context=x.context | b.context,
        places=x.places or b.places,
        # its own clause's times, else the counted sentence's ("there were more than 50,000 -
        # easily the biggest protest since he took office last October" is no count of October)
        times=tuple(t for t in x.times if x.clause[0] <= t.start < x.clause[1]) or b.times,
        echoes=b.claim,
    )


def _weekday(x: Atom) -> str:
    """The weekday a figure's own times name: the one they name, or of several, the last told
    before the figure ("Tuesday the crowd was calm, but on Wednesday ... part of the 200 person
    crowd became unruly")."""
    days = [(t.start, d) for t in x.times if (d := time_key(t).get("weekday"))]
    if len({d for _, d in days}) <= 1:
        return days[0][1] if days else ""
    before = [d for start, d in sorted(days) if start < x.value.start]
    return before[-1] if before else ""


#: Figures meet the figures of this many of their claim's nearest claims in each other source,
#: and of this many in their own: the claims that tell one fact with other figures are among the
#: nearest even when the figure lowers their similarity below alignment, and the cost stays
#: linear in the number of claims.
FACT_CANDIDATES = 12
#: ... and at most about this many in all: with many sources each fact is told by many of them, and
#: the two nearest claims of each still find it (50 sources meet 2 claims each, not 12).
FACT_BUDGET = 96
FACT_CANDIDATES_WITHIN = 8
#: ... within one source, only claims at least this close (one article's other facts are many).
WITHIN_FLOOR = 0.3


@dataclass
class Aligned:
    """What fact alignment found: the claim pairs whose figures, dates or places disagree, and
    per pair of sources, the facts on which they agree (the same figure or day for one fact)."""

    conflicts: dict[tuple[str, str], list[Conflict]] = field(default_factory=dict)
    agreeing: Counter = field(default_factory=Counter)  # (source, source) -> facts told alike
    # (claim, claim) -> the facts the two tell alike, across sources, in claim order
    alike: dict[tuple[str, str], set[str]] = field(default_factory=dict)


def conflicting_pairs(
    claims: Sequence[Claim],
    by_claim: dict[str, tuple[Atom, ...]],
    vectors: np.ndarray,
    setting: Collection[Entity],
    kinds: dict[str, tuple[Category, ...]],
) -> Aligned:
    """Every pair of claims (in claim order) with a figure, date, place, phone number, category or
    tense of one fact that disagrees: across sources, and within one source; and, per pair of sources,
    how many facts they tell alike. Only claims holding such facts take part, each paired with its
    nearest such claims (``FACT_CANDIDATES``). ``kinds``: each claim's categories read in context
    (``categories.in_context``)."""
    out = Aligned()
    # Each claim's facts read once: the pairs below are many, and a Claim is costly to hash.
    homes = homes_in_context(claims)
    facts = [
        (by_claim[c.id], dated(c), homes[c.id], find_phones(c.text), kinds[c.id], told(c)) for c in claims
    ]
    holding = [n for n, f in enumerate(facts) if any(f)]
    rows = np.asarray(holding, dtype=np.int64)
    if len(rows) < 2:
        return out
    order = {s: n for n, s in enumerate(dict.fromkeys(c.source for c in claims))}
    source_no = np.asarray([order[claims[n].source] for n in rows.tolist()])
    sub = vectors[rows]
    per_source = max(2, min(FACT_CANDIDATES, -(-FACT_BUDGET // max(1, len(order) - 1))))
    I, J, _ = nearest_by_source(sub, source_no, per_source, -1.0)
    WI, WJ = nearest_within(sub, source_no, FACT_CANDIDATES_WITHIN, WITHIN_FLOOR)
    candidates = {(min(i, j), max(i, j)) for i, j in zip(I.tolist(), J.tolist(), strict=True)}
    candidates.update(zip(WI.tolist(), WJ.tolist(), strict=True))
    alike: dict[tuple[str, str], set[str]] = {}
    for i, j in sorted(candidates):
        n, m = int(rows[i]), int(rows[j])
        a, b = claims[n], claims[m]
        (xa, xd, xp, xf, xk, xt), (ya, yd, yp, yf, yk, yt) = facts[n], facts[m]
        within = a.source == b.source
        found = number_conflicts(xa, ya, within, setting) if xa and ya else []
        if xd and yd:
            found += time_conflicts(xd, yd, setting)
        if xp and yp:
            found += place_conflicts(xp, yp)
        if xf and yf:
            found += phone_conflicts(xf, yf)
        if xk and yk:
            found += category_conflicts(xk, yk, float(sub[i] @ sub[j]))
        if xt and yt and not within:
            found += act_conflicts(xt, yt)
        if xa and ya and not within:
            found += fate_conflicts(xa, ya, a.text, b.text)
        if found:
            out.conflicts[(a.id, b.id)] = found
        if not within and ((xa and ya) or (xd and yd)):
            alike_facts, agreed = _told_alike(xa, ya, xd, yd, setting)
            alike.setdefault(tuple(sorted((a.source, b.source))), set()).update(alike_facts)
            if agreed:
                out.alike[(a.id, b.id)] = agreed
        if not within and xk and yk and (kinds_alike := category_agreements(xk, yk, (a, b))):
            out.alike.setdefault((a.id, b.id), set()).update(kinds_alike)
    out.agreeing.update({k: len(v) for k, v in alike.items()})
    return out


def category_agreements(
    xs: Sequence[Category], ys: Sequence[Category], claims: tuple[Claim, Claim]
) -> set[str]:
    """The kind-facts two claims tell alike of one person named in each ("Bryant Dalton ... was
    listed in critical condition" / "Dalton is in critical condition"): the same class for one
    slot, of the same holder, who is not the one speaking. Unnamed, two claims' "critical
    condition" may be two victims'; two classes told by one claim ("a rifle and a handgun") agree
    with neither; a title told in passing ("Sen. John McCain voted ..." / "Sen. John McCain was
    born ...") is no fact the two tell."""
    speakers = [entity_key(c.facts.speaker or "") for c in claims]

    def held(k: Category, speaker: str) -> bool:
        # a person's: not a building's damage ("destroyed thousands of buildings" in another quake,
        # "50 to 70 percent ... destroyed"), not a title, not the speaker's own
        return (
            bool(k.holder)
            and k.slot not in TITLE_SLOTS
            and k.slot != "damage"
            and not (speaker and same_holder(k.holder, speaker))
        )

    return {
        f"{SLOTS[x.slot]}: {x.text}"
        for x in xs
        for y in ys
        if x.slot == y.slot
        and x.values == y.values
        and len(x.values) == 1
        and held(x, speakers[0])
        and held(y, speakers[1])
        and same_holder(x.holder, y.holder)
    }


def category_conflicts(xs: Sequence[Category], ys: Sequence[Category], similarity: float) -> list[Conflict]:
    """Two kinds for one slot of one person or event: a condition, a charge, a weapon, a death."""
    return [
        Conflict("category", x.text, y.text, SLOTS[x.slot], fact=SLOTS[x.slot])
        for x in xs
        for y in ys
        if categories_conflict(x, y, similarity)
    ]


def _told_alike(xa, ya, xd, yd, setting) -> tuple[set[str], set[str]]:
    """The facts two claims tell alike, each with the value both give: one figure of one fact
    ("deaths: 10"), one day of one event ("date attack: Thursday"); and of those, the ones they
    can be said to agree on: days only of an event named as such, where both name the same day
    in the same terms ("Friday" / "Friday afternoon"), not merely days that could be one
    ("Friday" / "in 2005", "last week" / "December 2"); a verb's day tells too little ("a poll
    published Sunday" is two polls)."""
    figures = {
        f"{fact}: {x.value.text}"
        for x in xa
        for y in ya
        if x.value.value == y.value.value and (fact := comparable(x, y, setting))
    }
    days, same_days = set(), set()
    for x in xd:
        for y in yd:
            if same_dated_event(x, y, setting) and not times_apart(x.time, y.time):
                label = f"date {x.event}: {x.time.text}"
                days.add(label)
                if not x.event.startswith("v:") and _one_day(x.time, y.time):
                    same_days.add(label)
    return figures | days, figures | same_days


def _one_day(a: TimeRef, b: TimeRef) -> bool:
    """Two times that name one day: the same resolved day, or the same weekday, month, day and
    year as far as each is written, neither left unnamed."""
    if None not in (a.low, a.high, b.low, b.high):
        return a.low == a.high == b.low == b.high
    ka, kb = time_key(a), time_key(b)
    return bool(ka) and ka == kb
