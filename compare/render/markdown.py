"""Report dict -> Markdown a journalist can act on.

Article text is never trusted: every string from an article passes through ``escape``, which
neutralises HTML, Markdown emphasis, links, images, table pipes, code spans and control
characters, so a hostile article cannot break the table layout or inject markup.
"""

from __future__ import annotations

import re

from ..kinds import KINDS, REPORT_KINDS

# Control characters, line/paragraph separators, lone surrogates and bidi overrides/isolates
# (which would let a name display reversed or reorder the text around it).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
# Only what can start markup mid-line: emphasis, code, links/images (need "["), tables, strike,
# headings; "(" "-" "+" ">" only matter at the start of a line, and escape() never starts one.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def escape(text: object) -> str:
    """Make arbitrary text safe inline in Markdown (and in the HTML it renders to)."""
    s = _CONTROL.sub(" ", str(text))
    s = " ".join(s.split())  # newlines would end a list item or a table row
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", s)


def _quote(report: dict, claim_id: str, names: dict[str, str]) -> str:
    c = report["_claims"][claim_id]
    return (
        f"**{escape(names[c['source']])}** ({escape(claim_id)}, chars {c['start']}-{c['end']}): "
        f"\u201c{escape(c['text'])}\u201d"
    )


def render(report: dict) -> str:
    report = dict(report, _claims={c["id"]: c for c in report["claims"]})
    names = {s["id"]: s["name"] for s in report["sources"]}
    ids = [s["id"] for s in report["sources"]]
    check = report.get("mode") == "check"
    out: list[str] = []
    title = " vs ".join(escape(names[i]) for i in ids)
    out.append(f"# {'Pre-publication check' if check else 'Comparison'}: {title}\n")
    out.append("| Source | Name | Published | Claims | Path |")
    out.append("|---|---|---|---:|---|")
    per_source = {i: sum(1 for c in report["claims"] if c["source"] == i) for i in ids}
    for s in report["sources"]:
        out.append(
            f"| {escape(s['id'])} | {escape(s['name'])} | {escape(s['published'] or 'unknown')} | "
            f"{per_source[s['id']]} | "
            f"{escape(s['path'] or '(text)')} |"
        )
    out.append("")
    for note in report.get("notes", []):
        out.append(f"> **Note:** {escape(note)}\n")
    kinds = [k for k in KINDS if any(f["kind"] == k for f in report["findings"])]
    out.append("## Summary\n")
    out.append("| Finding | " + " | ".join(escape(names[i]) for i in ids) + " | Total |")
    out.append("|---|" + "---:|" * (len(ids) + 1))
    for k in kinds:
        fs = [f for f in report["findings"] if f["kind"] == k]
        cells = [
            sum(1 for f in fs if any(report["_claims"][x]["source"] == i for x in f["claims"])) for i in ids
        ]
        out.append(f"| {k} | " + " | ".join(map(str, cells)) + f" | {len(fs)} |")
    out.append("")
    if check:
        _render_check(report, names, out)
    else:
        _render_compare(report, names, ids, out)
    if report["skipped"]:
        out.append(f"## Skipped text ({len(report['skipped'])})\n")
        out.append("Kept out of the claims: page furniture, datelines, interview questions.\n")
        out.append("| Source | Reason | Chars | Text |")
        out.append("|---|---|---|---|")
        for s in report["skipped"]:
            out.append(
                f"| {escape(names.get(s['source'], s['source']))} | {escape(s['reason'])} | "
                f"{s['start']}-{s['end']} | {escape(s['text'])} |"
            )
        out.append("")
    out.append(f"---\n*{escape(report['schema'])}; model {escape(report.get('model') or 'none')}*\n")
    return "\n".join(out)


def _render_compare(report: dict, names: dict[str, str], ids: list[str], out: list[str]) -> None:
    for kind in REPORT_KINDS[:-1]:  # the paired kinds; unique claims are listed per source below
        fs = [f for f in report["findings"] if f["kind"] == kind]
        if not fs and kind != "contradiction":
            continue
        out.append(f"## {KINDS[kind].title} ({len(fs)})\n")
        if not fs:
            out.append("None found.\n")
        for n, f in enumerate(fs, 1):
            head = "; ".join(
                f"{escape(c.get('fact') or c['type'])}: {escape(c['a'])} vs {escape(c['b'])}"
                for c in f["conflicts"]
            ) or escape(f["explanation"])
            scope = " (within one source)" if f.get("scope") == "within" else ""
            out.append(f"{n}. **{head}**{scope}")
            for cid in f["claims"]:
                out.append(f"   - {_quote(report, cid, names)}")
            out.append(f"   - Why: {escape(f['explanation'])}. Score {f['score']:.2f}.")
        out.append("")
    for sid in ids:
        fs = [
            f
            for f in report["findings"]
            if f["kind"] == "unique" and report["_claims"][f["claims"][0]]["source"] == sid
        ]
        out.append(f"## Unique to {escape(names[sid])} ({len(fs)})\n")
        for f in fs:
            c = report["_claims"][f["claims"][0]]
            out.append(
                f"- \u201c{escape(c['text'])}\u201d ({escape(c['id'])}, chars "
                f"{c['start']}-{c['end']}; {escape(f['explanation'])})"
            )
        out.append("")


def _render_check(report: dict, names: dict[str, str], out: list[str]) -> None:
    out.append("## Draft claims\n")
    out.append("| # | Verdict | Draft claim | Why |")
    out.append("|---:|---|---|---|")
    for n, f in enumerate(report["findings"], 1):
        c = report["_claims"][f["claims"][0]]
        out.append(f"| {n} | **{f['kind']}** | {escape(c['text'])} | {escape(f['explanation'])} |")
    out.append("")
    out.append("## Evidence\n")
    for n, f in enumerate(report["findings"], 1):
        if len(f["claims"]) < 2:
            continue
        out.append(f"{n}. **{f['kind']}**: {_quote(report, f['claims'][0], names)}")
        for cid in f["claims"][1:]:
            out.append(f"   - {_quote(report, cid, names)}")
        out.append(f"   - Why: {escape(f['explanation'])}. Score {f['score']:.2f}.")
    out.append("")
