"""Every word list the stages share, and the few small parsers over them, in one place.

Kept together so that the stages agree on what a month, a number word, a title or a
sentence-initial common word is (otherwise one stage would claim "March" as a name while another
claims it as a date), and so that a list is changed once, where every reader of it can be seen.
Lists that look alike differ on purpose; each says what it is for. Regular expressions built
from page shapes (furniture, datelines) stay with the cleaner.
"""

from __future__ import annotations

import re

# --- quotation marks ------------------------------------------------------------------------------

QUOTES = '"“”„‟«»'


# --- numbers in words, scales and currencies ------------------------------------------------------

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


#: Fraction characters and their values: "3½ years".
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}

#: Units of more than one word, read before the one-word unit rules (which would take "nautical"
#: for an adjective and "miles" for the unit).
COMPOUND_UNITS = {
    "nautical miles": "nautical mile",
    "nautical mile": "nautical mile",
    "miles per hour": "mph",
    "miles an hour": "mph",
    "mph": "mph",
    "kilometres per hour": "km/h",
    "kilometers per hour": "km/h",
    "kilometres an hour": "km/h",
    "kilometers an hour": "km/h",
    "km/h": "km/h",
    "kph": "km/h",
    "square miles": "square mile",
    "square mile": "square mile",
    "square kilometres": "square kilometre",
    "square kilometers": "square kilometre",
    "square kilometre": "square kilometre",
    "square kilometer": "square kilometre",
    "sq km": "square kilometre",
    "square feet": "square foot",
    "square foot": "square foot",
    "square metres": "square metre",
    "square meters": "square metre",
    "square metre": "square metre",
    "square meter": "square metre",
    # a kind of a counted thing, counted as the thing: "nine assault rifles" are rifles
    "assault rifles": "rifle",
    "assault rifle": "rifle",
}

#: Letters glued to a figure that scale it: "$5m", "3bn", "10k".
SCALE_SUFFIXES = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mm": 1e6,  # "$160MM", as baseball and finance write it
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
}


#: Currency signs and the unit they give the figure after them (flagged, never converted).
CURRENCIES = {
    "$": "dollar",
    "US$": "dollar",
    "A$": "dollar",
    "C$": "dollar",
    "NZ$": "dollar",
    "HK$": "dollar",
    "£": "pound",
    "€": "euro",
    "¥": "yen",
    "₹": "rupee",
}


#: Qualifier phrase -> how it bounds the number after it.
QUALIFIERS = {
    "low": [
        "at least",
        "more than",
        "over",
        "upwards of",
        "in excess of",
        "no fewer than",
        "no less than",
        "not less than",
        "a minimum of",
        "greater than",
        "above",
        "exceeding",
        "well over",
        "just over",
        "well above",
    ],
    "high": [
        "up to",
        "as many as",
        "as much as",
        "fewer than",
        "less than",
        "under",
        "at most",
        "no more than",
        "not more than",
        "a maximum of",
        "below",
        "just under",
    ],
    "near": ["nearly", "almost", "close to", "approaching"],
    "approx": [
        "about",
        "around",
        "some",
        "roughly",
        "approximately",
        "an estimated",
        "estimated",
        "more or less",
        "circa",
        "perhaps",
        "an approximate",
    ],
    "range": ["between", "from", "anywhere from", "anywhere between"],
}


# --- what a number counts -------------------------------------------------------------------------

#: Words after a number that cannot be what it counts.
NOT_UNITS = frozenset(
    """
    a an the this that these those of in on at by to from for with and or but nor as than then
    is are was were be been being has have had do does did will would can could should may might
    must who which whom whose where when while if so because after before since until during
    into onto over under about around across against among between through per each every all
    more most less least other others another such same own also too very just only even still
    again here there it its he she they we you i his her their our them us him me
    said says say told according percent ago later earlier each apiece alone altogether
    """.split()
)


# Words that stand before the counted noun ("seven unarmed civilians", "20 more people").
COUNT_ADJECTIVES = frozenset(
    """
    more other additional new old young senior top former further extra armed unarmed foreign
    local civilian military british american syrian iraqi afghan israeli palestinian russian
    chinese different separate major minor small large big key main suspected alleged confirmed
    known reported unidentified unknown innocent elderly wounded injured dead missing
    """.split()
)


IRREGULAR_PLURALS = {
    "people": "person",
    "persons": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "police": "police",
    "policemen": "policeman",
    "policewomen": "policewoman",
    "gunmen": "gunman",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "halves": "half",
    "series": "series",
    "species": "species",
    "news": "news",
    "crises": "crisis",
    "analyses": "analysis",
    "thieves": "thief",
    "fishermen": "fisherman",
    "servicemen": "serviceman",
    "tons": "ton",
    "tonnes": "tonne",
}


FRACTIONS = frozenset("half halves third thirds quarter quarters fifth fifths tenth tenths".split())


#: Units that count people; a bare count ("seven died") is compatible with these.
PERSON_UNITS = frozenset(
    """
    person civilian soldier child man woman protester demonstrator victim fighter rebel resident
    militant gunman insurgent officer policeman policewoman member worker student refugee prisoner
    detainee casualty death dead body passenger migrant troop conscript defector activist voter
    patient survivor journalist employee
    """.split()
)


# Nouns that name the unit before the number.
UNITS_BEFORE = {"magnitude": "magnitude", "aged": "year", "age": "year"}


ADJECTIVE_ENDINGS = ("ed", "ing", "al", "ian", "ese", "ish", "ive", "ous", "ful", "ic", "less")


#: Nouns with an adjective's or a participle's ending: "12 officials", "three bombings".
NOUNS_LIKE_ADJECTIVES = frozenset(
    """
    official national rival animal individual hospital arrival criminal general editorial
    hundred seed bed shed building sibling bombing shooting killing meeting ring thing wing
    """.split()
)


DEMONYM_PLURAL_ENDINGS = ("ans", "ians", "is", "ese")


#: After "one" these make it a pronoun or an idiom, not a count: "one of", "one day".
ONE_IDIOMS = frozenset("of another other day way thing side hand time point".split())


#: Before "one" these make it a pronoun: "no one", "any one", "which one".
BEFORE_PRONOUN_ONE = frozenset("the no any every some each this that which whichever".split())


#: Words after which a bare 1800-2099 is a year even with a noun after it ("in 2011 protests").
YEAR_CUES = frozenset(
    "in since by until till from during through throughout before after early late mid".split()
)


# --- calendar -------------------------------------------------------------------------------------

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


def month_number(word: str) -> int | None:
    w = word.rstrip(".").lower()
    return MONTHS.get(w) or MONTH_ABBR.get(w)


AFTER_YEAR = frozenset("and or but when as to in on at was were had the a that which".split())


# --- abbreviations --------------------------------------------------------------------------------

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


#: Abbreviations whose period rarely ends a sentence, for the sentence splitter: the above, and
#: those that never stand before a name (states, weekdays, company forms), which the name finder
#: must not read as part of a name ("he fell ill." ends a sentence more often than "Ill." is a state).
SENTENCE_ABBREVIATIONS = ABBREVIATIONS | frozenset(
    """
    mssrs messrs lieut hon inc corp ltd llc bros dept univ assn ave blvd mt ft nos etc approx est
    mon tue tues wed thu thur thurs fri sat sun mme mlle vol fig cit ala ariz ark calif colo conn
    del fla ill ind kan mass mich minn miss mont neb nev okla ore penn tenn tex wash wis wyo
    """.split()
)


# --- grammar words --------------------------------------------------------------------------------

#: Words that open a noun phrase without naming anyone: a phrase of only these is no subject, and
#: a speaker phrase that starts with one ("the ministry") is no person's name.
DETERMINERS = frozenset(
    """
    the a an this that these those its his her their
    our my your another other some many several both each every
    """.split()
)


#: An unnamed person is introduced by these: "a top general", "another defector" (corefer).
INDEFINITES = frozenset({"a", "an", "another"})


#: Skipped when reading the words beside a name: "interview with (the) BBC".
ARTICLES_AND_POSSESSIVES = {"the", "a", "an", "its", "his", "her", "their"}


#: Before a reporting verb these make it passive ("was told"), so no speaker follows.
BE_FORMS = frozenset("is are was were be been being".split())


#: Auxiliary and modal verbs: a phrase holding one is a clause, not a noun phrase.
AUXILIARIES = frozenset(
    """
    is are was were be been being has have had will
    would can could should shall may might must do does did
    """.split()
)


#: A phrase that opens with one of these is an adverbial, not a subject ("In Paris Fabius said").
PREPOSITIONS = frozenset(
    """
    in on at by with from into onto after before during since until under over about against among
    between through throughout toward towards upon via despite amid near across of to for
    """.split()
)


#: Words that open a new clause: the subject of a reporting verb never reaches back past them.
CLAUSE_OPENERS = frozenset(
    """
    but while whereas when as because if although though
    since until so where whether why how what and
    """.split()
)


#: Words after which a determiner can continue one noun phrase: "one of the officials".
NP_LINKS = frozenset("of to for and or in at from with on".split())


#: Words between a subject and its reporting verb: "The group also said", "Fares has repeatedly said".
ADVERBS_BEFORE_VERB = frozenset(
    """
    also later then previously earlier again further separately repeatedly publicly privately
    recently initially originally first finally reportedly allegedly once too has have had would
    will did does do not never already quickly swiftly immediately subsequently
    """.split()
)


#: An aside between commas that opens with one of these describes the subject; it names no one.
APPOSITION_STARTERS = frozenset(
    """
    who which whose where when formerly now also
    however meanwhile though too himself herself itself themselves
    """.split()
)


#: Words that carry no content when two clauses are asked whether they are about the same thing.
CLAUSE_STOP = frozenset(
    "the a an and or but of in on at to for from by with as that this these those was were is are be "
    "been being has have had "
    "said says told also after before over under into than then there their them they he she his her "
    "its it which who whom "
    "what when where while more most least some many much about around nearly almost least people "
    "person".split()
)


#: Common English function words: a text in which they are rare is not English (or not prose),
#: and comparing it with an English model would give confident nonsense. Words that are common in
#: other European languages too ("in", "a", "an", "on", "was", "will", "also") are left out.
ENGLISH_MARKERS = frozenset(
    "the of and to is that for with as by he it at said from his be has are have were but not "
    "this which who they their been had its after would or more than one about there".split()
)


# --- words that open sentences but are not names --------------------------------------------------

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
    jurors juror detectives detective employees employee deputies passengers pilots drivers driver
    quarterly annual monthly weekly daily preliminary initial hundreds thousands dozens
    temperatures temperature crowds troopers paramedics medics
    """.split()
)


SENTENCE_STOP = GRAMMAR_STOP | COMMON_WORD_STOP


#: Verbs after "will" that tell no act to come ("will be", "is set to become"), for ``tense``.
NOT_ACT_VERBS = frozenset("be have become remain continue take make get not need want try".split())
#: Words before a name after which another source's other name is no swap (``diff.entity``): a
#: place may lie in the other ("a supermarket in Somerset" / "in Wellington"), a holder may be of
#: another time ("coach of the Trail Blazers" / "of the 76ers"), two outlets may each be told.
NO_SWAP_AFTER = frozenset("in at near of into outside inside across around told".split())

#: Party names used as adjectives ("the Republican administration"): a party in the place of a
#: person's name ("the Bush administration") is the same government told two ways, not a swap;
#: one party for another still is.
PARTY_WORDS = frozenset(
    "republican republicans democratic democrat democrats gop labour labor conservative conservatives"
    " tory tories liberal liberals socialist socialists communist communists".split()
)


#: Ship-name prefixes ("INS Tabar", "USS Cole", "MV Gibe") and the vessel nouns a sentence may open
#: on before one ("Warship INS Sukanya foiled ..."): the noun is no part of the ship's name.
SHIP_PREFIXES = frozenset("ins uss hms mv ms ss hmas hmcs hmnzs rfa usns mt fv".split())
VESSEL_NOUNS = frozenset(
    "warship frigate destroyer vessel ship tanker freighter trawler ferry carrier submarine cruiser "
    "corvette boat dhow yacht tug".split()
)


#: Capitalised function words that split a title-case run ("Calls For Military Intervention").
#: "May" and "Will" are left out: they are names at least as often.
TITLE_CASE_SPLITTERS = frozenset(
    """
    a an and as at but by for from in into is are was were be been has have had do does did
    it its of on onto or our over the their this that these those to under up via with within without
    would can could should might must not no nor so than then there here he she they we you
    i his her him them us me my your who what which when where why how also after before during
    since until while if because about against among between through
    """.split()
)


# --- names: particles, titles, organisations, places ----------------------------------------------

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
    authority club team channel radio television tv navy survey
    """.split()
)


#: Second halves of hyphenated words that make a name a modifier: "Britain-based", "U.S.-led".
NAME_SUFFIXES = frozenset(
    """
    based led backed born style era like linked allied affiliated controlled held run owned funded
    sponsored made bound friendly aligned speaking dominated related centric wide level area
    trained armed inspired sized type bred
    """.split()
)


#: Prefixes that make a hyphenated word an adjective: "anti-Assad", "pro-Western".
ADJECTIVE_PREFIXES = frozenset(
    "anti pro non ex pre post mid pan neo semi multi self co counter cross inter intra ultra".split()
)


DEMONYM_SUFFIXES = ("n", "an", "ian", "ese", "i", "ean")


IRREGULAR_DEMONYMS = {
    "britain": {"british", "briton", "britons", "brit", "brits"},
    "france": {"french", "frenchman", "frenchmen"},
    "germany": {"german", "germans"},
    "netherlands": {"dutch"},
    "holland": {"dutch"},
    "lebanon": {"lebanese"},
    "turkey": {"turkish", "turk", "turks"},
    "spain": {"spanish", "spaniard", "spaniards"},
    "greece": {"greek", "greeks"},
    "switzerland": {"swiss"},
    "philippines": {"filipino", "filipinos", "philippine"},
    "poland": {"polish", "pole", "poles"},
    "sweden": {"swedish", "swede", "swedes"},
    "denmark": {"danish", "dane", "danes"},
    "finland": {"finnish", "finn", "finns"},
    "ireland": {"irish"},
    "wales": {"welsh"},
    "scotland": {"scottish", "scot", "scots"},
    "england": {"english"},
    "afghanistan": {"afghan", "afghans"},
    "thailand": {"thai", "thais"},
    "peru": {"peruvian", "peruvians"},
    "china": {"chinese"},
    "japan": {"japanese"},
    "vietnam": {"vietnamese"},
    "portugal": {"portuguese"},
    "congo": {"congolese"},
    "yemen": {"yemeni", "yemenis"},
    "saudi arabia": {"saudi", "saudis"},
    "somalia": {"somali", "somalis"},
    "iraq": {"iraqi", "iraqis"},
    "israel": {"israeli", "israelis"},
    "pakistan": {"pakistani", "pakistanis"},
    "bangladesh": {"bangladeshi", "bangladeshis"},
    "kuwait": {"kuwaiti", "kuwaitis"},
    "oman": {"omani", "omanis"},
    "qatar": {"qatari", "qataris"},
    "new zealand": {"new zealander", "new zealanders", "kiwi", "kiwis"},
    "iceland": {"icelandic", "icelander", "icelanders"},
    "norway": {"norwegian", "norwegians"},
    "argentina": {"argentine", "argentinian", "argentines"},
    "cyprus": {"cypriot", "cypriots"},
    "madagascar": {"malagasy"},
    "haiti": {"haitian", "haitians"},
    "united states": {"american", "americans", "us"},
    "us": {"american", "americans"},
    "uk": {"british", "briton", "britons"},
    "united kingdom": {"british", "briton", "britons"},
}


#: Demonym-looking pairs that name different countries.
FALSE_DEMONYMS = frozenset({("niger", "nigerian"), ("niger", "nigerians")})


#: Words that make a place a different place: "Sudan" is not "South Sudan".
DISTINGUISHING_WORDS = frozenset(
    """
    north south east west northern southern eastern western central new upper lower greater
    little old great united democratic republic people's
    """.split()
)


NOT_NAMES = frozenset("the a an this that these those its his her their he she it they we i you".split())


# --- people: roles, descriptions, speakers --------------------------------------------------------

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


#: Modifiers that fit almost anyone of a rank: they never make two descriptions one person.
GENERIC_MODIFIERS = frozenset(
    """
    top senior former high-ranking high ranking key leading prominent junior new old longtime
    long-time one-time onetime current acting close powerful influential well-known longstanding
    """.split()
)


#: A description after these is a predicate ("he was a general"), not someone new.
PREDICATE_CUES = frozenset(
    "as is was were be been being became become becomes remain remains remained named "
    "appointed like unlike".split()
)


#: Speakers that name no one: a figure they give never clashes with a named speaker's.
UNNAMED_SPEAKERS = {"he", "she", "they", "it", "we", "i", "you", "officials", "sources", "reports"}


#: "according to reports" is a hedge, not a source: a phrase of only these names no speaker.
GENERIC_REPORTS = frozenset(
    "reports report media press news unconfirmed unverified some initial local the".split()
)


# --- verbs ----------------------------------------------------------------------------------------

#: Verbs of news narration with no "-ed" ending: a capitalised word followed by one of these (or
#: by an "-ed" word) is the subject of its sentence ("Fares fled", "Tlass met").
COMMON_VERBS = frozenset(
    """
    said says told tells was is has had will would did does spoke met went left fled quit took
    gave made came ran won lost wrote sent sat stood broke led fell rose sought knew saw thought
    """.split()
)


#: Verbs that end no "-ed": the narration verbs, auxiliaries and more irregular past tenses.
PLAIN_VERBS = COMMON_VERBS | frozenset(
    """
    are were be been have do can could should may might must held kept became began brought bought built
    caught chose drew drove fought found got grew heard hid hit hurt laid lent let meant paid put rode rang
    sold shot shut stole struck swore taught threw understood woke wore
    """.split()
)


#: Reporting verbs: the subject before one (or after an inverting one) is who a claim is attributed to.
SPEECH_VERBS = (
    "said says say told tells tell reported claimed claim announced announces added adds stated "
    "wrote writes declared declares insisted insists warned warns explained explains noted "
    "acknowledged acknowledges admitted admits argued argues asserted asserts confirmed confirms "
    "denied denies estimated estimates predicted tweeted testified vowed vows urged urges "
    "complained countered alleged alleges maintained maintains contended concluded revealed "
    "disclosed conceded recalled observed suggested speculated cautioned stressed emphasized "
    "emphasised reiterated believes believe"
).split()


#: Verbs that can come before their subject after a quotation: '"...," said Fares.'
INVERTING_VERBS = frozenset(
    "said says added adds told wrote writes continued explained insisted noted warned recalled asked".split()
)


#: Stance reversals that carry no negation word: "supports" vs "opposes".
ANTONYM_STEMS = [
    tuple(p.split("/"))
    for p in (
        "support/oppos",
        "favor/oppos",
        "favour/oppos",
        # to back a plan, not "a back door" or "brought back into"
        r"back(?:s|ed|ing)?\b(?!\s+(?:door|to|in|into|from|up|down|out|off|home|away|then))/oppos",
        "accept/reject",
        "approv/reject",
        r"confirm/den(?:y|ies|ied|ying|ial)\b",
        r"admit/den(?:y|ies|ied|ying|ial)\b",
        r"allow/ban(?:s|ned|ning)?\b",
        "allow/forb",
        "increas/decreas",
        r"ris(?:e|es|en|ing)\b/fall(?:s|en|ing)?\b",
        r"rose\b/fell\b",  # not "fellow"
        r"win(?:s|ning)?\b/los(?:e|es|ing)\b",  # not "window", "Los Angeles"
        r"won\b/lost\b",  # not "wonder"; "lost wages" is rare beside a win
        r"guilty/innocent",
        "guilty/acquit",
        r"alive\b/dead\b",
        r"open/clos(?:e|es|ed|ing|ure)\b",
        "legal/illegal",
        "agree/disagree",
        "praise/critici",
        r"lift(?:s|ed|ing)?\b/impos",
        r"ended\b/began\b",
        "resign/appoint",
        "release/detain",
        r"higher\b/lower\b",
        r"more\b/fewer\b",
    )
]


# --- one stemmer ----------------------------------------------------------------------------------


def stem(word: str) -> str:
    """Lower case, one inflection off, at least three letters kept: "killing", "killed" and "kills"
    meet as "kill"; "refused" gives "refus", a prefix of "refusal". Enough for overlap tests
    between two claims, without a stemmer dependency."""
    w = word.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    # "change" meets "changes" and "changed" as "chang", "tree" meets "trees" as "tre"
    return w[:-1] if w.endswith("e") and len(w) >= 4 else w


# --- what a figure is about (compare.atoms) ------------------------------------------------------

#: Event classes and the word stems that name them (regular-expression prefixes, matched at a
#: word start): the event word nearest a figure in its clause says what the figure counts.
PREDICATES = {
    "death": (
        "kill",
        r"dead\b",
        # not the penalty: "nine in favour of the death penalty" (nor "put him to death": reading)
        r"death(?![\s-]+(?:penalty|sentence|row|warrant|threat))",
        r"died\b",
        r"dies\b",
        r"die\b",
        "dying",
        "toll",
        "fatalit",
        "perish",
        "slain",
        "murder",
    ),
    "injury": ("injur", "wound", r"hurt\b", "hospitali"),
    "arrest": ("arrest", "detain", "detention", r"custody\b", "apprehend", "nabb", "captur", r"caught\b"),
    "missing": (r"missing\b",),
    "rescue": ("rescu",),
    "evacuation": (
        "evacuat",
        "homeless",
        "displac",
        r"fle(?:e|d|eing)\s+(?:from\s+)?(?:their|his|her)\s+homes",  # "forced to flee their homes"
    ),
    "protest": (r"march", "protest", r"rall(?:y|ies|ied)\b", "demonstrat", r"streets\b", r"crowd"),
    "seizure": (
        "seiz",
        "confiscat",
        r"recovered\b",
        r"found\b(?!\s+(?:guilty|dead|not|him|her|them|that))",
        r"discovered\b(?!\s+(?:that|the\s+truth))",
    ),
    "sentence": ("sentenc", r"prison\b", r"jail"),
    # Two degrees: what was flattened was damaged too, so "seven villages flattened" and "five
    # villages damaged" count two things, not one thing twice.
    "damage": ("damag",),
    # the worst of the damage: among the damaged, and never fewer than the destroyed
    "severe": (
        r"(?:badly|worst|hardest|severely)[\s-]+(?:hit|affected)\b",
        r"most\s+(?:strongly\s+|badly\s+|severely\s+)?affected\b",
    ),
    "destruction": ("destroy", "destruct", r"razed\b", r"level(?:l?ed|ling)\b", r"collaps", "flatten"),
    "population": ("population", r"residents\b", "inhabitant", r"home\s+to\b"),
    "cost": (
        r"cost",
        r"worth\b",
        r"fine[ds]?\b",
        r"bail\b",
        r"paid\b",
        r"price",
        r"loan",
        r"bailout",
        r"package\b",
        # what a company or a thing was bought for: "agreed to buy ATI for $5.4 billion" / "the deal,
        # valued at $5.6 billion"
        r"buy(?:s|ing)?\b",
        r"bought\b",
        r"acqui(?:re|red|res|ring|sition)",
        r"takeover",
        r"purchas",
        r"valued\b",
        r"pa(?:y|ys|ying)\b",
    ),
    # how many took part, not how many voted which way: "turnout reached 93.87 percent" / "90 per
    # cent of eligible voters had participated"
    "turnout": (
        "turnout",
        r"voters\s+(?:had\s+|have\s+)?(?:participated|turned\s+out|cast\s+(?:their\s+)?ballots)",
    ),
    "vote": (r"vote", "ballot"),
    "speed": (r"speeds?\b", r"winds?\s+of\b"),
    "temperature": ("temperature",),
    # events a story dates more often than it counts
    "verdict": ("convict", r"guilty\b", "acquit", "verdict"),
    "charge": (r"charg(?:e|ed|es|ing)\b", "indict"),
    "attack": (
        "attack",
        r"assault(?!\s+(?:rifle|weapon|gun)s?\b)",  # not "assault rifles"
        r"raid\b",
        "raids",
        "ambush",
        "bomb",
        "hijack",
        "thwart",
        r"foil(?:ed|s)?\b",
    ),
    "shooting": ("shoot", r"shot\b", "gunfire", r"opened\s+fire", "gunman"),
    "fire": (r"blaze\b", r"fire\s+broke\s+out", "arson", r"burn(?:ed|t|ing)\b"),
    "quake": ("quake", "earthquake", "tremor"),
    "aftershock": ("aftershock",),
    "sinking": (r"s[au]nk\b", r"sinking\b"),
    # a company's results: "a profit of $2.1 billion" / "quarterly profit came to $1.9 billion"; its
    # revenue is another figure
    "profit": (r"profits?\b", r"earnings\b", r"net\s+income\b"),
    "revenue": (r"revenues?\b",),
    "marriage": ("marri", "wedding"),
    "resignation": ("resign", r"st(?:ep|epped|eps|epping)\s+down\b"),
    "defection": ("defect",),
    "escape": ("escap", r"fled\b", r"flee"),
    # going into a clinic: "checked into Promises", "checked herself in", "entered rehab"
    "admission": (
        r"check(?:ed|s|ing)?\s+(?:(?:her|him|them)sel(?:f|ves)\s+)?in(?:to)?\b",
        r"entered\s+(?:a\s+|the\s+)?(?:[A-Z][\w'’]*\s+){0,3}(?:rehab|treatment|clinic|recovery)",
    ),
}

#: Counted nouns that count people in general (not a kind of them: "two women" among "three
#: people" is a part, not another total). The people of a place are its people: "two villagers
#: slightly injured" and "injuring five people" count one thing.
PEOPLE_NOUNS = frozenset("person victim casualty body dead fatality resident inhabitant villager".split())
#: Counted nouns that, with no event word beside them, tell how many live in a place.
DWELLERS = frozenset(("resident", "inhabitant"))

#: Counted nouns that belong to someone: "two children" is only ever someone's two children.
RELATIVE_NOUNS = frozenset(
    "child kid son daughter grandchild grandkid grandson granddaughter brother sister sibling wife "
    "husband parent".split()
)

#: Counted nouns that name one kind of thing: "skiffs" and "boats" count the same craft.
THING_CLASSES = {
    **dict.fromkeys(("boat", "skiff", "speedboat", "dinghy", "dhow", "vessel", "ship", "craft"), "boat"),
    **dict.fromkeys(("engine", "appliance", "fire engine", "fire truck"), "fire engine"),
    **dict.fromkeys(("car", "vehicle", "truck", "lorry"), "vehicle"),
    **dict.fromkeys(("house", "home", "dwelling"), "house"),
}

#: Units with a dimension, and the factor to that dimension's base unit (metre, kilogram, metre
#: per second, square metre, litre, day); money, percentages, degrees and magnitudes compare only
#: in the same unit (factor 1).
UNIT_DIMENSIONS = {
    **dict.fromkeys(("metre", "meter", "m"), ("length", 1.0)),
    **dict.fromkeys(("kilometre", "kilometer", "km"), ("length", 1000.0)),
    **dict.fromkeys(("centimetre", "centimeter", "cm"), ("length", 0.01)),
    **dict.fromkeys(("foot", "ft"), ("length", 0.3048)),
    "yard": ("length", 0.9144),
    "inch": ("length", 0.0254),
    "mile": ("length", 1609.344),
    "nautical mile": ("length", 1852.0),
    **dict.fromkeys(("kilogram", "kilo", "kg"), ("mass", 1.0)),
    **dict.fromkeys(("gram", "g"), ("mass", 0.001)),
    **dict.fromkeys(("tonne", "ton"), ("mass", 1000.0)),
    **dict.fromkeys(("lb", "lbs"), ("mass", 0.45359237)),
    "mph": ("speed", 0.44704),
    "km/h": ("speed", 1 / 3.6),
    "knot": ("speed", 0.514444),
    "square kilometre": ("area", 1e6),
    "square mile": ("area", 2.589988e6),
    "hectare": ("area", 1e4),
    "square metre": ("area", 1.0),
    "square foot": ("area", 0.09290304),
    "acre": ("area", 4046.8564),
    **dict.fromkeys(("litre", "liter"), ("volume", 1.0)),
    "gallon": ("volume", 3.785411784),
    "second": ("time", 1 / 86400),
    "minute": ("time", 1 / 1440),
    "hour": ("time", 1 / 24),
    "day": ("time", 1.0),
    "week": ("time", 7.0),
    "month": ("time", 30.44),
    "year": ("time", 365.25),
    "decade": ("time", 3652.5),
    **{c: ("money", 1.0) for c in ("dollar", "euro", "pound", "yen", "rupee")},
    "percent": ("percent", 1.0),
    "percentage point": ("percentage point", 1.0),
    "degree": ("degree", 1.0),
    "magnitude": ("magnitude", 1.0),
}

#: Words around a figure that make it a total, an increment or a part of another count:
#: scope -> (words just before it, words just after it). Only figures of one scope compare.
COUNT_SCOPES = {
    "total": (
        (r"a\s+total\s+of", r"total\s+of", r"in\s+all"),
        (r"in\s+all", r"in\s+total", "altogether", "overall"),
    ),
    "increment": (
        ("another", r"a\s+further", "further", r"an\s+additional", "additional", r"an\s+extra"),
        ("other", "more", "additional", "further", "extra"),
    ),
    "part": (
        (r"remaining", r"the\s+rest\s+of\s+the"),
        (r"of\s+them", r"of\s+whom", r"of\s+which", r"of\s+those", r"of\s+the"),
    ),
}
