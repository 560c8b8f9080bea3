"""Report -> one self-contained HTML page: the articles side by side with every claim marked by
its finding, the findings list, and a picture of who reports what.

Rules this module keeps, and why:
- Everything from an article (text, names, paths, ids) goes through ``_esc``; markup only ever
  comes from literals here. Element ids and data attributes use our own counters (``c-12``,
  ``f-3``), never article-derived ids, so no user string lands in a selector or an id.
- The page declares a strict Content-Security-Policy: no network, the stylesheet allowed by its
  hash, the script by a nonce. The nonce is derived from the report itself so the same report
  gives the same bytes (reports are compared and committed). No inline handlers or style
  attributes: both would need 'unsafe-inline'.
- It reads without JavaScript: claims are links to their finding in the plain list below; the
  script only adds the side panel, counterpart highlighting, arrow keys and matrix sorting.
- Colour is never the only signal: each kind also has an icon, an underline style and a label.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re

from ..kinds import KINDS, REPORT_KINDS

# The kinds by marking priority: the bars, legends and claim marks list them in this order.
_MARKING = sorted(KINDS, key=lambda k: KINDS[k].rank)
_MATRIX = {
    "contradicts": "\u2717 contradicts",
    "differs": "\u2260 differs",
    "agrees": "\u2713 agrees",
    "silent": "\u2014 silent",
}

# C0/C1 controls (bar tab and newline), lone surrogates (they cannot be encoded as UTF-8) and
# non-characters: shown as U+FFFD so the reader sees that something was there.
_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def _esc(text: object) -> str:
    s = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return html.escape(_BAD.sub("\ufffd", s), quote=True)


def _kind(kind: str) -> str:
    return kind if kind in KINDS else "other"  # class names come from our table only


def render(report: dict, texts: dict[str, str] | None = None) -> str:
    """Render a report dict (``Report.to_dict()``). ``texts`` maps source id -> original text for
    the side-by-side columns; without it the columns show the claims and skipped text alone."""
    texts = texts or {}
    claims = report["claims"]
    cidx = {c["id"]: n for n, c in enumerate(claims)}  # claim id -> our element number
    names = {s["id"]: s["name"] for s in report["sources"]}
    check = report.get("mode") == "check"

    # What each claim is part of: its findings (for the panel) and its counterparts (claims in
    # the same findings or the same fact), as our own element ids.
    in_findings: dict[int, list[int]] = {}
    peers: dict[int, set[int]] = {}
    for fn, f in enumerate(report["findings"]):
        members = [cidx[x] for x in f["claims"] if x in cidx]
        for m in members:
            in_findings.setdefault(m, []).append(fn)
            peers.setdefault(m, set()).update(members)
    for g in report.get("facts", []):
        members = [cidx[x] for x in g["claims"] if x in cidx]
        for m in members:
            peers.setdefault(m, set()).update(members)
    ckind = {
        m: min(
            (report["findings"][fn]["kind"] for fn in fns), key=lambda k: KINDS[k].rank if k in KINDS else 99
        )
        for m, fns in in_findings.items()
    }

    title = ("Pre-publication check: " if check else "Comparison: ") + " vs ".join(
        names[s["id"]] for s in report["sources"]
    )
    body = [f"<header><h1>{_esc(title)}</h1>"]
    body += [
        f'<p class="note" role="note"><strong>Note:</strong> {_esc(n)}</p>' for n in report.get("notes", [])
    ]
    body.append("</header>")
    body.append(_summary(report, ckind, cidx, check))
    body.append(_legend(report, ckind))
    body.append('<div class="workspace"><div class="columns">')
    for sn, s in enumerate(report["sources"]):
        body.append(_column(sn, s, report, texts.get(s["id"]), cidx, ckind, in_findings, peers, names))
    body.append(
        '</div><aside class="panel" id="panel" aria-label="Selected claim" aria-live="polite" hidden>'
        '<p class="hint">Select a claim (click it, or Tab to it; arrow keys move up and down a column, '
        "left and right to its counterpart) to see its finding here.</p><div "
        'id="panel-body"></div></aside></div>'
    )
    body.append(_findings(report, cidx, names, check))
    body.append(_skipped(report, names))
    body.append(
        f"<footer><p>{_esc(report['schema'])}; model {_esc(report.get('model') or 'none')}</p></footer>"
    )

    css, js = _CSS, _JS
    # Same report, same nonce, same bytes. A nonce guards against injected markup; there is none
    # here (everything is escaped), so reproducibility costs nothing.
    digest = hashlib.sha256(json.dumps(report, sort_keys=True, ensure_ascii=True).encode()).digest()
    nonce = base64.b64encode(digest[:18]).decode()
    style_hash = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    csp = (
        f"default-src 'none'; style-src 'sha256-{style_hash}'; script-src 'nonce-{nonce}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{_esc(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + f'\n<script nonce="{nonce}">{js}</script>\n</body>\n</html>\n'
    )


def render_report(report) -> str:
    """A ``Report`` object -> HTML, with the original texts for the columns (they are not part
    of the JSON contract, so they travel beside the dict)."""
    return render(report.to_dict(), {s.id: s.text for s in report.sources})


def notebook(report) -> str:
    """For ``_repr_html_``: the page in a sandboxed iframe, so its CSP, styles and script stay
    out of the notebook's own page (a CSP meta tag outside <head> would not apply anyway)."""
    return (
        f'<iframe title="{_esc("Comparison report")}" sandbox="allow-scripts" width="100%" height="760" '
        f'srcdoc="{_esc(render_report(report))}"></iframe>'
    )


def _summary(report: dict, ckind: dict[int, str], cidx: dict[str, int], check: bool) -> str:
    """One bar per source: what share of its claims is each kind. Check mode: the draft only."""
    sources = report["sources"][:1] if check else report["sources"]
    out = ['<section class="summary" aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2>']
    for s in sources:
        mine = [cidx[c["id"]] for c in report["claims"] if c["source"] == s["id"]]
        counts: dict[str, int] = {}
        for m in mine:
            k = ckind.get(m, "other")
            counts[k] = counts.get(k, 0) + 1
        total = max(1, len(mine))
        kinds = [k for k in [*_MARKING, "other"] if counts.get(k)]
        words = [
            (
                f"{counts[k]} {KINDS[k].label.lower() if k in KINDS else 'without a finding'} "
                f"({100 * counts[k] / total:.0f}%)"
            )
            for k in kinds
        ]
        label = f"{s['name']}: {len(mine)} claims; " + ", ".join(words)
        rects, x = [], 0.0
        for k in kinds:
            w = 1000 * counts[k] / total
            rects.append(
                f'<rect class="{_kind(k)}" x="{x:.1f}" y="0" width="{w:.1f}" '
                f'height="10"><title>{_esc(words[kinds.index(k)])}</title></rect>'
            )
            x += w
        legend = " \u00b7 ".join(
            f'<span class="tag {_kind(k)}">{_esc(w)}</span>' for k, w in zip(kinds, words, strict=True)
        )
        out.append(
            f'<div class="barrow"><p class="barname">{_esc(s["name"])} <span '
            f'class="muted">({len(mine)} claims)</span></p>'
            '<svg class="bar" viewBox="0 0 1000 10" preserveAspectRatio="none" role="img" '
            f'aria-label="{_esc(label)}">' + "".join(rects) + f'</svg><p class="barlegend">{legend}</p></div>'
        )
    if len(report["sources"]) > 2 and report.get("facts"):
        out.append(_matrix(report, cidx))
    out.append("</section>")
    return "\n".join(out)


def _matrix(report: dict, cidx: dict[str, int]) -> str:
    """Facts as rows, sources as columns: does each source agree, contradict, differ or stay
    silent? Rows come most contested first; the script can restore story order."""
    by_claim: dict[str, list[dict]] = {}
    for f in report["findings"]:
        for x in f["claims"]:
            by_claim.setdefault(x, []).append(f)
    src = {c["id"]: c["source"] for c in report["claims"]}
    rows = []
    for n, g in enumerate(report["facts"]):
        group = set(g["claims"])
        cells = []
        for s in report["sources"]:
            mine = [x for x in g["claims"] if src.get(x) == s["id"]]
            kinds = {
                f["kind"] for x in mine for f in by_claim.get(x, []) if len(set(f["claims"]) & group) > 1
            }
            cells.append(
                "silent"
                if not mine
                else "contradicts"
                if "contradiction" in kinds
                else "differs"
                if kinds & {"discrepancy", "update"}
                else "agrees"
            )
        score = 2 * cells.count("contradicts") + cells.count("differs")
        first = min((x for x in g["claims"] if x in cidx), key=cidx.get, default=None)
        rows.append((score, n, first, cells))
    out = [
        '<h3 id="h-matrix">Who reports what</h3>',
        '<table class="matrix" id="matrix" aria-labelledby="h-matrix"><thead><tr><th scope="col">Fact</th>',
    ]
    out += [f'<th scope="col">{_esc(s["name"])}</th>' for s in report["sources"]]
    out.append(
        '<th scope="col" aria-sort="descending"><button type="button" id="sort" data-by="contested">'
        'Contested <span class="muted">(sorted; click for story '
        "order)</span></button></th></tr></thead><tbody>"
    )
    claims = report["claims"]
    for score, n, first, cells in sorted(rows, key=lambda r: (-r[0], r[1])):
        text = claims[cidx[first]]["text"] if first else "(no claims)"
        text = text if len(text) <= 140 else text[:139] + "\u2026"
        label = f'<a href="#c-{cidx[first]}">{_esc(text)}</a>' if first else _esc(text)
        out.append(
            f'<tr data-order="{n}" data-score="{score}"><th scope="row">{label}</th>'
            + "".join(f'<td class="m-{c}">{_MATRIX[c]}</td>' for c in cells)
            + f"<td>{score}</td></tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out)


def _legend(report: dict, ckind: dict[int, str]) -> str:
    used = [k for k in _MARKING if k in ckind.values()]
    items = [
        f'<li id="kd-{k}"><span class="claim {k}">{KINDS[k].label}</span>: {KINDS[k].meaning}</li>'
        for k in used
    ]
    if report["skipped"]:
        items.append(
            '<li id="kd-skipped"><span class="skipped">Skipped</span>: page furniture kept out of '
            "the claims</li>"
        )
    return f'<section class="legend" aria-label="Legend"><ul>{"".join(items)}</ul></section>'


def _column(sn, s, report, text, cidx, ckind, in_findings, peers, names) -> str:
    spans = [(c["start"], c["end"], "claim", c) for c in report["claims"] if c["source"] == s["id"]]
    spans += [(k["start"], k["end"], "skip", k) for k in report["skipped"] if k["source"] == s["id"]]
    spans.sort(key=lambda x: (x[0], x[1]))
    if text is None:  # no original text: lay the pieces out one per line
        text, laid = "", []
        for _, _, what, item in spans:
            laid.append((len(text), len(text) + len(item["text"]), what, item))
            text += item["text"] + "\n"
        spans = laid
    parts, cursor = [], 0
    for start, end, what, item in spans:
        start, end = max(start, cursor), min(end, len(text))
        if end <= start:  # overlapping or out-of-range spans: never show text twice
            continue
        parts.append(_esc(text[cursor:start]))
        piece = _esc(text[start:end])
        if what == "skip":
            parts.append(
                f'<span class="skipped" title="{_esc("Skipped: " + item["reason"])}">'
                f'<span class="sr">[skipped: {_esc(item["reason"])}] </span>{piece}</span>'
            )
        else:
            m = cidx[item["id"]]
            fns = in_findings.get(m, [])
            k = ckind.get(m)
            attrs = f' aria-describedby="kd-{k}"' if k else ""
            others = " ".join(f"c-{p}" for p in sorted(peers.get(m, ())) if p != m)
            label = _esc(f"{names[s['id']]} \u00b7 {item['id']}")
            parts.append(
                f'<a class="claim {_kind(k) if k else "none"}" id="c-{m}" '
                f'href="#{f"f-{fns[0]}" if fns else f"c-{m}"}"'
                f' data-f="{" ".join(f"f-{x}" for x in fns)}" data-peers="{others}"'
                f' data-label="{label}"{attrs}>{piece}</a>'
            )
        cursor = end
    parts.append(_esc(text[cursor:]))
    n_claims = sum(1 for c in report["claims"] if c["source"] == s["id"])
    meta = [s["published"] and f"published {s['published']}", f"{n_claims} claims", s.get("path")]
    return (
        f'<article class="source" aria-labelledby="h-src-{sn}"><h2 id="h-src-{sn}">{_esc(s["name"])}</h2>'
        f'<p class="muted">{_esc(" · ".join(x for x in meta if x))}</p>'
        f'<div class="text">{"".join(parts)}</div></article>'
    )


def _finding(fn: int, f: dict, report: dict, cidx: dict[str, int], names: dict[str, str]) -> str:
    k = _kind(f["kind"])
    kind = KINDS.get(f["kind"])
    label, icon = (kind.label, kind.icon) if kind else (f["kind"], "\u2022")
    head = "; ".join(f"{c.get('fact') or c['type']}: {c['a']} vs {c['b']}" for c in f["conflicts"])
    scope = " (within one source)" if f.get("scope") == "within" else ""
    quotes = {e["claim"]: e["quote"] for e in f.get("evidence", [])}
    out = [
        f'<li id="f-{fn}" class="finding {k}"><p class="fhead"><span class="badge {k}">{icon} '
        f"{_esc(label)}</span> "
        f"<strong>{_esc(head)}</strong>{scope}</p>"
    ]
    for x in f["claims"]:
        if x not in cidx:
            continue
        c = report["claims"][cidx[x]]
        out.append(
            f'<blockquote><p class="cite"><a href="#c-{cidx[x]}">{_esc(names.get(c["source"], c["source"]))} '
            f'\u00b7 {_esc(x)}</a> <span class="muted">chars {c["start"]}\u2013{c["end"]}</span></p>'
            f"<p>\u201c{_esc(quotes.get(x, c['text']))}\u201d</p></blockquote>"
        )
    out.append(f'<p class="why">Why: {_esc(f["explanation"])}. Score {f["score"]:.2f}.</p></li>')
    return "".join(out)


def _findings(report: dict, cidx: dict[str, int], names: dict[str, str], check: bool) -> str:
    fs = list(enumerate(report["findings"]))
    src = {c["id"]: c["source"] for c in report["claims"]}
    if check:
        groups = [("Draft claims, in order", fs)]
    else:
        groups = [(KINDS[k].title, [(n, f) for n, f in fs if f["kind"] == k]) for k in REPORT_KINDS[:-1]]
        groups = [g for g in groups if g[1] or g[0] == "Contradictions"]
        groups += [
            (
                f"Unique to {names[s['id']]}",
                [(n, f) for n, f in fs if f["kind"] == "unique" and src.get(f["claims"][0]) == s["id"]],
            )
            for s in report["sources"]
        ]
        known = set(KINDS)
        rest = [(n, f) for n, f in fs if f["kind"] not in known]
        if rest:
            groups.append(("Other findings", rest))
    out = ['<section class="findings" aria-labelledby="h-findings"><h2 id="h-findings">Findings</h2>']
    for gn, (title, items) in enumerate(groups):
        out.append(f'<h3 id="h-g{gn}">{_esc(title)} ({len(items)})</h3>')
        listed = "".join(_finding(n, f, report, cidx, names) for n, f in items)
        out.append(f'<ol aria-labelledby="h-g{gn}">{listed}</ol>' if items else "<p>None found.</p>")
    out.append("</section>")
    return "\n".join(out)


def _skipped(report: dict, names: dict[str, str]) -> str:
    if not report["skipped"]:
        return ""
    rows = "".join(
        f"<tr><td>{_esc(names.get(s['source'], s['source']))}</td><td>{_esc(s['reason'])}</td>"
        f"<td>{s['start']}\u2013{s['end']}</td><td>{_esc(s['text'])}</td></tr>"
        for s in report["skipped"]
    )
    return (
        '<section class="skipped-list" aria-labelledby="h-skipped"><h2 id="h-skipped">Skipped text '
        f"({len(report['skipped'])})</h2>"
        "<p>Kept out of the claims: page furniture, datelines, interview questions.</p>"
        '<table><thead><tr><th scope="col">Source</th><th scope="col">Reason</th><th scope="col">Chars</th>'
        f'<th scope="col">Text</th></tr></thead><tbody>{rows}</tbody></table></section>'
    )


# Colours pass WCAG AA for text on white; every kind also differs in icon and underline style.
_CSS = """
:root{--agreement:#1b7a34;--contradiction:#b3261e;--discrepancy:#a35200;--update:#1f5fbf;--unique:#6a4c93;--muted:#5f6368}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;padding:1rem 1.5rem;max-width:110rem;color:#1f1f1f;background:#fff}
h1{font-size:1.5rem;margin:.2rem 0 .6rem}h2{font-size:1.15rem;margin:.4rem 0}h3{font-size:1rem;margin:1rem 0 .3rem}
.muted{color:var(--muted);font-weight:normal}.note{background:#fff4d6;border-left:4px solid #a35200;padding:.3rem .6rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.summary{margin-bottom:.6rem}.barrow{margin:.2rem 0 .5rem}.barname{margin:0;font-weight:600}.barlegend{margin:.1rem 0;font-size:.9rem}
.bar{display:block;width:100%;height:18px;border:1px solid #999;background:#eee}
rect.agreement,rect.supported{fill:var(--agreement)}rect.contradiction,rect.contradicted{fill:var(--contradiction)}
rect.discrepancy,rect.unsupported{fill:var(--discrepancy)}rect.update{fill:var(--update)}rect.unique{fill:var(--unique)}rect.other{fill:#bbb}
.legend ul{list-style:none;padding:0;margin:.3rem 0 .8rem;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;font-size:.9rem}
.workspace{display:grid;grid-template-columns:minmax(0,1fr) 24rem;gap:1rem;align-items:start}
.columns{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(18rem,1fr);gap:1rem;overflow-x:auto}
.source{border:1px solid #ccc;border-radius:6px;padding:.5rem .8rem;min-width:0}.source>.muted{margin:0 0 .4rem;font-size:.85rem;overflow-wrap:anywhere}
.text{white-space:pre-wrap;overflow-wrap:anywhere;max-height:72vh;overflow-y:auto;overflow-x:hidden;position:relative;padding-right:.3rem}
.claim{color:inherit;text-decoration:underline 2px;text-underline-offset:3px;border-radius:3px;padding:0 1px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.claim::before{font-weight:700;font-size:.8em;margin-right:.15em}
.claim.agreement,.claim.supported{background:#e3f4e6;text-decoration-color:var(--agreement);text-decoration-style:solid}
.claim.agreement::before,.claim.supported::before{content:"\\2713" / "";color:var(--agreement)}
.claim.contradiction,.claim.contradicted{background:#fde3e1;text-decoration-color:var(--contradiction);text-decoration-style:wavy}
.claim.contradiction::before,.claim.contradicted::before{content:"\\2717" / "";color:var(--contradiction)}
.claim.discrepancy,.claim.unsupported{background:#fdebd3;text-decoration-color:var(--discrepancy);text-decoration-style:dashed}
.claim.discrepancy::before{content:"\\2260" / "";color:var(--discrepancy)}.claim.unsupported::before{content:"?" / "";color:var(--discrepancy)}
.claim.update{background:#e1ebfb;text-decoration-color:var(--update);text-decoration-style:double}
.claim.update::before{content:"\\2191" / "";color:var(--update)}
.claim.unique{background:#f6f3fa;text-decoration:underline 1px dotted var(--unique)}
.claim.unique::before{content:"\\25C6" / "";color:var(--unique)}
.claim.none{text-decoration:none}
.claim:focus-visible{outline:3px solid #000;outline-offset:1px}
.claim.selected{outline:3px solid #000;outline-offset:1px;background:#fff59d}
.claim.counterpart{outline:3px dashed #000;outline-offset:1px;background:#fff9c4}
.claim.counterpart::after{content:" \\21C4" / " counterpart";font-weight:700}
.skipped{color:#6b6b6b;font-style:italic;background:repeating-linear-gradient(135deg,#f3f3f3 0 6px,#e6e6e6 6px 8px)}
.skipped::before{content:"\\2298 " / ""}
.panel{position:sticky;top:.5rem;border:2px solid #333;border-radius:6px;padding:.5rem .8rem;max-height:90vh;overflow-y:auto;font-size:.92rem}
.panel ul{list-style:none;padding:0;margin:0}.hint{color:var(--muted);margin:.2rem 0}
.finding{margin:.4rem 0 .9rem}.fhead{margin:.1rem 0}.why{margin:.2rem 0}
.badge{display:inline-block;border:1px solid currentColor;border-radius:3px;padding:0 .35rem;font-size:.85rem;font-weight:600}
.badge.agreement,.badge.supported{color:var(--agreement)}.badge.contradiction,.badge.contradicted{color:var(--contradiction)}
.badge.discrepancy,.badge.unsupported{color:var(--discrepancy)}.badge.update{color:var(--update)}.badge.unique{color:var(--unique)}
blockquote{margin:.3rem 0 .3rem .8rem;padding-left:.6rem;border-left:3px solid #bbb}blockquote p{margin:.1rem 0}
.tag.agreement,.tag.supported{color:var(--agreement)}.tag.contradiction,.tag.contradicted{color:var(--contradiction)}
.tag.discrepancy,.tag.unsupported{color:var(--discrepancy)}.tag.update{color:var(--update)}.tag.unique{color:var(--unique)}
table{border-collapse:collapse;margin:.3rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}
.matrix button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;text-decoration:underline}
.m-agrees{color:var(--agreement)}.m-contradicts{color:var(--contradiction);font-weight:700}.m-differs{color:var(--discrepancy)}.m-silent{color:var(--muted)}
footer{margin-top:1.5rem;color:var(--muted);font-size:.85rem}
@media (max-width:900px){.workspace{grid-template-columns:1fr}.columns{grid-auto-flow:row}.panel{position:static}}
"""  # noqa: E501 (text as written)

# Plain JavaScript, no libraries. Listeners are attached here (inline handlers would break the CSP).
_JS = """
(function () {
  "use strict";
  var panel = document.getElementById("panel"), out = document.getElementById("panel-body");
  var columns = Array.prototype.slice.call(document.querySelectorAll(".source .text"));
  var current = null;
  if (panel) panel.hidden = false;

  function claimsIn(col) { return Array.prototype.slice.call(col.querySelectorAll("a.claim")); }
  function ids(list) { return (list || "").split(" ").filter(Boolean); }

  function clear() {
    document.querySelectorAll(".claim.selected, .claim.counterpart").forEach(function (el) {
      el.classList.remove("selected", "counterpart");
      el.removeAttribute("aria-current");
    });
    current = null;
  }

  // Select a claim: mark it and its counterparts, scroll each other column to its first
  // counterpart (without moving the page), and show its findings in the panel.
  function select(el) {
    if (el === current) return;
    clear();
    current = el;
    el.classList.add("selected");
    el.setAttribute("aria-current", "true");
    var own = el.closest(".text"), scrolled = [];
    ids(el.dataset.peers).forEach(function (id) {
      var p = document.getElementById(id);
      if (!p) return;
      p.classList.add("counterpart");
      var col = p.closest(".text");
      if (col && col !== own && scrolled.indexOf(col) < 0) {
        scrolled.push(col);
        col.scrollTop = Math.max(0, p.offsetTop - col.clientHeight / 3);
      }
    });
    if (!out) return;
    out.textContent = "";
    var h = document.createElement("h2");
    h.textContent = el.dataset.label;
    out.appendChild(h);
    var list = document.createElement("ul"), fs = ids(el.dataset.f);
    fs.forEach(function (id) {
      var f = document.getElementById(id);
      if (!f) return;
      var copy = f.cloneNode(true);
      copy.removeAttribute("id");
      list.appendChild(copy);
    });
    if (!fs.length) {
      var p = document.createElement("p");
      p.textContent = "No finding for this claim.";
      list.appendChild(p);
    }
    out.appendChild(list);
  }

  function focusClaim(el) { if (el) { el.focus(); select(el); } }

  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a") : null;
    if (!a) return;
    if (a.classList.contains("claim")) { e.preventDefault(); focusClaim(a); return; }
    var href = a.getAttribute("href") || "";
    if (href.indexOf("#c-") === 0) {  // a quote's link: go to the claim in its column
      e.preventDefault();
      focusClaim(document.getElementById(href.slice(1)));
    }
  });

  document.addEventListener("focusin", function (e) {
    if (e.target.classList && e.target.classList.contains("claim") && e.target.tagName === "A") select(e.target);
  });

  // Arrow keys: up/down within a column, left/right to the neighbouring column's counterpart.
  document.addEventListener("keydown", function (e) {
    var el = e.target;
    if (!el.classList || !el.classList.contains("claim") || el.tagName !== "A") return;
    if (e.key === "Escape") { clear(); return; }
    var col = el.closest(".text"), here = claimsIn(col), i = here.indexOf(el), next = null;
    if (e.key === "ArrowDown") next = here[i + 1];
    else if (e.key === "ArrowUp") next = here[i - 1];
    else if (e.key === "Home") next = here[0];
    else if (e.key === "End") next = here[here.length - 1];
    else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      var other = columns[columns.indexOf(col) + (e.key === "ArrowRight" ? 1 : -1)];
      if (other) next = other.querySelector("a.claim.counterpart") || claimsIn(other)[0];
    } else return;
    if (next) { e.preventDefault(); focusClaim(next); }
  });

  // Matrix: toggle between most contested first and story order.
  var sort = document.getElementById("sort");
  if (sort) sort.addEventListener("click", function () {
    var body = document.querySelector("#matrix tbody");
    var rows = Array.prototype.slice.call(body.rows);
    var story = sort.dataset.by === "contested";
    rows.sort(function (a, b) {
      var d = story ? 0 : b.dataset.score - a.dataset.score;
      return d || a.dataset.order - b.dataset.order;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    sort.dataset.by = story ? "story" : "contested";
    sort.parentNode.setAttribute("aria-sort", story ? "none" : "descending");
    sort.querySelector("span").textContent = story ? "(story order; click to sort)" : "(sorted; click for story order)";
  });
})();
"""  # noqa: E501 (text as written)
