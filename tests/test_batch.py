"""Batch runs (``compare.batch``, ``compare-articles batch``): a JSON Lines file of story clusters
in, Parquet findings, JSON Lines reports and one status row per cluster out, shard by shard; bad
clusters are status rows, a killed run resumes, and the engine does not change a single row."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare.batch import read_clusters
from compare.batch.core import ClusterResult
from compare.batch.store import claim_folder, done, write_shard
from compare.cli import app
from compare.errors import InputError

from .conftest import ROOT, SHARED_DATA

pa = pytest.importorskip("pyarrow")
ds = pytest.importorskip("pyarrow.dataset")


def _write(path: Path, lines: list) -> Path:
    path.write_text(
        "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines), encoding="utf-8"
    )
    return path


# --- reading the clusters file --------------------------------------------------------------------


def test_each_line_is_a_cluster_and_a_bad_line_is_a_job_carrying_its_error(tmp_path):
    good = {"cluster": "quake", "articles": [{"id": "a", "text": "x"}, {"id": "b", "path": "b.txt"}]}
    path = _write(
        tmp_path / "c.jsonl",
        [
            good,
            "",
            "{not json",
            {"articles": []},
            {"cluster": 7, "articles": [{"text": "x", "url": "https://example.com/a"}]},
            {"cluster": "extra", "articles": [{"text": "x", "author": "me"}]},
            good,
        ],
    )
    jobs = read_clusters(path)
    assert [(j.cluster, j.line) for j in jobs] == [
        ("quake", 1),
        ("line-3", 3),
        ("line-4", 4),
        ("7", 5),
        ("extra", 6),
        ("quake", 7),
    ]
    assert jobs[0].error == "" and jobs[0].articles == tuple(good["articles"])
    assert "line 3: not JSON" in jobs[1].error
    assert 'no "cluster" id' in jobs[2].error
    assert "exactly one of text, path or url" in jobs[3].error
    assert "unknown field 'author'" in jobs[4].error
    assert "given twice (lines 1 and 7)" in jobs[5].error


@pytest.mark.parametrize("content", [b"", b"\n\n", b"\xff\xfe\x00binary"])
def test_a_clusters_file_with_nothing_to_run_is_refused(tmp_path, content):
    path = tmp_path / "c.jsonl"
    path.write_bytes(content)
    with pytest.raises(InputError, match="c.jsonl"):
        read_clusters(path)
    with pytest.raises(InputError, match="no such file"):
        read_clusters(tmp_path / "missing.jsonl")


# --- the files on disk ----------------------------------------------------------------------------


def _result(cluster: str, line: int, ok: bool = True, day: str = "2012-07-12") -> ClusterResult:
    row = {
        "cluster": cluster,
        "finding": 1,
        "kind": "contradiction",
        "type": "number",
        "score": 0.9,
        "scope": "across",
        "source": "a",
        "source_name": "A",
        "claim": "a:1",
        "quote": "Six people died.",
        "start": 0,
        "end": 16,
        "explanation": "deaths: a says six, b says seven",
        "values": [{"type": "number", "a": "six", "b": "seven", "fact": "deaths"}],
    }
    if not ok:
        return ClusterResult(cluster, line, False, f"cluster {cluster!r}: only one source given")
    counts = {"contradiction": 1}
    return ClusterResult(cluster, line, True, "", 2, 4, counts, 0.1, "ab" * 32, day, "{}", (row,))


def test_a_shard_writes_findings_by_day_reports_status_and_its_done_marker_last(tmp_path):
    write_shard(
        tmp_path,
        "shard-00000",
        [_result("q", 1), _result("one", 2, ok=False), _result("r", 3, day="unknown")],
    )
    write_shard(tmp_path, "shard-00001", [_result("bad", 4, ok=False)])  # no findings at all
    findings = ds.dataset(tmp_path / "findings", format="parquet", partitioning="hive").to_table()
    assert sorted(findings.column("day").to_pylist()) == ["2012-07-12", "unknown"]
    assert findings.column("values").to_pylist()[0] == [
        {"type": "number", "a": "six", "b": "seven", "fact": "deaths"}
    ]
    status = ds.dataset(tmp_path / "status", format="parquet").to_table().sort_by("line").to_pylist()
    assert [(s["cluster"], s["status"], s["shard"]) for s in status] == [
        ("q", "ok", "shard-00000"),
        ("one", "error", "shard-00000"),
        ("r", "ok", "shard-00000"),
        ("bad", "error", "shard-00001"),
    ]
    assert status[1]["error"] == "cluster 'one': only one source given"
    assert status[0]["contradictions"] == 1 and status[0]["report_sha256"] == "ab" * 32
    reports = (tmp_path / "reports" / "shard-00000.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["cluster"] for x in reports] == ["q", "r"]
    assert done(tmp_path) == {
        "shard-00000": {"shard": "shard-00000", "clusters": 3, "failed": 1},
        "shard-00001": {"shard": "shard-00001", "clusters": 1, "failed": 1},
    }
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_results_folder_holds_one_run(tmp_path):
    out = tmp_path / "results"
    manifest = {"input": "c.jsonl", "input_sha256": "1", "shard_size": 64, "model": "m"}
    claim_folder(out, manifest, resume=False)
    with pytest.raises(InputError, match="already holds a batch run; pass --resume"):
        claim_folder(out, manifest, resume=False)
    claim_folder(out, manifest, resume=True)  # the same run: fine
    with pytest.raises(InputError, match="another shard_size"):
        claim_folder(out, {**manifest, "shard_size": 8}, resume=True)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="not an empty folder"):
        claim_folder(tmp_path / "full", manifest, resume=False)


def test_batch_options_are_checked_before_any_work(tmp_path):
    path = _write(tmp_path / "c.jsonl", [{"cluster": "q", "articles": [{"text": "x"}]}])
    runner = CliRunner()
    for args, message in [
        (["--engine", "spark"], "--engine 'spark': use local or dask"),
        (["--shard-size", "0"], "--shard-size 0"),
        (["--workers", "2"], "--workers needs --engine dask"),
        (["--scheduler", "tcp://x:1"], "--scheduler needs --engine dask"),
    ]:
        result = runner.invoke(app, ["batch", str(path), "-o", str(tmp_path / "out"), *args])
        assert result.exit_code == 2, result.output
        assert message in result.output
        assert not (tmp_path / "out").exists()


# --- real runs: ECB+ clusters, the bundled model, both engines --------------------------------------


@pytest.fixture(scope="module")
def model_cache(tmp_path_factory):
    """One prepared model for the module: each engine's processes load it, none exports it."""
    from compare.embed import prepare_model

    cache = tmp_path_factory.mktemp("model-cache")
    prepare_model(cache_dir=cache)
    return cache


@pytest.fixture(scope="module")
def clusters_file(tmp_path_factory):
    if not (SHARED_DATA / "ecbplus" / "docs_dev.jsonl").is_file():
        pytest.skip(f"no ECB+ data at {SHARED_DATA}")
    from compare.evaluate import _article, _read_jsonl

    docs = _read_jsonl(SHARED_DATA / "ecbplus" / "docs_dev.jsonl")
    by_sub: dict[str, list] = {}
    for d in docs:
        by_sub.setdefault(d["subtopic"], []).append(d)
    folder = tmp_path_factory.mktemp("clusters")
    lines: list = []
    for sub in sorted(by_sub)[:6]:
        arts = []
        for n, d in enumerate(sorted(by_sub[sub], key=lambda d: d["doc"])[:3]):
            text = _article(d)[0].text
            if n == 2:  # one article a line of its own, read from a file beside the clusters
                (folder / f"{d['doc']}.txt").write_text(text, encoding="utf-8")
                arts.append({"id": d["doc"], "path": f"{d['doc']}.txt", "published": "2012-07-12"})
            else:
                arts.append({"id": d["doc"], "text": text, "name": d["doc"].upper()})
        lines.append({"cluster": sub, "articles": arts})
    lines.insert(1, {"cluster": "one-article", "articles": lines[0]["articles"][:1]})
    lines.insert(
        3, {"cluster": "empty-text", "articles": [{"id": "a", "text": " "}, {"id": "b", "text": " \n"}]}
    )
    lines.insert(4, "this line is not JSON")
    lines.insert(
        5, {"cluster": "missing-file", "articles": [{"id": "a", "text": "x y z"}, {"path": "nowhere.txt"}]}
    )
    bad_date = {"id": "d", "text": lines[0]["articles"][0]["text"], "published": "2012-02-30"}
    lines.append({"cluster": "bad-date", "articles": [bad_date, lines[0]["articles"][1]]})
    lines.append({"cluster": "binary", "articles": [lines[0]["articles"][0], {"path": "blob.bin"}]})
    import socket

    with socket.socket() as s:  # a port on this machine that nothing listens on: a dead URL
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/story.html"
    lines.append({"cluster": "dead-url", "articles": [lines[0]["articles"][0], {"url": dead}]})
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 40)
    return _write(folder / "clusters.jsonl", lines)


BAD = {
    "one-article": "only one source given",
    "empty-text": "has no text",
    "line-5": "not JSON",
    "missing-file": "no such file",
    "bad-date": "'2012-02-30' is not a date",
    "binary": "binary",
    "dead-url": "http://127.0.0.1:",
}


def _run(args: list[str], cache: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "COMPARE_CACHE_DIR": str(cache), "HF_HUB_OFFLINE": "1", "no_proxy": "127.0.0.1"}
    return subprocess.run(
        [sys.executable, "-m", "compare.cli", "batch", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _status(out: Path) -> list[dict]:
    return ds.dataset(out / "status", format="parquet").to_table().sort_by("line").to_pylist()


def _findings(out: Path) -> list[dict]:
    table = ds.dataset(out / "findings", format="parquet", partitioning="hive").to_table()
    return sorted(table.to_pylist(), key=lambda r: (r["cluster"], r["finding"], r["claim"]))


@pytest.mark.slow
def test_local_and_dask_give_the_same_rows_and_bad_clusters_are_status_rows(
    clusters_file, model_cache, tmp_path
):
    local, dask = tmp_path / "local", tmp_path / "dask"
    first = _run([str(clusters_file), "-o", str(local), "--shard-size", "4"], model_cache)
    assert first.returncode == 1, first.stderr  # some clusters failed: documented exit code 1
    assert "6 of 13 clusters compared now, 7 failed" in first.stderr
    pytest.importorskip("distributed")
    second = _run(
        [str(clusters_file), "-o", str(dask), "--shard-size", "3", "--engine", "dask", "--workers", "2"],
        model_cache,
    )
    assert second.returncode == 1, second.stderr
    a, b = _status(local), _status(dask)
    assert len(a) == 13 and [r["cluster"] for r in a] == [r["cluster"] for r in b]
    for row in a:
        if row["cluster"] in BAD:
            assert row["status"] == "error" and BAD[row["cluster"]] in row["error"], row
            assert "\n" not in row["error"]
        else:
            assert row["status"] == "ok" and row["claims"] > 0 and len(row["report_sha256"]) == 64, row
    assert [r["report_sha256"] for r in a] == [r["report_sha256"] for r in b]
    rows = _findings(local)
    assert rows and rows == _findings(dask)
    assert {r["day"] for r in rows} == {"2012-07-12"}  # the one dated article dates each cluster
    # every row quotes its source: the offsets slice the report's own text of it
    reports = [
        json.loads(x) for p in sorted((local / "reports").glob("*.jsonl")) for x in p.read_text().splitlines()
    ]
    assert sorted(r["cluster"] for r in reports) == sorted(r["cluster"] for r in a if r["status"] == "ok")


@pytest.mark.slow
def test_resume_skips_finished_shards_and_redoes_the_rest(clusters_file, model_cache, tmp_path):
    out = tmp_path / "out"
    assert _run([str(clusters_file), "-o", str(out), "--shard-size", "4"], model_cache).returncode == 1
    before = {p.name: p.stat().st_mtime_ns for p in (out / "status").glob("*.parquet")}
    (out / "_done" / "shard-00001.json").unlink()  # as if the run had been killed inside shard 1
    again = _run([str(clusters_file), "-o", str(out), "--shard-size", "4", "--resume"], model_cache)
    assert "clusters compared now" in again.stderr and "9 done before" in again.stderr, again.stderr
    after = {p.name: p.stat().st_mtime_ns for p in (out / "status").glob("*.parquet")}
    assert [n for n in sorted(after) if after[n] != before[n]] == ["shard-00001.parquet"]
    assert len(_status(out)) == 13
    refused = _run([str(clusters_file), "-o", str(out), "--shard-size", "4"], model_cache)
    assert refused.returncode == 2 and "pass --resume" in refused.stderr


def _workers(pid: int) -> list[int]:
    """The Dask worker processes a run started: processes multiprocessing spawned under it."""
    parents, cmdlines = {}, {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                cmdlines[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except (OSError, IndexError, ValueError):
                continue

    def under(p: int) -> bool:
        while p in parents and p > 1:
            p = parents[p]
            if p == pid:
                return True
        return False

    return [p for p, cmd in cmdlines.items() if "spawn_main" in cmd and under(p)]


@pytest.mark.slow
def test_a_worker_killed_mid_run_ends_the_run_with_a_clear_error_and_resume_finishes_it(
    clusters_file, model_cache, tmp_path
):
    pytest.importorskip("distributed")
    if not Path("/proc").is_dir():
        pytest.skip("needs /proc to find the worker processes")
    out = tmp_path / "out"
    env = {
        **os.environ,
        "COMPARE_CACHE_DIR": str(model_cache),
        "HF_HUB_OFFLINE": "1",
        "no_proxy": "127.0.0.1",
    }
    args = [
        str(clusters_file),
        "-o",
        str(out),
        "--shard-size",
        "1",
        "--engine",
        "dask",
        "--workers",
        "2",
        "-q",
    ]
    proc = subprocess.Popen(
        [sys.executable, "-m", "compare.cli", "batch", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 240
        while not done(out) and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert done(out), "no shard finished"
        workers = _workers(proc.pid)
        assert workers
        for w in workers:
            os.kill(w, signal.SIGKILL)
        _, stderr = proc.communicate(timeout=180)  # never a hang
    finally:
        if proc.poll() is None:
            proc.kill()
    if len(done(out)) == 13:
        pytest.skip("every shard finished before the workers were killed")
    assert proc.returncode == 4, stderr
    assert "a Dask worker died while comparing shard-" in stderr and "--resume" in stderr
    assert "Traceback" not in stderr
    kept = len(done(out))
    resumed = _run([*args[:-1], "--resume"], model_cache)
    assert resumed.returncode == 1, resumed.stderr
    assert f"{kept} done before" in resumed.stderr
    assert len(_status(out)) == 13
