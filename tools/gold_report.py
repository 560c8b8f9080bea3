"""Read the dev gold against what compare() reports, item by item: the conflicts it missed, the
traps it fell into, the contradictions no annotation backs, the agreements it missed.

    python tools/gold_report.py [--data ../shared/data] [--cluster ID ...]
                                [--show missed,traps,false,found,agreements]

For tuning by reading findings against the sources; `compare-articles eval --set gold` gives the
totals. The texts are read from the shared data; nothing is written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from compare import compare
from compare.evaluate import gold_clusters, load_gold, score_gold


def _side(texts, side) -> str:
    return f"{side['doc']}: \u201c{side['quote']}\u201d"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--cluster", action="append", help="only this cluster id (repeatable)")
    parser.add_argument("--show", default="missed,traps,false,found", help="comma-separated sections")
    args = parser.parse_args()
    show = set(args.show.split(","))
    totals = {"conflicts": 0, "found": 0, "false": 0, "true": 0, "traps": 0}
    for cluster, articles, texts in gold_clusters(args.data, load_gold()):
        if args.cluster and cluster["id"] not in args.cluster:
            continue
        report = compare(articles)
        score = score_gold(report, cluster, texts)
        totals["conflicts"] += sum("review" not in x for x in cluster.get("conflicts", []))
        totals["found"] += len(score.found)
        totals["false"] += len(score.false_contradictions)
        totals["true"] += len(score.true_contradictions)
        totals["traps"] += len(score.traps_hit)
        print(
            f"=== {cluster['id']}: found {len(score.found)}/{len(score.found) + len(score.missed)}, "
            f"contradictions {len(score.true_contradictions)} right / "
            f"{len(score.false_contradictions)} unbacked, "
            f"traps hit {len(score.traps_hit)}, agreements {len(score.agreements_found)}/"
            f"{len(cluster.get('agreements', []))}"
        )
        if "found" in show:
            for item in score.found:
                print(f"  found [{item['type']}] {item['fact']}: {item['values']}")
        if "missed" in show:
            for item in score.missed:
                print(f"  MISSED [{item['type']}/{item['kind']}] {item['fact']}: {item['values']}")
                print(f"     {_side(texts, item['a'])}\n     {_side(texts, item['b'])}")
        if "traps" in show:
            for item, kind in score.traps_hit:
                print(f"  TRAP as {kind} [{item['type']}]: {item['why']}")
                print(f"     {_side(texts, item['a'])}\n     {_side(texts, item['b'])}")
        if "false" in show:
            for f in score.false_contradictions:
                a, b = (report.claim(c) for c in f.claims)
                print(f"  UNBACKED contradiction: {f.explanation}")
                print(f"     {a.id}: {a.text}\n     {b.id}: {b.text}")
        if "agreements" in show:
            for item in score.agreements_missed:
                print(f"  agreement missed: {item['fact']}")
                print(f"     {_side(texts, item['a'])}\n     {_side(texts, item['b'])}")
    print(totals)


if __name__ == "__main__":
    main()
