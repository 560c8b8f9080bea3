"""Measure the judgements on public labelled data, through the public API only.

Each set runs ``compare()`` or ``check()`` exactly as a user would, and beside each figure the
same run reports two plain baselines: a cosine threshold with the same model and rapidfuzz's
token-set ratio, each at the threshold that is best *on that very set* (an optimistic baseline:
ours gets no such help). The data are read where they lie (``../shared/data``); nothing from
them enters the package.
"""

from __future__ import annotations

import csv
import json
import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from .errors import CompareError, InputError
from .records import Article


@dataclass
class Row:
    name: str  # the title shown in the table
    n: int
    metrics: dict[str, float]  # ours
    baselines: dict[str, dict[str, float]] = field(default_factory=dict)
    note: str = ""
    set: str = ""  # the stable id of the set (a key of SETS): what quality floors are keyed by


class MemoEmbedder:
    """Remember every vector for the length of an evaluation: sets repeat sentences often."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.memo: dict[str, np.ndarray] = {}

    def warm(self, texts: Sequence[str]) -> None:
        todo = [t for t in dict.fromkeys(texts) if t not in self.memo]
        for i in range(0, len(todo), 2048):
            chunk = todo[i : i + 2048]
            self.memo.update(zip(chunk, self.inner.embed(chunk), strict=True))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.warm(texts)
        return np.stack([self.memo[t] for t in texts])


def _best_threshold(scores: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    """(accuracy, F1, threshold) of the best single threshold on this very set."""
    best = (0.0, 0.0, 0.0)
    for t in np.unique(np.round(scores, 3)):
        pred = scores >= t
        acc = float((pred == gold).mean())
        if acc > best[0]:
            best = (acc, _f1(pred, gold), float(t))
    return best


def _f1(pred: np.ndarray, gold: np.ndarray) -> float:
    tp = float((pred & gold).sum())
    p = tp / max(1.0, float(pred.sum()))
    r = tp / max(1.0, float(gold.sum()))
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _prf(pred: Sequence[str], gold: Sequence[str], label: str) -> tuple[float, float, float]:
    p_ = np.array([x == label for x in pred])
    g_ = np.array([x == label for x in gold])
    tp = float((p_ & g_).sum())
    precision = tp / max(1.0, float(p_.sum()))
    recall = tp / max(1.0, float(g_.sum()))
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, f1


def _scores(pairs: Sequence[tuple[str, str]], embedder: MemoEmbedder) -> dict[str, np.ndarray]:
    a = embedder.embed([p[0] for p in pairs])
    b = embedder.embed([p[1] for p in pairs])
    return {
        "cosine": (a * b).sum(axis=1),
        "token-set": np.array(
            [fuzz.token_set_ratio(x, y, processor=default_process) / 100.0 for x, y in pairs]
        ),
    }


def _baselines(
    pairs: Sequence[tuple[str, str]], gold: np.ndarray, embedder: MemoEmbedder
) -> dict[str, dict[str, float]]:
    out = {}
    for name, scores in _scores(pairs, embedder).items():
        acc, f1, t = _best_threshold(scores, gold)
        out[name] = {"accuracy": acc, "f1": f1, "threshold": t}
    return out


def _sample(rows: list, limit: int | None, seed: int = 0) -> list:
    if limit is None or limit >= len(rows):
        return rows
    return random.Random(seed).sample(rows, limit)


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def mrpc(data: Path, run: Callable, embedder: MemoEmbedder, limit: int | None) -> Row:
    rows = []
    with open(data / "mrpc" / "train.tsv", encoding="utf-8-sig", newline="") as f:
        for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r and r[0] in ("0", "1"):
                rows.append((r[3], r[4], r[0] == "1"))
    rows = _sample(rows, limit)
    embedder.warm([t for r in rows for t in r[:2]])
    pred = []
    for a, b, _ in rows:
        report = run.compare([Article(text=a, id="a"), Article(text=b, id="b")])
        pred.append(any(f.kind == "agreement" for f in report.findings))
    pred, gold = np.array(pred), np.array([r[2] for r in rows])
    return Row(
        "MRPC train: same fact (agreement = paraphrase)",
        len(rows),
        {"accuracy": float((pred == gold).mean()), "f1": _f1(pred, gold)},
        _baselines([(a, b) for a, b, _ in rows], gold, embedder),
    )


def _overall(verdicts: list[str]) -> str:
    """One verdict for a draft of one or more claims: any contradiction wins, then any gap."""
    if "contradicted" in verdicts:
        return "contradicted"
    return "supported" if verdicts and all(v == "supported" for v in verdicts) else "unsupported"


_VERDICT_RTE = {"supported": "entailment", "contradicted": "contradiction", "unsupported": "neutral"}


def rte3(data: Path, run: Callable, embedder: MemoEmbedder, limit: int | None) -> Row:
    rows = _sample(_read_jsonl(data / "rte3" / "dev.jsonl"), limit)
    embedder.warm([t for r in rows for t in (r["premise"], r["hypothesis"])])
    pred, gold = [], []
    for r in rows:
        report = run.check(
            Article(text=r["hypothesis"], id="draft"), [Article(text=r["premise"], id="source")]
        )
        verdicts = [f.kind for f in report.findings]
        kind = _overall(verdicts)
        pred.append(_VERDICT_RTE[kind])
        gold.append(r["label"])
    p, rc, f1 = _prf(pred, gold, "contradiction")
    pairs = [(r["premise"], r["hypothesis"]) for r in rows]
    base = _baselines(pairs, np.array([g == "entailment" for g in gold]), embedder)
    for name, scores in _scores(pairs, embedder).items():  # entailment above the threshold, else neutral
        t = base[name]["threshold"]
        base[name]["accuracy_3way"] = float(
            np.mean([("entailment" if x >= t else "neutral") == g for x, g in zip(scores, gold, strict=True)])
        )
    return Row(
        "RTE-3 dev: check(hypothesis, against=[premise])",
        len(rows),
        {
            "accuracy_3way": float(np.mean([x == y for x, y in zip(pred, gold, strict=True)])),
            "contradiction_precision": p,
            "contradiction_recall": rc,
            "contradiction_f1": f1,
        },
        base,
        "baselines: entailment above the threshold, neutral below; they never say contradiction",
    )


def _support_refute(
    name: str, rows: list[tuple[str, str, str]], run: Callable, embedder: MemoEmbedder
) -> Row:
    """claim checked against evidence: supported = SUPPORTS, contradicted = REFUTES."""
    embedder.warm([t for r in rows for t in r[:2]])
    kinds = []
    for claim, evidence, _ in rows:
        report = run.check(Article(text=claim, id="draft"), [Article(text=evidence, id="evidence")])
        verdicts = [f.kind for f in report.findings]
        kinds.append(_overall(verdicts))
    gold = [r[2] for r in rows]
    supports = np.array([g == "supports" for g in gold])
    pred_s = np.array([k == "supported" for k in kinds])
    p, rc, f1 = _prf(["refutes" if k == "contradicted" else "x" for k in kinds], gold, "refutes")
    labelled = [k for k, g in zip(kinds, gold, strict=True) if g in ("supports", "refutes")]
    return Row(
        name,
        len(rows),
        {
            "accuracy_supports_vs_rest": float((pred_s == supports).mean()),
            "refutes_precision": p,
            "refutes_recall": rc,
            "refutes_f1": f1,
            "unsupported_share": float(np.mean([k == "unsupported" for k in labelled] or [0.0])),
        },
        {
            name: {"accuracy_supports_vs_rest": b["accuracy"]}
            for name, b in _baselines([(r[1], r[0]) for r in rows], supports, embedder).items()
        },
    )


def fever(data: Path, run: Callable, embedder: MemoEmbedder, limit: int | None) -> Row:
    rows = [
        (r["claim"], r["evidence"], r["label"].lower()) for r in _read_jsonl(data / "fever" / "dev.jsonl")
    ]
    return _support_refute("FEVER dev: supports vs refutes", _sample(rows, limit), run, embedder)


def vitaminc(data: Path, run: Callable, embedder: MemoEmbedder, limit: int | None) -> Row:
    seen: dict[str, tuple] = {}
    for path in sorted((data / "vitaminc").glob("train_*.jsonl")):
        for r in _read_jsonl(path):
            seen.setdefault(str(r["id"]), (r["claim"], r["evidence"], r["label"].lower()))
    rows = [seen[k] for k in sorted(seen)]
    return _support_refute("VitaminC: supports vs refutes", _sample(rows, limit), run, embedder)


def claimdiff(data: Path, run: Callable, embedder: MemoEmbedder, limit: int | None) -> Row:
    rows = _sample(_read_jsonl(data / "claimdiff" / "train.jsonl"), limit)
    embedder.warm([t for r in rows for t in (r["claim_a"], r["claim_b"])])
    pred = []
    for r in rows:
        report = run.compare([Article(text=r["claim_a"], id="a"), Article(text=r["claim_b"], id="b")])
        kinds = {f.kind for f in report.findings}
        pred.append(
            "weaken" if "contradiction" in kinds else "strengthen" if "agreement" in kinds else "neither"
        )
    gold = [r["label"] for r in rows]
    f1s = {lab: _prf(pred, gold, lab)[2] for lab in ("strengthen", "weaken", "neither")}
    majority = max(set(gold), key=gold.count)
    return Row(
        "ClaimDiff train: strengthen / weaken / neither",
        len(rows),
        {
            "accuracy": float(np.mean([p == g for p, g in zip(pred, gold, strict=True)])),
            "macro_f1": float(np.mean(list(f1s.values()))),
            **{f"f1_{k}": v for k, v in f1s.items()},
        },
        {"majority": {"accuracy": float(np.mean([g == majority for g in gold]))}},
    )


def detokenize(s: str) -> str:
    """ECB+ sentences are space-tokenised; put them back into news-text shape."""
    # A figure written from its point (".38-caliber", "a .290 hitter") is one token after a word:
    # "a . 38 - caliber" keeps its point, not a full stop ("a. 38-caliber" would split the claim).
    s = re.sub(
        r"\b([A-Za-z]+) \. (?=\d)(?!\d+(?:st|nd|rd|th)\b)",
        lambda m: (
            m[1] + (" ." if (m[1].islower() or m[1] == "A") and m[1] not in ("no", "nos", "vs") else ". ")
        ),
        s,
    )  # not after "Nov", "No", "St": "Nov. 30", "No. 10"
    s = re.sub(r" ([,;:!?%)\]]|\.(?!\d))", r"\1", s)
    s = re.sub(r"([(\[$]) ", r"\1", s)
    s = s.replace(" 's", "'s").replace(" n't", "n't").replace("`` ", '"').replace(" ''", '"')
    # What the tokeniser split inside numbers and words: "20, 000", "6. 7", "3: 30", "24 - hour",
    # "p. m.", "U. S." (left split, every figure would read as two).
    s = re.sub(r"(?<=\d), (?=\d{3}\b)", ",", s)
    s = re.sub(r"(?<=\d)\. (?=\d)", ".", s)
    s = re.sub(r"(?<=\d): (?=\d\d(?:\b|[ap]m\b))", ":", s)  # "3: 30", "8: 30pm"
    s = re.sub(
        r"(?<=\w) - (?!(?:who|which|whose|where|when|the|a|an|he|she|it|they|we|i|this|that|there)\b)(?=\w)",
        "-",
        s,
    )
    return re.sub(r"\b([A-Za-z])\. (?=[A-Za-z]\.)", r"\1.", s)


def _article(doc: dict) -> tuple[Article, list[tuple[int, int]]]:
    """An ECB+ document as an article, one sentence a line, with each sentence's span."""
    spans, parts, pos = [], [], 0
    for s in doc["sentences"]:
        t = detokenize(s)
        spans.append((pos, pos + len(t)))
        parts.append(t)
        pos += len(t) + 1
    return Article(text="\n".join(parts), id=doc["doc"]), spans


def ecbplus(data: Path, run: Callable, embedder: MemoEmbedder, limit: int | None) -> Row:
    docs = {d["doc"]: d for d in _read_jsonl(data / "ecbplus" / "docs_dev.jsonl")}
    gold = _read_jsonl(data / "ecbplus" / "pairs_dev.jsonl")
    by_sub: dict[str, list[str]] = {}
    for d in docs.values():
        by_sub.setdefault(d["subtopic"], []).append(d["doc"])
    subs = sorted(by_sub)
    if limit is not None:
        subs = subs[: max(2, limit // 20)]
    linked_agree: set[tuple] = set()
    linked_fact: set[tuple] = set()
    same_contradictions = 0
    judged: Counter = Counter()
    judgements = load_judged()
    for sub in subs:
        names = sorted(by_sub[sub])[:12]
        articles = [_article(docs[n]) for n in names]
        if len(articles) < 2:
            continue
        report = run.compare([a for a, _ in articles])
        where = {}
        for article, spans in articles:
            for c in report.claims:
                if c.source == article.id:
                    where[c.id] = (
                        article.id,
                        next((k for k, (s, e) in enumerate(spans) if s <= c.start < e + 1), -1),
                    )
        for f in report.findings:
            if f.kind == "agreement":
                x, y = (where[c] for c in f.claims)
                linked_agree.update({(*x, *y), (*y, *x)})
            if f.kind == "contradiction":
                same_contradictions += 1
        judged.update(judge(report, judgements.get(sub, []), {a.id: a.text for a, _ in articles}))
        for g in report.facts:
            for i, a in enumerate(g):
                for b in g[i + 1 :]:
                    x, y = where[a], where[b]
                    linked_fact.update({(*x, *y), (*y, *x)})
    in_scope = [
        p
        for p in gold
        if p["same_subtopic"]
        and docs[p["doc_a"]]["subtopic"] in subs
        and p["doc_a"] in sorted(by_sub[docs[p["doc_a"]]["subtopic"]])[:12]
        and p["doc_b"] in sorted(by_sub[docs[p["doc_b"]]["subtopic"]])[:12]
    ]
    keys = [(p["doc_a"], p["sent_a"], p["doc_b"], p["sent_b"]) for p in in_scope]
    # Different events of one topic (N_ecb vs N_ecbplus): similar stories that must not contradict.
    cross, pairs_run = 0, 0
    topics = sorted({docs[by_sub[s][0]]["topic"] for s in subs})
    for topic in topics:
        a_side = sorted(by_sub.get(f"{topic}_ecb", []))[:4]
        b_side = sorted(by_sub.get(f"{topic}_ecbplus", []))[:4]
        for x in a_side:
            for y in b_side:
                report = run.compare([_article(docs[x])[0], _article(docs[y])[0]])
                cross += sum(f.kind == "contradiction" for f in report.findings)
                pairs_run += 1
    return Row(
        "ECB+ dev: whole articles of one event",
        len(keys),
        {
            "recall_agreement": float(np.mean([k in linked_agree for k in keys] or [0.0])),
            "recall_aligned": float(np.mean([k in linked_fact for k in keys] or [0.0])),
            "contradictions_same_event": float(same_contradictions),
            # ... each as a reader judged it (``gold/ecbplus_judged.json``)
            "judged_holds": float(judged["holds"]),
            "judged_wrong": float(judged["wrong"]),
            "judged_update": float(judged["update"]),
            "judged_unsure": float(judged["unsure"]),
            "unjudged": float(judged["unjudged"]),
            # holds among those judged holds, wrong or an update
            "judged_precision": judged["holds"]
            / max(1, sum(judged[k] for k in ("holds", "wrong", "update"))),
            "contradictions_different_events": float(cross),
            "different_event_pairs": float(pairs_run),
        },
        note=(
            f"{len(subs)} sub-topics, up to 12 articles each; cross-event: up to 4x4 article pairs per topic"
        ),
    )


#: The annotated dev gold of real clusters (``gold/ecbplus_dev.json`` in a checkout): conflicts a
#: careful reader finds, traps that must not be reported, agreements that must be found.
GOLD = Path(__file__).resolve().parents[1] / "gold" / "ecbplus_dev.json"
#: Finding kinds that report a conflict between two claims.
CONFLICT_KINDS = ("contradiction", "discrepancy", "update")


@dataclass
class GoldScore:
    """One cluster's findings held against its annotations (what ``gold`` counts, per item)."""

    found: list[dict] = field(default_factory=list)  # gold conflicts the report found
    missed: list[dict] = field(default_factory=list)
    traps_hit: list[tuple[dict, str]] = field(default_factory=list)  # (trap, finding kind)
    agreements_found: list[dict] = field(default_factory=list)
    agreements_missed: list[dict] = field(default_factory=list)
    true_contradictions: list = field(default_factory=list)  # contradiction findings matching a conflict
    false_contradictions: list = field(default_factory=list)  # the others (or a missing annotation)


def _quote_span(texts: dict[str, str], side: dict) -> tuple[str, int, int]:
    text = texts[side["doc"]]
    quote = detokenize(side["quote"])  # quotes were copied from an earlier, rougher detokenisation
    start = text.find(quote)
    if start < 0:
        raise InputError(f"gold quote not in {side['doc']}: {quote!r}; fix the annotation")
    return side["doc"], start, start + len(quote)


def score_gold(report, cluster: dict, texts: dict[str, str]) -> GoldScore:
    """Which annotated conflicts, traps and agreements a report's findings hit. A finding hits an
    annotated pair when one of its claims overlaps each quoted span (in either order); a finding
    of one sentence, when that sentence holds both."""
    claims = {c.id: c for c in report.claims}

    def covers(claim_id: str, span: tuple[str, int, int]) -> bool:
        c = claims[claim_id]
        return c.source == span[0] and c.start < span[2] and span[1] < c.end

    def quoted(value: str, span: tuple[str, int, int]) -> bool:
        quote = texts[span[0]][span[1] : span[2]].lower()
        value = value.lower()
        return bool(value) and (value in quote or quote in value)

    def hits(finding, item: dict) -> bool:
        """Its claims cover both quotes; and where its conflicts carry figures or times, one of
        them is the pair of values quoted (a pair of claims may hold a true conflict and a trap)."""
        if len(finding.claims) not in (1, 2):
            return False
        a, b = _quote_span(texts, item["a"]), _quote_span(texts, item["b"])
        x, y = finding.claims * (3 - len(finding.claims))  # one sentence may hold both quotes
        orders = [(p, q) for p, q in ((a, b), (b, a)) if covers(x, p) and covers(y, q)]
        if not orders:
            return False
        valued = [c for c in finding.conflicts if c.type in ("number", "time", "place", "phone")]
        return not valued or any(quoted(c.a, p) and quoted(c.b, q) for c in valued for p, q in orders)

    out = GoldScore()
    conflicts = [f for f in report.findings if f.kind in CONFLICT_KINDS]
    for item in cluster.get("conflicts", []):
        if "review" in item:  # a second reader doubted it: neither found nor missed
            continue
        (out.found if any(hits(f, item) for f in conflicts) else out.missed).append(item)
    for item in cluster.get("traps", []):
        kind = next((f.kind for f in conflicts if hits(f, item)), None)
        if kind:
            out.traps_hit.append((item, kind))
    agreements = [f for f in report.findings if f.kind == "agreement"]
    for item in cluster.get("agreements", []):
        (out.agreements_found if any(hits(f, item) for f in agreements) else out.agreements_missed).append(
            item
        )
    for f in report.findings:
        if f.kind == "contradiction":  # backed by any annotated conflict, doubted ones included
            right = any(hits(f, item) for item in cluster.get("conflicts", []))
            (out.true_contradictions if right else out.false_contradictions).append(f)
    return out


#: Contradictions reported on ECB+ dev, each judged by a reader against the articles.
JUDGED = GOLD.parent / "ecbplus_judged.json"


def load_judged(path: Path | None = None) -> dict[str, list[dict]]:
    """The judged contradictions by sub-topic; none where the file is absent (an installed copy)."""
    path = path or JUDGED
    if not path.exists():
        return {}
    out: dict[str, list[dict]] = {}
    for item in json.loads(path.read_text(encoding="utf-8"))["items"]:
        out.setdefault(item["subtopic"], []).append(item)
    return out


def judge(report, items: list[dict], texts: dict[str, str]) -> Counter:
    """Each contradiction of a report as a reader judged it: the verdict of the judged pair whose
    two quotes its two claims hold, or "unjudged"."""
    claims = {c.id: c for c in report.claims}
    spans = []
    for item in items:
        a, b = (_quote_span(texts, item[k]) for k in ("a", "b"))
        spans.append((a, b, item["verdict"]))

    def holds(cid: str, span: tuple[str, int, int]) -> bool:
        c = claims[cid]
        return c.source == span[0] and c.start <= span[1] and span[2] <= c.end

    out: Counter = Counter()
    for f in report.findings:
        if f.kind != "contradiction" or len(f.claims) != 2:
            continue
        x, y = f.claims
        verdict = next(
            (v for a, b, v in spans if (holds(x, a) and holds(y, b)) or (holds(x, b) and holds(y, a))),
            "unjudged",
        )
        out[verdict] += 1
    return out


def load_gold(path: Path | None = None) -> dict:
    path = Path(path or GOLD)
    if not path.is_file():
        raise InputError(
            f"{path}: no dev gold there; run eval from a checkout of the repository, or pass --gold"
        )
    return json.loads(path.read_text(encoding="utf-8"))


def gold_clusters(data: Path, gold: dict) -> list[tuple[dict, list[Article], dict[str, str]]]:
    """Each annotated cluster with its documents as articles and their texts by document id."""
    docs = {d["doc"]: d for d in _read_jsonl(data / "ecbplus" / "docs_dev.jsonl")}
    out = []
    for cluster in gold["clusters"]:
        articles = [_article(docs[d])[0] for d in cluster["docs"]]
        out.append((cluster, articles, {a.id: a.text for a in articles}))
    return out


def gold(
    data: Path, run: Callable, embedder: MemoEmbedder, limit: int | None, path: Path | None = None
) -> Row:
    """The annotated dev gold of real clusters (``gold/ecbplus_dev.json``)."""
    annotations = load_gold(path)
    clusters = gold_clusters(data, annotations)
    if limit is not None:
        clusters = clusters[: max(1, limit // 10)]
    total = GoldScore()
    n_conflicts = n_traps = n_agreements = 0
    fresh = [0, 0]  # found, conflicts: in clusters annotated after the rules were tuned ("added")
    for cluster, articles, texts in clusters:
        score = score_gold(run.compare(articles), cluster, texts)
        for name in vars(total):
            getattr(total, name).extend(getattr(score, name))
        if cluster.get("added"):
            fresh[0] += len(score.found)
            fresh[1] += len(score.found) + len(score.missed)
        n_conflicts += sum("review" not in item for item in cluster.get("conflicts", []))
        n_traps += len(cluster.get("traps", []))
        n_agreements += len(cluster.get("agreements", []))
    docs = {d["doc"]: d for d in _read_jsonl(data / "ecbplus" / "docs_dev.jsonl")}
    cross = 0
    for pair in annotations.get("different_events", []):
        report = run.compare([_article(docs[d])[0] for d in pair["docs"]])
        cross += sum(f.kind == "contradiction" for f in report.findings)
    reported = len(total.true_contradictions) + len(total.false_contradictions)
    return Row(
        "Dev gold: annotated ECB+ clusters",
        n_conflicts,
        {
            "conflicts_found": len(total.found) / max(1, n_conflicts),
            # ... in the clusters annotated blind after the rules were tuned on the others: how the
            # rules carry to clusters they were not tuned on
            "conflicts_found_fresh": fresh[0] / max(1, fresh[1]),
            "contradiction_precision": len(total.true_contradictions) / max(1, reported),
            "contradictions_reported": float(reported),
            "traps_hit": float(len(total.traps_hit)),
            "agreements_found": len(total.agreements_found) / max(1, n_agreements),
            "contradictions_different_events": float(cross),
        },
        note=f"{len(clusters)} clusters, {n_conflicts} conflicts both readers accept, {n_traps} traps, "
        f"{n_agreements} agreements; {len(annotations.get('different_events', []))} different-event pairs",
    )


def stories(data: Path, run: Callable, embedder: MemoEmbedder, limit: int | None) -> Row:
    """Grouping a stream into stories (``compare.stories``): every ECB+ dev article, its lead
    embedded; the distance threshold fitted on the even topics, B-cubed scored on the odd ones
    (each sub-topic one story), beside the shipped default."""
    from . import stories as _stories
    from .ingest import load_sources

    docs = _read_jsonl(data / "ecbplus" / "docs_dev.jsonl")
    if limit is not None:
        topics = sorted({d["topic"] for d in docs})[: max(4, limit // 20)]
        docs = [d for d in docs if d["topic"] in topics]
    sources = load_sources([_article(d)[0] for d in docs], cache_dir=None)
    vectors = embedder.embed([_stories.lead(s) for s in sources])

    def score(part: int, threshold: float) -> tuple[float, float, float]:
        idx = [n for n, d in enumerate(docs) if d["topic"] % 2 == part]
        groups = _stories.group(vectors[idx], [None] * len(idx), threshold=threshold)
        label = {m: k for k, g in enumerate(groups) for m in g}
        return _stories.b_cubed([label[m] for m in range(len(idx))], [docs[n]["subtopic"] for n in idx])

    grid = [round(0.3 + 0.025 * k, 3) for k in range(21)]  # 0.3 .. 0.8
    fitted = max(grid, key=lambda t: (score(0, t)[2], -abs(t - _stories.DEFAULT_THRESHOLD)))
    p, r, f = score(1, fitted)
    shipped = score(1, _stories.DEFAULT_THRESHOLD)
    return Row(
        "ECB+ dev: articles grouped into stories (B-cubed, odd topics)",
        sum(d["topic"] % 2 == 1 for d in docs),
        {"b3_precision": p, "b3_recall": r, "b3_f1": f, "b3_f1_default_threshold": shipped[2]},
        note=f"threshold fitted on the even topics: {fitted} (shipped default {_stories.DEFAULT_THRESHOLD}); "
        f"leads of {_stories.LEAD_CLAIMS} claims; {len(docs)} articles in all",
        set="stories",
    )


SETS = {
    "gold": gold,
    "mrpc": mrpc,
    "rte3": rte3,
    "fever": fever,
    "vitaminc": vitaminc,
    "claimdiff": claimdiff,
    "ecbplus": ecbplus,
    "stories": stories,
}


class _Runner:
    """The public API with one embedder; an item the API refuses (say, a "sentence" the cleaner
    reads as a heading) counts as no finding, and is counted."""

    def __init__(self, embedder, options) -> None:
        from . import pipeline

        self.embedder, self.options, self.pipeline = embedder, options, pipeline
        self.refused = 0

    def _empty(self, inputs, mode):
        from .report import Report

        self.refused += 1
        return Report(sources=(), claims=(), findings=(), mode=mode)

    def compare(self, inputs):
        try:
            return self.pipeline.compare(inputs, options=self.options, embedder=self.embedder)
        except CompareError:
            return self._empty(inputs, "report")

    def check(self, draft, against):
        try:
            return self.pipeline.check(draft, against, options=self.options, embedder=self.embedder)
        except CompareError:
            return self._empty(draft, "check")


def evaluate(
    data: Path, *, sets: Sequence[str] | None = None, limit: int | None = None, options=None, embedder=None
) -> list[Row]:
    from .options import Options
    from .pipeline import get_embedder

    data = Path(data)
    if not (data / "mrpc").is_dir():
        raise InputError(
            f"{data}: holds no evaluation data (no mrpc/ folder); pass --data pointing at shared/data"
        )
    unknown = set(sets or ()) - set(SETS)
    if unknown:
        raise InputError(f"unknown evaluation set {sorted(unknown)[0]!r}; choose from {', '.join(SETS)}")
    options = options or Options()
    memo = MemoEmbedder(embedder or get_embedder(options))
    run = _Runner(memo, options)
    rows = []
    for name in sets or SETS:
        run.refused = 0
        row = SETS[name](data, run, memo, limit)
        row.set = name
        if run.refused:
            row.note = "; ".join(
                x for x in (row.note, f"{run.refused} items refused as input (counted as no finding)") if x
            )
        rows.append(row)
    return rows


def to_markdown(rows: Sequence[Row], *, limit: int | None = None, model: str = "") -> str:
    out = [
        "# Evaluation on public development data\n",
        "Produced by `compare-articles eval`. Ours: the public `compare()` / `check()` API, "
        "thresholds fitted on "
        "development data with cross-validation (`compare/calibration`). Baselines: the same model's "
        "cosine, and "
        "rapidfuzz's token-set ratio, each at the single threshold that is best on the very set it "
        "is scored on "
        "(optimistic for them).\n",
    ]
    if limit is not None:
        out.append(f"Subsample: at most {limit} items per set.\n")
    out.append("| Set | n | Metric | compare | cosine (best threshold) | token-set (best threshold) |")
    out.append("|---|---:|---|---:|---:|---:|")
    for r in rows:
        for k, v in r.metrics.items():
            cells = []
            for b in ("cosine", "token-set"):
                bv = r.baselines.get(b, {}).get(k)
                cells.append(f"{bv:.3f}" if bv is not None else "")
            value = (
                f"{v:.0f}"
                if k.startswith(("contradictions", "traps", "unjudged"))
                or k.endswith("_pairs")
                or (k.startswith("judged_") and k != "judged_precision")
                else f"{v:.3f}"
            )
            out.append(f"| {r.name} | {r.n} | {k} | {value} | {' | '.join(cells)} |")
        if "majority" in r.baselines:
            out.append(
                f"| {r.name} | {r.n} | accuracy of the majority class | "
                f"{r.baselines['majority']['accuracy']:.3f} | | |"
            )
    notes = [f"- {r.name}: {r.note}" for r in rows if r.note]
    if notes:
        out.append("\nNotes:\n" + "\n".join(notes))
    if model:
        out.append(f"\nModel: {model}.")
    out.append(_gates_table())
    return "\n".join(out) + "\n"


def _gates_table() -> str:
    """The decision points these figures were measured under: the hand-set gates of the conflict
    detectors (``compare/diff``) and of the options, and the fitted thresholds."""
    from . import calibration
    from .diff import gates
    from .options import Options

    lines = ["\n## Decision points\n", "| Where | Gate | Value | Meaning |", "|---|---|---:|---|"]
    for det, name, value, meaning in gates():
        lines.append(f"| detector `{det}` | {name} | {value:g} | {meaning} |")
    defaults = Options()
    for name, meaning in (
        ("agree_cosine", "cosine at which an aligned pair with no conflict and no unshared detail agrees"),
        ("agree_core", "token-set ratio at which two assertions, asides left out, agree"),
        ("max_matches", "counterparts kept per claim in each other source"),
        ("match_margin", "how close a second counterpart must score to the best"),
    ):
        lines.append(f"| option | {name} | {getattr(defaults, name):g} | {meaning} |")
    from . import atoms, categories, names
    from .diff import clauses, facts, findings

    for where, name, value, meaning in (
        (
            "facts",
            "FACT_CANDIDATES",
            facts.FACT_CANDIDATES,
            "nearest claims per other source a claim's facts meet",
        ),
        ("facts", "FACT_BUDGET", facts.FACT_BUDGET, "... and about this many in all, however many sources"),
        ("facts", "FACT_CANDIDATES_WITHIN", facts.FACT_CANDIDATES_WITHIN, "... and in its own source"),
        ("facts", "WITHIN_FLOOR", facts.WITHIN_FLOOR, "cosine a claim of the same source must reach to meet"),
        (
            "atoms",
            "MEASURE_TOLERANCE",
            atoms.MEASURE_TOLERANCE,
            "relative rounding two measures may differ by",
        ),
        (
            "findings",
            "APART_AFTER",
            findings.APART_AFTER,
            "differing facts, none alike, no one named in full by both: two events, not one",
        ),
        ("findings", "AGE_DRIFT", findings.AGE_DRIFT, "years apart two undated articles may give one age"),
        (
            "findings",
            "PART_CANDIDATES",
            findings.PART_CANDIDATES,
            "nearest claims a source whose parts meet a claim's",
        ),
        ("findings", "PART_BUDGET", findings.PART_BUDGET, "... and about this many in all"),
        ("findings", "PART_FLOOR", findings.PART_FLOOR, "cosine those claims must reach"),
        ("clauses", "PART_SHARED", clauses.PART_SHARED, "content words two parts told alike must share"),
        ("clauses", "PART_OVERLAP", clauses.PART_OVERLAP, "... and their share of the two parts' words"),
        (
            "names",
            "SAME_PERSON_SIMILARITY",
            names.SAME_PERSON_SIMILARITY,
            "cosine of claims naming two spellings",
        ),
        (
            "categories",
            "SAME_HOLDER_SIMILARITY",
            categories.SAME_HOLDER_SIMILARITY,
            "cosine of two claims naming no one for one condition, charge, weapon, death",
        ),
    ):
        lines.append(f"| `{where}` | {name} | {value:g} | {meaning} |")
    for decision in ("same_event", "same_fact"):
        lines.append(
            f"| fitted | {decision} threshold | {calibration.threshold(decision):g} | "
            f"{calibration.load()[decision]['source']} |"
        )
    return "\n".join(lines)
