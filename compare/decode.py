"""Bytes -> text, for files, standard input and web pages alike.

Its own module because both ingest (files, stdin) and the page reader need it: byte-order marks
first, then strict UTF-8, then Windows-1252; formats users paste by mistake (PDF, images,
archives) are refused by name. A page's declared charset is honoured where the bytes allow.
"""

from __future__ import annotations

import codecs
import re

from .errors import InputError

# Leading bytes of formats users paste by mistake, named so the error can say what it saw.
_SIGNATURES = (
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (docx/xlsx?)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def decode(data: bytes, label: str) -> str:
    """Bytes -> text: BOMs first, then strict UTF-8, then Windows-1252 (a superset of Latin-1 in
    practice for news text). Binary input is an error naming the file."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(
                    f"{label}: starts with a {encoding} byte-order mark but does not decode as "
                    f"{encoding}; re-save it as UTF-8"
                ) from None
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            raise InputError(
                f"{label}: looks like {what}, not text; save the article as plain text (UTF-8) and pass that"
            )
    if b"\x00" in data[:65536]:
        raise InputError(
            f"{label}: contains NUL bytes, so it is binary, not text; save the article as plain text "
            "(UTF-8) and pass that"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode_page(data: bytes, label: str, charset: str | None = None) -> str:
    """Bytes of a page -> text: the HTTP charset, then the page's own <meta charset>, then the
    generic ``decode`` (BOMs, UTF-8, cp1252), which also refuses binary data by name."""
    text = decode(data, label)  # validates: binary input is refused before we try any charset
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
        return text  # a byte-order mark beats any declaration (as in browsers)
    m = _META_CHARSET.search(data[:4096])
    for name in (charset, m and m.group(1).decode("ascii")):
        # A page cannot declare itself UTF-16 from inside ASCII-compatible bytes; browsers ignore that.
        if name and not name.lower().startswith(("utf-16", "utf-32", "utf16", "utf32")):
            try:
                return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue  # a wrong or unknown declaration: fall back to what the bytes say
    return text


# --- text decoded wrongly before it reached us ----------------------------------------------

# Mojibake of UTF-8 read as Windows-1252 or Latin-1 ("womanâ€™s", "cafÃ©"): each character stands
# for one byte, and the bytes make whole UTF-8 sequences, a lead byte (0xC2-0xF4: "Â" to "ô") then
# one to three continuation bytes (0x80-0xBF: "€", "™", "©", a no-break space...).
_MOJIBAKE_LEAD = re.compile("[\u00c2-\u00f4]")


def repair(text: str) -> tuple[str, list[tuple[int, int]] | None, int]:
    """Mojibake repaired, one garbled sequence at a time: where ftfy judges a sequence bad
    ("â€™", "Ã©", "Â£"; never "café") it is read back through ftfy's Windows-1252 codec as the
    UTF-8 it was. A sequence is judged and repaired by itself, so a claim's text repairs the same
    way alone as inside its article. Text garbled twice ("ÃƒÂ©") takes a second pass.

    Returns ``(fixed, spans, n)``: ``spans[k]`` is the ``(start, end)`` in ``text`` of
    ``fixed[k]`` (a repaired character spans its whole garbled sequence), or None when nothing
    was repaired; ``n`` counts the repaired characters of the result.
    """
    fixed, spans = text, None
    for _ in range(3):  # garbled once, twice, three times
        step = _repair_once(fixed)
        if step is None:
            break
        out, step_spans = step
        spans = step_spans if spans is None else [(spans[s][0], spans[e - 1][1]) for s, e in step_spans]
        fixed = out
    if spans is None:
        return text, None, 0
    return (
        fixed,
        spans,
        sum(1 for ch, (s, e) in zip(fixed, spans, strict=True) if e - s != 1 or text[s] != ch),
    )


def _repair_once(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    if not _MOJIBAKE_LEAD.search(text):
        return None
    import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252"); small, needed rarely
    from ftfy.badness import is_bad

    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _MOJIBAKE_LEAD.finditer(text):
        i = m.start()
        if i < pos:
            continue
        lead = ord(text[i])
        width = 2 if lead <= 0xDF else 3 if lead <= 0xEF else 4
        seq = text[i : i + width]
        try:
            raw = seq.encode("sloppy-windows-1252")
            ch = raw.decode("utf-8") if len(raw) == width and all(0x80 <= b <= 0xBF for b in raw[1:]) else ""
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if len(ch) != 1 or not is_bad(seq):
            continue
        out.append(text[pos:i])
        spans.extend((k, k + 1) for k in range(pos, i))
        out.append(ch)
        spans.append((i, i + width))
        pos = i + width
    if not out:
        return None
    out.append(text[pos:])
    spans.extend((k, k + 1) for k in range(pos, len(text)))
    return "".join(out), spans
