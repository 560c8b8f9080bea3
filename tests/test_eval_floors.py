"""Quality gate: the evaluation on a fixed sample of the public development sets must not fall
below the floors recorded in eval_floors.json. Floors only go up: raise them when a change
improves a figure, never lower them to let a change through."""

import json
from pathlib import Path

import pytest

from .conftest import SHARED_DATA

pytestmark = pytest.mark.slow

#: Counts of wrong findings: they may not rise.
CEILINGS = ("contradictions_different_events", "traps_hit", "judged_wrong")
FLOORS = json.loads((Path(__file__).with_name("eval_floors.json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results():
    if not (SHARED_DATA / "mrpc").is_dir():
        pytest.skip(f"no evaluation data at {SHARED_DATA}")
    from compare.evaluate import evaluate

    rows = evaluate(SHARED_DATA, limit=FLOORS["limit"])
    return {r.set: r.metrics for r in rows}


@pytest.mark.parametrize("name,metric", [(n, m) for n, ms in FLOORS["floors"].items() for m in ms])
def test_metric_stays_above_its_floor(results, name, metric):
    floor = FLOORS["floors"][name][metric]
    value = results[name][metric]
    if metric in CEILINGS:  # a count of wrong findings: no noise margin
        assert value <= floor, f"{name} {metric}: {value} rose above the ceiling {floor}"
    else:
        assert value >= floor - FLOORS["epsilon"], (
            f"{name} {metric}: {value:.3f} fell below its floor {floor}"
        )


def test_floors_name_known_sets_and_metrics():
    from compare.evaluate import SETS

    assert set(FLOORS["floors"]) <= set(SETS)
    assert 0 <= FLOORS["epsilon"] < 0.02
