"""Word lists and small parsers shared by the extractors.

Kept in one place so that numbers, times and names agree on what a month, a number word or a
sentence-initial common word is; otherwise one extractor would claim "March" as a name while
another claims it as a date.
"""

from __future__ import annotations

import re

QUOTES = '"“”„‟«»'

# --- number words -----------------------------------------------------------------------

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

_WORD_ALT = "|".join(sorted([*SMALL, *TENS, "hundred", *SCALES, "dozen"], key=len, reverse=True))
_SCALE_ALT = "dozen|hundred|thousand|million|billion|trillion"
#: A run of number words; validated (and possibly cut short) by ``parse_number_words``.
NUMBER_WORDS = (
    rf"(?:(?:half\s+)?an?\s+(?={_SCALE_ALT}\b))?(?:{_WORD_ALT})"
    rf"(?:(?:\s+|-)(?:and\s+)?(?:{_WORD_ALT}))*"
)
_NW_TOKEN_RE = re.compile(r"[a-z]+", re.IGNORECASE)


def parse_number_words(text: str) -> tuple[float, int] | None:
    """Value of a number-word phrase and how many characters of it form a valid number.

    The regex over-matches ("six seven", "six and seven"); the grammar here stops at the first
    word that cannot continue the number, so a list of numbers is never summed into one.
    """
    total = 0.0
    current = 0.0
    factor = 1.0
    last = None  # kind of the previous accepted word
    valid_end = 0
    for m in _NW_TOKEN_RE.finditer(text):
        w = m.group().lower()
        if w == "half" and last is None:
            factor, last = 0.5, "half"
            continue
        if w in ("a", "an") and last in (None, "half"):
            current, last = 1.0, "a"
            continue
        if w == "and":
            # only British "one hundred and twenty"; "six and seven" are two numbers
            if last not in ("hundred", "scale"):
                break
            continue
        if w in SMALL:
            v = SMALL[w]
            if not (last in (None, "hundred", "scale") or (last == "tens" and 0 < v < 10)):
                break
            current += v
            last = "small"
        elif w in TENS:
            if last not in (None, "hundred", "scale"):
                break
            current += TENS[w]
            last = "tens"
        elif w in ("hundred", "dozen"):
            if last not in ("small", "tens", "a"):
                break
            current = (current or 1) * (100 if w == "hundred" else 12)
            last = w
        elif w in SCALES:
            if last not in ("small", "tens", "hundred", "a", "dozen"):
                break
            total += (current or 1) * SCALES[w]
            current = 0.0
            last = "scale"
        else:
            break
        valid_end = m.end()
    if not valid_end:
        return None
    return (total + current) * factor, valid_end


# --- calendar ---------------------------------------------------------------------------

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# Capitalised only: "may" and "march" in lower case are a verb far more often than a month.
MONTH_FULL_ALT = "|".join(m.capitalize() for m in MONTHS)
MONTH_ANY_ALT = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
)
WEEKDAY_ALT = "|".join(d.capitalize() for d in WEEKDAYS)


#: Abbreviations whose period does not end a sentence ("Gen. Manaf Tlass", "Feb. 25").
ABBREVIATIONS = (
    frozenset(
        """
    mr mrs ms dr prof gen brig col maj capt lt sgt cpl adm cmdr gov sen rep rev st jr sr insp det
    supt pres dep fr
    """.split()
    )
    | MONTH_ABBR.keys()
)


def month_number(word: str) -> int | None:
    w = word.rstrip(".").lower()
    return MONTHS.get(w) or MONTH_ABBR.get(w)


# --- words that are capitalised only because they start a sentence ----------------------

#: Words that begin news sentences (or headlines) and are not names. Used by the name finder
#: and by the number finder (a capitalised word before a number usually names a model or a
#: route, "Route 66", unless it is one of these).
GRAMMAR_STOP = frozenset(
    """
    a an the this that these those its his her their our my your some any each every all both
    either neither no none many much most more few several such other another one two three four
    five six seven eight nine ten dozens hundreds thousands
    i we you he she it they me him us them who what which where when why how whose whom there here
    and but or nor yet so for if as at by in into on onto of off out over under up down to from
    with within without after before during since until till while whilst although though because
    unless whether than despite amid amidst among amongst against across along around behind beyond
    between through throughout toward towards upon via per like unlike near inside outside once
    whereas besides except including regarding following according aside ahead instead rather plus
    also however meanwhile moreover furthermore nevertheless nonetheless still then now later
    earlier already even just only again indeed perhaps maybe thus therefore hence otherwise finally
    eventually initially separately overall altogether likewise similarly currently recently
    previously today tonight yesterday tomorrow last next first second third not never always often
    sometimes soon yes well too very almost nearly about together elsewhere overnight further
    additionally specifically notably importantly ultimately clearly obviously apparently reportedly
    allegedly asked speaking told said says according following including appointed elected born
    based founded given having being faced facing responding writing defected added breaking
    is are was were be been has have had do does did will would can could should shall might must
    let watch read see click sign please get join follow share related updated posted view continue
    """.split()
)
#: Common nouns and adjectives that open news sentences ("Activists say", "Security forces").
#: Unlike the grammar words above they also begin names ("Local Coordination Committees",
#: "State Department"), so they are dropped only when they stand alone.
COMMON_WORD_STOP = frozenset(
    """
    activists officials police witnesses residents rebels troops soldiers protesters demonstrators
    authorities critics analysts experts investigators prosecutors lawyers doctors rescuers voters
    fans government opposition security sources reports leaders officers forces fighters militants
    gunmen civilians people children women men families relatives neighbors neighbours students
    workers scientists researchers diplomats lawmakers legislators observers members supporters
    opponents survivors victims casualties clashes fighting violence shelling explosions protests
    talks negotiations elections results polls turnout votes shares prices markets sales damage
    firefighters aftershocks emergency officials spokesman spokeswoman state local police
    anti pro ex former top senior
    activist official witness resident rebel soldier protester authority critic analyst expert
    investigator prosecutor doctor lawyer voter fan leader officer fighter militant gunman civilian
    child woman man family student worker diplomat lawmaker member supporter victim survivor
    unknown
    """.split()
)
SENTENCE_STOP = GRAMMAR_STOP | COMMON_WORD_STOP

#: Particles that sit inside names ("Bashar al-Assad", "Ludwig van Beethoven") and are dropped
#: from the alias key so "al-Assad" and "Assad" compare equal.
PARTICLES = frozenset(
    """
    al el ad as ash at az an ar abu abd bin ibn bint ben de da di du del della der den van von le
    la dos das
    """.split()
)
#: Lower-case words that may join two capitalised words into one name ("Bank of England").
CONNECTORS = frozenset("of for the".split())

#: Titles that precede a person's name; they are not part of the name. Words that also begin
#: names of things ("General Assembly", "Premier League", "Justice Department") are left out.
TITLES = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady rev gen brig col maj capt lt sgt cpl adm cmdr gov sen
    rep president minister secretary ambassador chancellor mayor governor senator congressman
    congresswoman spokesman spokeswoman spokesperson envoy commander judge king queen prince
    princess pope sheikh emir sultan chairman chairwoman attorney pres dep insp det supt
    lieutenant colonel sergeant admiral
    """.split()
)
#: Words that only modify a following title ("Foreign Minister", "Attorney General").
TITLE_MODIFIERS = frozenset(
    """
    foreign prime defense defence interior finance deputy vice former acting chief senior top
    assistant state affairs general home justice trade health economy education energy information
    culture transport labour labor agriculture environment opposition military army police
    """.split()
)
#: Head words that make a capitalised phrase an organisation rather than a person.
ORG_HEADS = frozenset(
    """
    watch ministry committee committees observatory agency council office department group
    organization organisation union party army front police court news times post network
    association institute university bank company corporation inc ltd commission government
    rights nations forces assembly parliament congress senate house service foundation fund
    center centre press coalition movement brigade brigades alliance league federation board
    authority club team channel radio television tv
    """.split()
)

#: Nouns for a person's role, rank or relation: the heads of descriptions that stand for a person
#: ("a top general and Assad confidant", "Tlass, an Assad confidant and son of a former defense
#: minister"). Plain "man", "woman" and "person" are left out: they describe nobody in particular.
ROLE_NOUNS = frozenset(
    """
    general brigadier colonel lieutenant major captain sergeant admiral commander officer soldier
    marshal official minister ambassador diplomat envoy consul confidant aide adviser advisor
    spokesman spokeswoman spokesperson lawmaker legislator senator congressman congresswoman
    representative judge prosecutor lawyer attorney executive director chairman chairwoman chief
    president vice-president premier chancellor governor mayor leader member activist witness
    doctor physician surgeon nurse son daughter brother sister wife husband father mother cousin
    nephew niece uncle aunt grandson granddaughter relative friend ally loyalist insider defector
    banker businessman businesswoman billionaire tycoon founder candidate detective inspector
    rebel militant cleric imam priest bishop journalist reporter correspondent editor teacher
    professor scientist researcher analyst economist engineer pilot coach player striker actor
    actress singer suspect gunman victim survivor dissident opponent rival deputy secretary
    negotiator mediator monarch king queen prince princess emir sheikh sultan heir
    """.split()
)
#: Abbreviated titles, spelt out so "Brig. Gen." and "a top general" share a word.
TITLE_WORDS = {
    "gen": "general",
    "brig": "brigadier",
    "col": "colonel",
    "lt": "lieutenant",
    "maj": "major",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "cmdr": "commander",
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "pres": "president",
    "dr": "doctor",
    "prof": "professor",
    "insp": "inspector",
    "det": "detective",
    "supt": "superintendent",
}

#: Verbs of news narration with no "-ed" ending: a capitalised word followed by one of these (or
#: by an "-ed" word) is the subject of its sentence ("Fares fled", "Tlass met").
COMMON_VERBS = frozenset(
    """
    said says told tells was is has had will would did does spoke met went left fled quit took
    gave made came ran won lost wrote sent sat stood broke led fell rose sought knew saw thought
    """.split()
)
