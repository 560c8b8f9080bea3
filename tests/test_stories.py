"""Grouping a stream of articles into stories (``compare.stories``, ``compare-articles cluster``)."""

import datetime as dt
import json

import numpy as np
import pytest
from typer.testing import CliRunner

from compare.cli import app
from compare.errors import InputError
from compare.stories import b_cubed, blocks, group

D = dt.date


def test_publication_dates_are_blocked_into_windows_and_the_undated_kept_apart():
    dates = [D(2024, 3, 1), None, D(2024, 3, 3), D(2024, 3, 4), D(2024, 3, 9), None]
    assert blocks(dates, 3) == [[0, 2], [3], [4], [1, 5]]
    assert blocks(dates, 30) == [[0, 2, 3, 4], [1, 5]]
    assert blocks([None, None], 3) == [[0, 1]]


def test_close_leads_are_one_story_and_stories_never_cross_a_window():
    quake = np.array([1.0, 0.0, 0.0])
    fire = np.array([0.0, 1.0, 0.0])
    near_quake = np.array([0.95, 0.05, 0.0]) / np.linalg.norm([0.95, 0.05, 0.0])
    vectors = np.stack([quake, fire, near_quake, quake])
    dates = [D(2024, 3, 1), D(2024, 3, 1), D(2024, 3, 2), D(2024, 5, 1)]
    # the fourth tells the first's story word for word, but two months later: another block
    assert group(vectors, dates, window_days=3) == [[0, 2], [1], [3]]
    assert group(vectors, dates, window_days=365) == [[0, 2, 3], [1]]
    assert group(vectors, dates, threshold=0.0001, window_days=365) == [[0, 3], [1], [2]]
    with pytest.raises(InputError, match="--threshold"):
        group(vectors, dates, threshold=0)
    with pytest.raises(InputError, match="--window-days"):
        group(vectors, dates, window_days=0)


def test_b_cubed_scores_a_clustering_against_gold():
    assert b_cubed([1, 1, 2, 2], ["a", "a", "b", "b"]) == (1.0, 1.0, 1.0)
    p, r, f = b_cubed([1, 1, 1, 1], ["a", "a", "b", "b"])  # one lump: precise per item at 1/2
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)
    p, r, _ = b_cubed([1, 2, 3, 4], ["a", "a", "b", "b"])
    assert (p, r) == (1.0, 0.5)


QUAKE = "Quake hits island\nA strong earthquake struck the island on Sunday, killing ten people in villages."
QUAKE_2 = (
    "Island quake kills ten\nAn earthquake struck the island on Sunday and killed ten people in villages."
)
FIRE = "Church fire\nA fire destroyed the old church downtown late on Friday; firefighters fought the blaze."


def test_cluster_writes_stories_in_the_batch_input_format(tmp_path, fake_model):
    (tmp_path / "fire.txt").write_text(FIRE, encoding="utf-8")
    lines = [
        {"id": "ap", "text": QUAKE, "published": "2024-03-03"},
        {"id": "fire", "path": "fire.txt", "published": "2024-03-03"},
        {"id": "bbc", "text": QUAKE_2, "name": "BBC", "published": "2024-03-04"},
        "not json",
        {"id": "bad-date", "text": QUAKE, "published": "2024-02-30"},
    ]
    src = tmp_path / "articles.jsonl"
    src.write_text(
        "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines), encoding="utf-8"
    )
    out = tmp_path / "clusters.jsonl"
    result = CliRunner().invoke(app, ["cluster", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    stories = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert stories == [{"cluster": "story-00001", "articles": [lines[0], lines[2]]}]
    assert "1 stories of 2 articles" in result.output and "1 articles alone" in result.output
    assert "line 4: not JSON" in result.output and "line 5: published date" in result.output
    # what cluster writes, batch reads
    from compare.batch import read_clusters

    (job,) = read_clusters(out)
    assert job.error == "" and [a["id"] for a in job.articles] == ["ap", "bbc"]


def test_cluster_refuses_a_file_it_cannot_use_before_any_work(tmp_path, fake_model):
    runner = CliRunner()
    src = tmp_path / "articles.jsonl"
    src.write_text(json.dumps({"id": "a", "text": QUAKE}) + "\n", encoding="utf-8")
    for args, message in [
        (["cluster", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "c.jsonl")], "no such file"),
        (["cluster", str(src), "-o", str(tmp_path / "c.csv")], "write the stories to a .jsonl file"),
        (["cluster", str(src), "-o", str(tmp_path / "c.jsonl"), "--threshold", "3"], "--threshold 3.0"),
    ]:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output
        assert message in result.output
    assert not (tmp_path / "c.jsonl").exists()
