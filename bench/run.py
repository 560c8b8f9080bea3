"""Benchmark compare side by side with a naive peer, in one run, and write reports/bench.md.

    python bench/run.py [--repeats 3] [--scaling-repeats 2] [--out reports/bench.md] [--tree PATH]

Every figure is a median of fresh processes run alternately (ours, then the peer), so both see
the same machine load; goals are stated as ratios for that reason. Measured:

- ``compare-articles --help`` wall time;
- the seed report cold (``--no-cache``, fresh process) against the naive peer (``bench/peer.py``:
  import sentence-transformers, load the same model, encode naively split sentences, cosine
  matrix), and the same for 20 real articles of one ECB+ sub-topic (read from ../shared/data at
  bench time, written to a temporary folder, never into the repository);
- scaling: align + diff of 2 sources x 1,000 claims against 50 sources x 40 claims
  (``bench/scaling.py``);
- sentences/s of compare's encoder path against the raw encoder under it, for ONNX Runtime fp32
  and int8 and for sentence-transformers (``bench/encoder.py``);
- peak memory (RSS) of each process, the one-off ONNX export, and the quality guard: the seed
  findings through ONNX and through torch, and the cosine between the two paths' embeddings of
  MRPC sentences.

Everything runs offline, with a temporary cache folder (COMPARE_CACHE_DIR), so the first run
of compare in it includes the one-off export, reported on its own line. ``--tree`` measures
another checkout of compare (say, the code before a change) with the same venv.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SEEDS = [ROOT / "seeds" / "000_41ce0450144724b7.txt", ROOT / "seeds" / "002_0d01754cb50d208e.txt"]
PY = sys.executable
CLI = str(Path(PY).with_name("compare-articles"))
SUBTOPIC = "13_ecb"


def run(cmd: list[str], env: dict, timeout: float = 600) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MiB, stdout) of one fresh process, started in the measured
    tree (``python -c`` puts the working folder first on sys.path)."""
    t = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=env["COMPARE_BENCH_TREE"]
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(
            f"{' '.join(cmd[:4])}... exited {proc.returncode}: {err.decode(errors='replace')[-2000:]}"
        )
    text, errors = out.decode("utf-8", errors="replace"), err.decode("utf-8", errors="replace")
    marker = "\n@@peak_rss_kib="  # written by a process started through _rss_wrap
    rss = int(errors.rsplit(marker, 1)[1].split()[0]) / 1024 if marker in errors else float("nan")
    return wall, rss, text


def _rss_wrap(cmd: list[str]) -> list[str]:
    """Run a Python entry point so that it reports its own peak RSS (VmHWM) on stderr at exit."""
    code = (
        "import atexit, runpy, sys\n"
        "def _peak():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            sys.stderr.write('\\n@@peak_rss_kib=' + line.split()[1] + '\\n')\n"
        "atexit.register(_peak)\n"
        "sys.argv = sys.argv[1:]\n"
        "if sys.argv[0] == '-m':\n"
        "    sys.argv = sys.argv[1:]\n"
        "    runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n"
        "else:\n"
        "    runpy.run_path(sys.argv[0], run_name='__main__')\n"
    )
    return [PY, "-c", code, *cmd]


def med(xs) -> float:
    return statistics.median(xs)


def ecb_articles(folder: Path, n: int = 20) -> list[Path]:
    docs = [
        json.loads(line)
        for line in (DATA / "ecbplus" / "docs_dev.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    docs = sorted((d for d in docs if d["subtopic"] == SUBTOPIC), key=lambda d: d["doc"])[:n]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for d in docs:
        p = folder / f"{d['doc']}.txt"
        p.write_text(" ".join(d["sentences"]) + "\n", encoding="utf-8")
        paths.append(p)
    return paths


def mrpc_sentences(n: int = 400) -> list[str]:
    with open(DATA / "mrpc" / "train.tsv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return list(dict.fromkeys(s for r in rows for s in (r[3], r[4])))[:n]


def findings_of(report_json: str) -> list[tuple]:
    data = json.loads(report_json)
    return [(f["kind"], tuple(f["claims"]), f["score"]) for f in data["findings"]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--scaling-repeats", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "reports" / "bench.md")
    ap.add_argument(
        "--tree", type=Path, default=ROOT, help="checkout of compare to measure (default: this one)"
    )
    ap.add_argument("--json", type=Path, help="also write the raw results here")
    ap.add_argument(
        "--baseline", type=Path, help="raw results of an earlier run (--json), shown beside these"
    )
    args = ap.parse_args()
    tree = args.tree.resolve()
    tmp = Path(tempfile.mkdtemp(prefix="compare-bench-"))
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "COMPARE_CACHE_DIR": str(tmp / "cache"),
        "COMPARE_BENCH_TREE": str(tree),
        "PYTHONPATH": os.pathsep.join([str(tree), *filter(None, [os.environ.get("PYTHONPATH")])]),
    }
    env.pop("COMPARE_BACKEND", None)
    ours = [CLI] if Path(CLI).exists() else [PY, "-m", "compare"]
    ours_py = ["-m", "compare"]  # the same program, for the RSS wrapper
    peer = [str(ROOT / "bench" / "peer.py")]
    started = time.perf_counter()
    load_before = os.getloadavg()
    log = lambda msg: print(f"[{time.perf_counter() - started:6.1f} s] {msg}", file=sys.stderr, flush=True)  # noqa: E731
    R: dict = {}
    try:
        seeds = [str(p) for p in SEEDS]
        report = ["report", *seeds, "-f", "json", "--no-cache", "-q"]

        log("first run ever: exports the model to ONNX")
        R["first_run"] = run(ours + report, env)[0]

        log("--help")
        run(ours + ["--help"], env)
        R["help"] = [run(ours + ["--help"], env)[0] for _ in range(max(5, args.repeats))]

        log("seed report cold vs the naive peer")
        R["seeds"], R["seeds_peer"] = [], []
        for _ in range(args.repeats):
            wall, rss, out = run(_rss_wrap(ours_py + report), env)
            R["seeds"].append((wall, rss))
            R["seeds_findings_onnx"] = findings_of(out)
            R["seeds_model"] = json.loads(out)["model"]
            R["seeds_peer"].append(run(_rss_wrap(peer + seeds), env)[:2])

        log("seed findings through torch (quality guard)")
        wall, rss, out = run(_rss_wrap(ours_py + report), {**env, "COMPARE_BACKEND": "torch"})
        R["seeds_torch"] = (wall, rss)
        R["seeds_findings_torch"] = findings_of(out)

        log(f"20 ECB+ articles ({SUBTOPIC}) vs the naive peer")
        articles = [str(p) for p in ecb_articles(tmp / "ecb")]
        R["ecb"], R["ecb_peer"] = [], []
        for _ in range(args.repeats):
            wall, rss, out = run(
                _rss_wrap(ours_py + ["report", *articles, "-f", "json", "--no-cache", "-q"]), env
            )
            R["ecb"].append((wall, rss))
            R["ecb_claims"] = len(json.loads(out)["claims"])
            wall, rss, out = run(_rss_wrap(peer + articles), env)
            R["ecb_peer"].append((wall, rss))
            R["ecb_peer_sentences"] = json.loads(out)["sentences"]

        log("encoder throughput: compare's path vs the raw encoder; ONNX fp32, int8 and torch in turns")
        sentences = mrpc_sentences()
        (tmp / "sentences.json").write_text(json.dumps(sentences), encoding="utf-8")
        R["encoder"] = json.loads(
            run(
                [
                    PY,
                    str(ROOT / "bench" / "encoder.py"),
                    str(tmp / "sentences.json"),
                    str(args.repeats),
                    str(tmp),
                ],
                env,
            )[2]
        )
        R["encoder_sentences"] = len(sentences)
        ref = np.load(tmp / "torch-fp32.npy")
        for variant in ("onnx-fp32", "onnx-int8", "torch-bf16"):
            f = tmp / f"{variant}.npy"
            if f.exists():
                cos = (np.load(f) * ref).sum(axis=1)
                R[f"fidelity_{variant}"] = (float(cos.mean()), float(cos.min()), len(cos))

        log("scaling: 2 x 1,000 vs 50 x 40 claims (align + diff, given embeddings)")
        R["scaling"] = json.loads(
            run([PY, str(ROOT / "bench" / "scaling.py"), str(args.scaling_repeats)], env)[2]
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    R["load"] = (load_before, os.getloadavg())
    R["elapsed"] = time.perf_counter() - started
    R["tree"] = str(tree)
    if args.json:
        args.json.write_text(json.dumps(R, default=list), encoding="utf-8")
    baseline = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline else None
    text = render(R, tree, baseline)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


def _ok(good: bool) -> str:
    return "yes" if good else "**no**"


def goals(R: dict) -> list[tuple[str, str, str, bool]]:
    """(goal, measured, target, met) for one run's results."""
    help_s = med(R["help"])
    seeds, peer = med(w for w, _ in R["seeds"]), med(w for w, _ in R["seeds_peer"])
    ecb, ecb_peer = med(w for w, _ in R["ecb"]), med(w for w, _ in R["ecb_peer"])
    small, many = R["scaling"]["2x1000"], R["scaling"]["50x40"]
    enc = R["encoder"]
    default = "onnx-fp32" if "onnx-fp32" in enc else "torch-fp32"
    fastest = max((k for k in enc if isinstance(enc[k], dict)), key=lambda k: enc[k]["raw"])
    path = enc[default]["path"]
    own, top = path / enc[default]["raw"], path / enc[fastest]["raw"]
    return [
        ("`compare-articles --help` wall time", f"{help_s:.2f} s", "≤ 0.3 s", help_s <= 0.3),
        (
            "seed report cold / naive peer",
            f"{seeds:.2f} s / {peer:.2f} s = **{seeds / peer:.2f}**",
            "≤ 0.25",
            seeds / peer <= 0.25,
        ),
        (
            f"20 ECB+ articles ({R['ecb_claims']} claims) / naive peer",
            f"{ecb:.2f} s / {ecb_peer:.2f} s = **{ecb / ecb_peer:.2f}**",
            "≤ 1.0",
            ecb / ecb_peer <= 1.0,
        ),
        (
            "encoder path / its raw encoder",
            f"{default}: {path:.0f} / {enc[default]['raw']:.0f} sentences/s = **{own:.2f}**",
            "≥ 0.8",
            own >= 0.8,
        ),
        (
            "encoder path / fastest raw backend",
            f"{default} / {fastest}: {path:.0f} / {enc[fastest]['raw']:.0f} = **{top:.2f}**",
            "≥ 0.8",
            top >= 0.8,
        ),
        (
            "scaling: align + diff, 50 x 40 / 2 x 1,000 claims",
            f"{many['total']:.2f} s / {small['total']:.2f} s = **{many['total'] / small['total']:.2f}**",
            "≤ 3",
            many["total"] / small["total"] <= 3,
        ),
        (
            "scaling, align alone: 50 x 40 / 2 x 1,000",
            f"{many['align']:.2f} s / {small['align']:.2f} s = **{many['align'] / small['align']:.2f}**",
            "(≤ 3)",
            many["align"] / small["align"] <= 3,
        ),
    ] + (
        [
            (
                "scaling, the whole compare() call: 50 x 40 / 2 x 1,000",
                f"{many['whole']:.2f} s / {small['whole']:.2f} s = **{many['whole'] / small['whole']:.2f}**",
                "(≤ 3)",
                many["whole"] / small["whole"] <= 3,
            )
        ]
        if "whole" in many
        else []
    )


def render(R: dict, tree: Path, baseline: dict | None = None) -> str:
    small, many = R["scaling"]["2x1000"], R["scaling"]["50x40"]
    enc = R["encoder"]
    default = "onnx-fp32" if "onnx-fp32" in enc else "torch-fp32"
    now = goals(R)
    if baseline:
        before = goals(baseline)
        table = [
            "| Goal | Before | Now | Target | Met now |",
            "|---|---|---|---|---|",
            *[
                (
                    f"| {g} | {dict((b[0], b[1]) for b in before).get(g, 'not measured')} | {m} | {t} | "
                    f"{_ok(ok)} |"
                )
                for g, m, t, ok in now
            ],
            "",
            f"Before: the same benchmark on `{baseline['tree']}` (the code before the change being "
            f"measured), run earlier the same day; load average {baseline['load'][0][0]:.1f} / "
            f"{baseline['load'][1][0]:.1f}.",
        ]
    else:
        table = [
            "| Goal | Measured | Target | Met |",
            "|---|---|---|---|",
            *[f"| {g} | {m} | {t} | {_ok(ok)} |" for g, m, t, ok in now],
        ]
    same = R["seeds_findings_onnx"] == R["seeds_findings_torch"]
    lines = [
        "# Benchmark",
        "",
        f"Written by `make bench` (`bench/run.py`) on {dt.date.today().isoformat()}, measuring `{tree}`. "
        "Medians of fresh processes, ours and the peer alternately; the whole run took "
        f"{R['elapsed'] / 60:.1f} min.",
        f"Machine: {os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}; "
        "load average "
        f"{R['load'][0][0]:.1f} before, {R['load'][1][0]:.1f} after (other work on the machine "
        "inflates every time "
        "below; the ratios share it).",
        "",
        "## Goals",
        "",
        *table,
        "",
        "## Details",
        "",
        "| Measurement | Wall time (runs) | Peak RSS |",
        "|---|---|---|",
        (
            "| first run ever (exports the model to ONNX once, then the seed report) | "
            f"{R['first_run']:.2f} s | |"
        ),
        f"| `--help` | {', '.join(f'{x:.2f}' for x in R['help'])} s | |",
        f"| seed report cold, ONNX (default) | {', '.join(f'{w:.2f}' for w, _ in R['seeds'])} s | "
        f"{med(r for _, r in R['seeds']):.0f} MiB |",
        (
            f"| seed report cold, torch backend (`COMPARE_BACKEND=torch`) | {R['seeds_torch'][0]:.2f} s | "
            f"{R['seeds_torch'][1]:.0f} MiB |"
        ),
        (
            f"| naive peer, seeds | {', '.join(f'{w:.2f}' for w, _ in R['seeds_peer'])} s | "
            f"{med(r for _, r in R['seeds_peer']):.0f} MiB |"
        ),
        (
            f"| 20 ECB+ articles, ours | {', '.join(f'{w:.2f}' for w, _ in R['ecb'])} s | "
            f"{med(r for _, r in R['ecb']):.0f} MiB |"
        ),
        f"| 20 ECB+ articles, naive peer ({R['ecb_peer_sentences']} sentences) | "
        f"{', '.join(f'{w:.2f}' for w, _ in R['ecb_peer'])} s | "
        f"{med(r for _, r in R['ecb_peer']):.0f} MiB |",
        "",
        f"Encoder throughput, {R['encoder_sentences']} MRPC sentences, batch 32, sentences/s (median; "
        "backends "
        "in turns; raw = the same calls' time inside the encoder alone):",
        "",
        "| Backend | Ours (tokenise, batch, encode, pool, normalise) | Raw encoder |",
        "|---|---:|---:|",
        *[
            f"| {name}{' (default)' if name == default else ''} | {v['path']:.0f} | {v['raw']:.0f} |"
            for name, v in enc.items()
            if isinstance(v, dict)
        ],
        "",
        "Scaling (align + diff, embeddings given; median seconds):",
        "",
        "| Claims | Sources | Align | Diff | Total | Whole compare() | Matches | Findings |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        *[
            (
                f"| {v['claims']} | {v['sources']} | {v['align']:.2f} | {v['diff']:.2f} | "
                f"{v['total']:.2f} | {v.get('whole', float('nan')):.2f} | {v['matches']} | "
                f"{v['findings']} |"
            )
            for v in (small, many)
        ],
        "",
        "## Quality guard",
        "",
        "- Seed findings (kind, claims, score), ONNX fp32 against torch: "
        f"{'identical' if same else '**different**'} "
        f"({len(R['seeds_findings_onnx'])} findings; model `{R['seeds_model']}`).",
    ]
    for variant in ("onnx-fp32", "onnx-int8", "torch-bf16"):
        if f"fidelity_{variant}" in R:
            mean, low, n = R[f"fidelity_{variant}"]
            lines.append(
                f"- Embeddings of {n} MRPC sentences, {variant} against sentence-transformers fp32: "
                f"mean cosine {mean:.6f}, lowest {low:.6f}."
            )
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
