"""Fuzz the whole pipeline on mutated real articles (issue #6).

Every iteration takes the seed articles (seeds/*.txt), mutates them at the byte level (deletions,
duplications, inserted control bytes, NULs, BOMs, broken UTF-8, splices) and at the token level
(deleted, duplicated and swapped words and sentences; inserted quotes, HTML, Markdown, huge and
odd numbers, impossible dates, transcript labels, datelines, mixed scripts, bidi and zero-width
characters, line endings of every kind), then runs ingest -> clean -> segment -> extract -> embed
(the tests' fake embedder, for speed) -> align -> diff -> Markdown and JSON, through files on
disk or ``Article`` objects, with ``compare()`` and ``check()``.

A crash is any exception other than ``CompareError`` (a refused input is fine), a broken
invariant (invalid JSON, markup surviving in the Markdown, offsets that do not point at the
claim's text, evidence that is not the original text), or an iteration slower than --slow
seconds. Each is saved under --out with its inputs and traceback, once per distinct place.

    python fuzz/fuzz_pipeline.py --seconds 600              # plain mutation loop (default)
    python fuzz/fuzz_pipeline.py --engine atheris -- -max_total_time=600
                                             # coverage-guided, if atheris is installed
    python fuzz/fuzz_pipeline.py --replay DIR               # re-run saved crashes (after a fix)
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import hashlib
import json
import os
import random
import re
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

# --------------------------------------------------------------------------------------------
# Mutations
# --------------------------------------------------------------------------------------------

_QUOTES = [
    '"',
    "'",
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "\u00ab",
    "\u00bb",
    "\u201e",
    "\u2039",
    "\u300c",
    '""',
    "'''",
]
_HTML = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "</td></tr>",
    "<!--",
    "-->",
    "<br>",
    "&amp;",
    "&lt;b&gt;",
    "&#x202e;",
    "<p>",
    "</p>",
    "<iframe src=x>",
    "<style>*{}</style>",
]
_MARKDOWN = [
    "|",
    "||",
    "| --- |",
    "`",
    "```",
    "**",
    "_",
    "~~",
    "# ",
    "> ",
    "- ",
    "1. ",
    "[x](javascript:alert(1))",
    "![i](http://e/x.png)",
    "\\",
    "<https://x.example>",
    "[^1]",
    "---",
]
_NUMBERS = [
    "9" * 400,
    "1" + "0" * 40,
    "1e308",
    "1e999",
    "-0",
    "0.0000000001",
    "1,000,000,000,000,000,000",
    "12.5.3",
    "1/0",
    "½",
    "⅓",
    "٣٤",
    "१२३",
    "३",
    "Ⅻ",
    "twelve million billion",
    "a dozen",
    "7,5",
    "1 000 000",
    "$9.99bn",
    "€-5",
    "-12 percent",
    "12-14",
    "between 10 and 5",
    "at least -3",
    "more than 0",
    "nearly 1e400",
    "99999999999999999999999999 people",
    "0x1F",
    "NaN",
    "inf",
    "Infinity people",
    "∞",
]
_DATES = [
    "February 30, 2012",
    "0000-00-00",
    "9999-12-31",
    "31/31/2012",
    "year 99999",
    "in 10000",
    "July 12, 20120",
    "last week",
    "two weeks ago",
    "100000 years ago",
    "next 9999999 days",
    "since March 2011",
    "Thursday",
    "yesterday",
    "on 32 July",
    "1 January 1",
    "in 1",
    "the 1990s",
    "12:99 p.m.",
    "2012-13-45",
]
_NEWS = [
    "Mr.",
    "U.N.",
    "U.S.",
    "Brig. Gen.",
    "p.m.",
    "a.m.",
    "No.",
    "Jan.",
    "(AP)",
    "(Reuters) -",
    "BEIRUT -",
    "Q:",
    "A:",
    "FARES:",
    "CNN:",
    "BREAKING:",
    "Watch the video",
    "Read more",
    "Advertisement",
    "By John Smith",
    "Photo: AP",
    "said",
    "told",
    "according to",
    "not",
    "never",
    "denied",
    "allegedly",
    "killed",
    "injured",
    "at least",
    "Assad",
    "al-Assad",
    "Syria",
    "Syrian",
    "Treemseh",
    "Hama",
    "Fares",
    "Nawaf al-Fares",
    "the Syrian Observatory",
]
_SCRIPTS = [
    "\u0627\u0644\u0623\u0633\u062f",
    "\u0414\u0430\u043c\u0430\u0441\u043a",
    "\u4e2d\u56fd\u4eba",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u0928\u092e\u0938\u094d\u0924\u0947",
    "\U0001f600\U0001f4a5",
    "e\u0301\u0301\u0301",
    "Z\u0351\u0364\u0300",
    "\u0130stanbul",
    "STRA\u1e9eE",
    "\u03a3\u039f\u03a3",
    "\uff21\uff53\uff53\uff41\uff44",
    "\ufb01\ufb02\ufb03",
    "\u1100\u1161\u11a8",
    "\U00010348",
    "\u00df\u00e6\u00f8",
]
_INVISIBLE = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2069",
    "\u061c",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\u0085",
    "\u3000",
    "\u180e",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x07",
    "\x7f",
    "\x9b",
    "\x00",
    "\ud800",
    "\udfff",
    "\udcff",
]
_LINES = ["\n", "\r\n", "\r", "\n\n", "\r\r", "\n\r", " \n ", "\t", "\n\n\n\n"]
_TOKEN_DICT = _QUOTES + _HTML + _MARKDOWN + _NUMBERS + _DATES + _NEWS + _SCRIPTS + _INVISIBLE + _LINES
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_SENTENCE = re.compile(r"[^.!?\n]*[.!?\n]+|[^.!?\n]+$")
_BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]
_BAD_BYTES = [
    b"\xff",
    b"\xc3",
    b"\xe2\x80",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xc0\xaf",
    b"\x80\x81",
    b"\x00",
    b"\x1b",
    b"\x9d",
    b"\x81",
    b"\xfe\xff",
    b"%PDF",
    b"\x89PNG",
]


def mutate_text(rng: random.Random, text: str, other: str) -> str:
    """Token- and sentence-level mutations of article text."""
    toks = _TOKEN.findall(text) or [text]
    for _ in range(rng.choice((1, 1, 2, 3, 5, 10, 30))):
        op = rng.randrange(12)
        n = len(toks)
        i = rng.randrange(n) if n else 0
        if op == 0 and n:  # delete a run of tokens
            del toks[i : i + rng.randint(1, 40)]
        elif op == 1 and n:  # duplicate a run
            j = i + rng.randint(1, 60)
            toks[i:i] = toks[i:j] * rng.randint(1, 3)
        elif op == 2:  # insert something nasty
            toks.insert(i, rng.choice(_TOKEN_DICT))
        elif op == 3 and n:  # replace a number-ish or word token
            toks[i] = rng.choice(_NUMBERS + _DATES + _NEWS)
        elif op == 4 and n > 1:  # swap two tokens
            j = rng.randrange(n)
            toks[i], toks[j] = toks[j], toks[i]
        elif op == 5:  # splice a piece of the other article
            o = _TOKEN.findall(other)
            if o:
                k = rng.randrange(len(o))
                toks[i:i] = o[k : k + rng.randint(1, 200)]
        elif op == 6 and n:  # change every digit run
            toks = [rng.choice(_NUMBERS) if t.isdigit() and rng.random() < 0.5 else t for t in toks]
        elif op == 7 and n:  # case games
            toks[i] = rng.choice([toks[i].upper(), toks[i].lower(), toks[i].title(), toks[i][::-1]])
        elif op == 8:  # a huge token
            toks.insert(
                i, rng.choice(["x", "ab ", "9", ".", "\u201c", "-", "Mr. ", "| "]) * rng.randint(50, 3000)
            )
        elif op == 9:  # line ending games
            toks = [
                rng.choice(_LINES) if t.isspace() and "\n" in t and rng.random() < 0.5 else t for t in toks
            ]
        elif op == 10:  # whole-sentence edits
            sents = _SENTENCE.findall("".join(toks))
            if sents:
                k = rng.randrange(len(sents))
                how = rng.randrange(3)
                if how == 0:
                    del sents[k]
                elif how == 1:
                    sents.insert(rng.randrange(len(sents) + 1), sents[k])
                else:
                    rng.shuffle(sents)
                toks = _TOKEN.findall("".join(sents))
        elif op == 11 and n:  # sprinkle invisible characters
            for _ in range(rng.randint(1, 20)):
                toks.insert(rng.randrange(len(toks) + 1), rng.choice(_INVISIBLE))
    return "".join(toks)


def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    """Byte-level mutations of an encoded article."""
    b = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 4, 8))):
        op = rng.randrange(7)
        i = rng.randrange(len(b) + 1)
        if op == 0 and b:
            del b[i : i + rng.randint(1, 64)]
        elif op == 1:
            b[i:i] = b[i : i + rng.randint(1, 256)] * rng.randint(1, 4)
        elif op == 2:
            b[i:i] = rng.choice(_BAD_BYTES)
        elif op == 3 and b:
            for _ in range(rng.randint(1, 8)):
                k = rng.randrange(len(b))
                b[k] ^= 1 << rng.randrange(8)
        elif op == 4:
            b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif op == 5:
            b = bytearray(b[: rng.randrange(len(b) + 1)])
        elif op == 6 and b:
            b[i:i] = bytes([rng.choice((0x0B, 0x0C, 0x1B, 0x7F, 0x85, 0xA0, 0x0D))]) * rng.randint(1, 5)
    return bytes(b)


def encode(rng: random.Random, text: str) -> bytes:
    how = rng.randrange(20)
    try:
        if how <= 1:
            return codecs.BOM_UTF16_LE + text.encode("utf-16-le", "surrogatepass")
        if how == 2:
            return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
        if how <= 4:
            return text.encode("cp1252", "replace")
        if how == 5:
            return rng.choice(_BOMS) + text.encode("utf-8", "surrogateescape")
    except (UnicodeError, ValueError):
        pass
    return text.encode("utf-8", "surrogatepass")


# --------------------------------------------------------------------------------------------
# One iteration
# --------------------------------------------------------------------------------------------


class Case:
    """The inputs of one iteration, enough to replay it."""

    def __init__(self, mode: str, items: list[dict], call: str, published: dict, names: dict):
        self.mode, self.items, self.call, self.published, self.names = mode, items, call, published, names


def make_case(rng: random.Random, seeds: list[str]) -> Case:
    k = rng.choice((2, 2, 2, 3))
    base = [rng.choice(seeds) for _ in range(k)]
    if rng.random() < 0.5:  # the same story twice, one of them mutated: alignment and diff get work
        base[1] = base[0]
    texts = []
    for n, t in enumerate(base):
        if n == 0 or rng.random() < 0.8:
            t = mutate_text(rng, t, rng.choice(seeds))
        texts.append(t)
    mode = rng.choice(("files", "files", "articles"))
    items = []
    for n, t in enumerate(texts):
        if mode == "files":
            data = encode(rng, t)
            if rng.random() < 0.25:
                data = mutate_bytes(rng, data)
            items.append({"name": f"src{n}.txt", "bytes": data})
        else:
            items.append({"id": rng.choice([f"s{n}", f"s{n}|<b>", f"s{n}\udcff", f"s{n}`x`"]), "text": t})
    published = {}
    names = {}
    if rng.random() < 0.4:
        for n in range(len(items)):
            if rng.random() < 0.7:
                d = rng.choice(
                    [
                        dt.date(2012, 7, 12),
                        dt.date(2012, 7, 18),
                        dt.date(1, 1, 1),
                        dt.date(9999, 12, 31),
                        dt.date(2000, 2, 29),
                        dt.date(1970, 1, 1),
                    ]
                )
                published[n] = d.isoformat()
    if rng.random() < 0.2:
        names[0] = rng.choice(
            ["<script>x</script>", "| a | b |", "`code`", "\u202eevil", "x" * 500, "\x1b[31m"]
        )
    return Case(mode, items, rng.choice(("compare", "compare", "check")), published, names)


def run_case(case: Case, workdir: Path) -> dict | None:
    """Run one case through the pipeline and the renderers; raise on any crash or broken invariant."""
    import compare.pipeline as pipeline
    from compare import Article
    from compare.errors import CompareError
    from tests.conftest import FakeEmbedder

    if case.mode == "files":
        paths = []
        for it in case.items:
            p = workdir / it["name"]
            p.write_bytes(it["bytes"])
            paths.append(str(p))
        inputs = paths
        ids = [Path(p).stem for p in paths]
    else:
        inputs = [Article(text=it["text"], id=it["id"]) for it in case.items]
        ids = [it["id"] for it in case.items]
    published = {ids[n]: v for n, v in case.published.items() if n < len(ids)}
    names = {ids[n]: v for n, v in case.names.items() if n < len(ids)}
    try:
        if case.call == "check":
            report = pipeline.check(
                inputs[0],
                inputs[1:],
                names=names,
                published=published,
                embedder=FakeEmbedder(),
                cache_dir=None,
            )
        else:
            report = pipeline.compare(
                inputs, names=names, published=published, embedder=FakeEmbedder(), cache_dir=None
            )
    except CompareError as e:
        assert "\n" not in str(e), "a CompareError message spans several lines"
        return {"refused": type(e).__name__, "message": str(e)}
    verify(report)
    return {"claims": len(report.claims), "findings": len(report.findings)}


def _strict(constant: str):
    raise ValueError(f"JSON holds {constant}, which is not JSON")


def _as_json_reads(text: str) -> str:
    # Two lone surrogates side by side ("\ud800\udcff") are one character to any JSON reader.
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


_MD_BAD = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def verify(report) -> None:
    """Invariants of a finished report."""
    sources = {s.id: s for s in report.sources}
    from compare.clean import normalize_text

    for c in report.claims:
        src = sources[c.source].text
        assert 0 <= c.start <= c.end <= len(src), f"claim {c.id} offsets {c.start}-{c.end} outside its source"
        got = normalize_text(src[c.start : c.end])
        assert got == c.text or (c.text in got and len(got) - len(c.text) <= 6), (
            f"claim {c.id} offsets do not point at its text"
        )
        for q in c.facts.quantities:
            assert c.text[q.start : q.end] == q.text, f"quantity span of {c.id}"
        for e in c.facts.entities:
            assert c.text[e.start : e.end] == e.text, f"entity span of {c.id}"
        for t in c.facts.times:
            assert c.text[t.start : t.end] == t.text, f"time span of {c.id}"
    for s in report.skipped:
        assert 0 <= s.start <= s.end <= len(sources[s.source].text), "skipped span outside its source"
    data = json.loads(report.to_json(), parse_constant=_strict)
    for f in data["findings"]:
        for ev in f["evidence"]:
            original = sources[ev["source"]].text[ev["start"] : ev["end"]]
            assert ev["quote"] == _as_json_reads(original), "evidence is not the original text"
    md = report.to_markdown()
    assert not _MD_BAD.search(md), "control character or surrogate in the Markdown"
    assert "<" not in md.replace("&lt;", ""), "raw < in the Markdown"
    assert not re.search(r"(?<!\\)\]\(", md), "link syntax in the Markdown"
    assert not re.search(r"(?<!\\)`", md), "code span in the Markdown"
    width = None
    for line in md.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        cells = len(re.findall(r"(?<!\\)\|", line))
        width = cells if width is None else width
        assert cells == width, "a table row has the wrong number of cells"
    md.encode("utf-8")
    try:
        from compare.render import html as _html  # another renderer, when present
    except ImportError:
        _html = None
    if _html is not None and hasattr(report, "render"):
        try:
            out = report.render("html")
        except Exception as e:
            from compare.errors import CompareError

            if isinstance(e, CompareError):
                return
            raise
        out.encode("utf-8")


# --------------------------------------------------------------------------------------------
# Crash bookkeeping
# --------------------------------------------------------------------------------------------


class Slow(Exception):
    pass


def _on_alarm(signum, frame):
    raise Slow("iteration took too long")


def signature(error: BaseException) -> str:
    """Where a crash happened: exception type and the innermost frame in compare/."""
    tb = traceback.extract_tb(error.__traceback__)
    ours = [f for f in tb if "/compare/" in f.filename.replace(os.sep, "/")] or tb[-1:]
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}:{ours[-1].name}" if ours else "?"
    msg = str(error).split("\n")[0][:80] if isinstance(error, AssertionError) else ""
    return f"{type(error).__name__} at {where} {msg}".strip()


def save(out: Path, case: Case, error: BaseException, sig: str) -> Path:
    h = hashlib.sha1(sig.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    d = out / h
    d.mkdir(parents=True, exist_ok=True)
    (d / "signature.txt").write_text(sig + "\n", encoding="utf-8", errors="backslashreplace")
    (d / "traceback.txt").write_text(
        "".join(traceback.format_exception(type(error), error, error.__traceback__)),
        encoding="utf-8",
        errors="backslashreplace",
    )
    meta = {
        "mode": case.mode,
        "call": case.call,
        "published": case.published,
        "names": case.names,
        "items": [],
    }
    for n, it in enumerate(case.items):
        if "bytes" in it:
            (d / it["name"]).write_bytes(it["bytes"])
            meta["items"].append({"name": it["name"]})
        else:
            (d / f"text{n}.txt").write_bytes(it["text"].encode("utf-8", "surrogatepass"))
            meta["items"].append({"id": it["id"], "file": f"text{n}.txt"})
    (d / "case.json").write_text(json.dumps(meta, ensure_ascii=True, indent=1), encoding="ascii")
    return d


def load(d: Path) -> Case:
    meta = json.loads((d / "case.json").read_text(encoding="ascii"))
    items = []
    for it in meta["items"]:
        if "name" in it:
            items.append({"name": it["name"], "bytes": (d / it["name"]).read_bytes()})
        else:
            items.append(
                {"id": it["id"], "text": (d / it["file"]).read_bytes().decode("utf-8", "surrogatepass")}
            )
    return Case(
        meta["mode"],
        items,
        meta["call"],
        {int(k): v for k, v in meta["published"].items()},
        {int(k): v for k, v in meta["names"].items()},
    )


def seed_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if not texts:
        raise SystemExit("no seeds/*.txt to mutate")
    return texts


# --------------------------------------------------------------------------------------------
# Engines
# --------------------------------------------------------------------------------------------


def loop(
    seconds: float, seed: int, out: Path, slow: int, report_every: float, iterations: int | None = None
) -> int:
    seeds = seed_texts()
    rng = random.Random(seed)
    stats = {"iterations": 0, "refused": 0, "crashes": 0, "claims": 0}
    found: dict[str, Path] = {}
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    start = last = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="compare-fuzz-") as tmp:
        work = Path(tmp)
        while time.monotonic() - start < seconds and (iterations is None or stats["iterations"] < iterations):
            case = make_case(rng, seeds)
            stats["iterations"] += 1
            signal.alarm(slow)
            try:
                result = run_case(case, work)
                signal.alarm(0)
                if "refused" in result:
                    stats["refused"] += 1
                else:
                    stats["claims"] += result["claims"]
            except BaseException as e:  # noqa: BLE001 - a fuzzer records everything
                signal.alarm(0)
                if isinstance(e, KeyboardInterrupt):
                    break
                stats["crashes"] += 1
                sig = signature(e)
                if sig not in found:
                    found[sig] = save(out, case, e, sig)
                    print(f"[{stats['iterations']}] NEW CRASH {sig} -> {found[sig]}", flush=True)
            now = time.monotonic()
            if now - last >= report_every:
                last = now
                print(
                    f"{now - start:7.0f}s {stats['iterations']} iterations, {stats['refused']} "
                    "refused inputs, "
                    f"{stats['crashes']} crashes ({len(found)} distinct)",
                    flush=True,
                )
    signal.signal(signal.SIGALRM, previous)
    print(
        json.dumps(
            {
                **stats,
                "distinct": len(found),
                "seconds": round(time.monotonic() - start, 1),
                "signatures": sorted(found),
            },
            indent=1,
            ensure_ascii=True,
        )
    )
    return 1 if found else 0


def atheris_engine(argv: list[str], out: Path, slow: int) -> int:
    import atheris  # type: ignore[import-not-found]

    with atheris.instrument_imports(include=["compare"]):
        import compare.pipeline  # noqa: F401
        import compare.render.markdown  # noqa: F401
    seeds = seed_texts()
    found: dict[str, Path] = {}
    counter = {"n": 0}
    work = Path(tempfile.mkdtemp(prefix="compare-fuzz-"))
    signal.signal(signal.SIGALRM, _on_alarm)

    def one(data: bytes) -> None:
        counter["n"] += 1
        rng = random.Random(data)  # libFuzzer's bytes steer the structured mutations
        case = make_case(rng, seeds)
        if data and case.mode == "files":  # and are themselves an input, byte for byte
            case.items[0]["bytes"] = data[:200_000] + case.items[0]["bytes"][len(data) :]
        signal.alarm(slow)
        try:
            run_case(case, work)
            signal.alarm(0)
        except Exception as e:  # noqa: BLE001
            signal.alarm(0)
            sig = signature(e)
            if sig not in found:
                found[sig] = save(out, case, e, sig)
                print(f"[{counter['n']}] NEW CRASH {sig} -> {found[sig]}", flush=True)

    atheris.Setup([sys.argv[0], *argv], one)
    try:
        atheris.Fuzz()
    finally:
        print(
            json.dumps(
                {"iterations": counter["n"], "distinct": len(found), "signatures": sorted(found)}, indent=1
            )
        )
    return 1 if found else 0


def replay(dirs: list[Path]) -> int:
    failed = 0
    for root in dirs:
        for d in sorted({p.parent for p in root.rglob("case.json")}):
            with tempfile.TemporaryDirectory() as tmp:
                try:
                    result = run_case(load(d), Path(tmp))
                    print(f"ok    {d.name} {result}")
                except Exception as e:  # noqa: BLE001
                    failed += 1
                    print(f"FAIL  {d.name} {signature(e)}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--engine", choices=("loop", "atheris"), default="loop")
    ap.add_argument("--seconds", type=float, default=60.0, help="how long the loop runs")
    ap.add_argument("--iterations", type=int, default=None, help="stop the loop after this many iterations")
    ap.add_argument(
        "--seed", type=int, default=int(time.time()), help="random seed of the loop (printed, for replays)"
    )
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "compare-fuzz-crashes")
    ap.add_argument("--slow", type=int, default=60, help="seconds after which one iteration counts as a hang")
    ap.add_argument("--every", type=float, default=30.0, help="print progress this often (seconds)")
    ap.add_argument(
        "--replay", type=Path, nargs="*", help="re-run saved crashes in these folders instead of fuzzing"
    )
    ap.add_argument("rest", nargs="*", help="after --: libFuzzer flags for --engine atheris")
    args = ap.parse_args(argv)
    if args.replay is not None:
        return replay(args.replay or [args.out])
    print(f"engine {args.engine}, seed {args.seed}, crashes go to {args.out}", flush=True)
    if args.engine == "atheris":
        return atheris_engine(args.rest, args.out, args.slow)
    return loop(args.seconds, args.seed, args.out, args.slow, args.every, args.iterations)


if __name__ == "__main__":
    sys.exit(main())
