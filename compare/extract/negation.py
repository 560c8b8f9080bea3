"""Negation cues of a claim's main assertion.

Only cues that flip what the claim asserts count: "not only", "no doubt", "if not", "no more
than 20" (a quantity bound) and the "not" inside a hedge ("could not be verified") do not, and
neither does a negation inside a relative clause ("Fares, who has not spoken publicly, said").
"""

from __future__ import annotations

import re

from .hedges import hedge_spans

_CUE_RE = re.compile(
    r"\b(?:"
    r"(?P<multi>no\s+longer|no\s+one|failed\s+to|fail(?:s|ing)?\s+to|refus(?:ed|es|e|ing)\s+to"
    r"|declin(?:ed|es|e|ing)\s+to|unable\s+to)"
    r"|(?P<deny>denied|denies|deny|denying)"
    r"|(?P<nt>\w+n['’]t|cannot"
    # Contractions whose apostrophe was lost in copying ("havent", "dont"); only the common
    # ones, spelled out, because "-nt" alone ends many words ("event", "want").
    r"|(?:are|is|was|were|have|has|had|do|does|did|wo|ca|could|should|would|must|need)nt)"
    r"|(?P<not>not)(?!\s+(?:only|just|merely|simply|least|to\s+mention|(?:more|less|fewer)\s+than)\b)"
    r"|(?P<no>no)(?![-.]|\s+(?:doubt|matter|wonder|sooner|(?:more|less|fewer)\s+than)\b)"
    r"|(?P<none>none)(?!\s+the\s+less\b)"
    r"|(?P<without>without)(?!\s+(?:a\s+)?(?:doubt|question)\b)"
    r"|(?P<word>never|nothing|nobody|nowhere|neither|nor)"
    r")\b",
    re.IGNORECASE,
)
_NOT_AFTER_RE = re.compile(r"\b(?:if|whether\s+or)\s+$", re.IGNORECASE)
_RELATIVE_RE = re.compile(r",\s*(?:who|which|whose)\b[^,]*,|\([^)]*\)", re.IGNORECASE)


def find_negation(text: str) -> tuple[str, ...]:
    """Negation cues in reading order, lower-cased; "n't" for any contracted negation."""
    masked = hedge_spans(text) + [m.span() for m in _RELATIVE_RE.finditer(text)]
    cues = []
    for m in _CUE_RE.finditer(text):
        if any(s <= m.start() < e for s, e in masked):
            continue
        if m["not"] and _NOT_AFTER_RE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "many, if not most"; "whether or not"
        if m["nt"]:
            cues.append("cannot" if m["nt"].lower() == "cannot" else "n't")
        else:
            cues.append(" ".join(m.group().lower().split()))
    return tuple(cues)
