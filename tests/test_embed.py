"""Embedding: the ONNX path against sentence-transformers, the exported file's life cycle, the
bundled model's checksum, the embedding cache, and a start-up that never imports torch.

The real export (torch, about ten seconds) runs once per module; the rebuild tests replace the
exporter by a copy of that file, so they check the decisions, not torch again.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from compare import onnx_encoder
from compare.embed import (
    CachedEmbedder,
    OnnxEmbedder,
    SentenceTransformerEmbedder,
    bundled_model_path,
    make_embedder,
    verify_bundled,
)
from compare.errors import InputError, ModelError
from compare.options import DEFAULT_MODEL_SHA256

from .conftest import CBS, ROOT, TP, FakeEmbedder

SENTENCES = [
    "Syria's ambassador to Iraq has defected, the most senior diplomat to abandon Assad.",
    "Activists said at least 20 people were killed in the highway attacks.",
    "The talks did not end the fighting.",
    "Nawaf al-Fares told the BBC that only force would remove the regime.",
    "",
    "A very long sentence " + "with many repeated words " * 80,
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    """A cache root holding a real export of the bundled model."""
    root = tmp_path_factory.mktemp("onnx-root")
    OnnxEmbedder(cache_dir=root, strict=True).embed(["warm up"])
    return root


def _pristine(exported: Path) -> Path:
    return onnx_encoder.export_path(exported, DEFAULT_MODEL_SHA256)


def _fake_exporter(source: Path, calls: list):
    """An exporter that copies a known-good export instead of running torch."""

    def export(model_dir, target, model_sha256, variant="fp32"):
        calls.append(Path(target))
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        return Path(target)

    return export


# --- the ONNX path against sentence-transformers ------------------------------------------


@pytest.mark.slow
def test_onnx_matches_sentence_transformers(exported):
    onnx = OnnxEmbedder(cache_dir=exported, strict=True).embed(SENTENCES)
    torch = SentenceTransformerEmbedder().embed(SENTENCES)
    assert onnx.shape == torch.shape == (len(SENTENCES), 384)
    assert onnx.dtype == np.float32
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)
    cosines = (onnx * torch).sum(axis=1)
    assert cosines.min() > 0.999, cosines


@pytest.mark.slow
def test_order_and_batching_do_not_change_vectors(exported):
    embedder = OnnxEmbedder(cache_dir=exported, strict=True, batch_size=2)
    together = embedder.embed(SENTENCES)
    alone = np.stack([embedder.embed([s])[0] for s in SENTENCES])
    backwards = embedder.embed(SENTENCES[::-1])[::-1]
    assert np.allclose(together, alone, atol=1e-5)
    assert np.allclose(together, backwards, atol=1e-5)


@pytest.mark.slow
def test_names_carry_the_backend(exported):
    fp32 = OnnxEmbedder(cache_dir=exported).name
    assert fp32.endswith("/onnx-fp32") and DEFAULT_MODEL_SHA256[:16] in fp32
    assert OnnxEmbedder(cache_dir=exported, variant="int8").name != fp32
    assert SentenceTransformerEmbedder().name not in (fp32,)


# --- the exported file: reused, rebuilt when stale or corrupt --------------------------------


@pytest.mark.slow
def test_a_sound_export_is_reused(exported, monkeypatch):
    calls: list = []
    monkeypatch.setattr(onnx_encoder, "export", _fake_exporter(_pristine(exported), calls))
    onnx_encoder.load(bundled_model_path(), exported, DEFAULT_MODEL_SHA256)
    assert calls == []


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_corrupt_export_is_rebuilt(exported, tmp_path, monkeypatch, damage):
    calls: list = []
    monkeypatch.setattr(onnx_encoder, "export", _fake_exporter(_pristine(exported), calls))
    target = onnx_encoder.export_path(tmp_path, DEFAULT_MODEL_SHA256)
    target.parent.mkdir(parents=True)
    good = _pristine(exported).read_bytes()
    target.write_bytes(
        {"truncated": good[: len(good) // 2], "garbage": os.urandom(4096), "empty": b""}[damage]
    )
    encoder = onnx_encoder.load(bundled_model_path(), tmp_path, DEFAULT_MODEL_SHA256)
    assert calls == [target]
    assert encoder.check(DEFAULT_MODEL_SHA256, "fp32") is None
    assert target.read_bytes() == good


@pytest.mark.slow
def test_an_export_of_other_weights_is_stale(exported, tmp_path, monkeypatch):
    # A file under this model's name whose metadata says it was built from other weights.
    other = "0" * 64
    calls: list = []
    monkeypatch.setattr(onnx_encoder, "export", _fake_exporter(_pristine(exported), calls))
    target = onnx_encoder.export_path(tmp_path, other)
    target.parent.mkdir(parents=True)
    shutil.copyfile(_pristine(exported), target)
    encoder = onnx_encoder.OnnxEncoder(target, bundled_model_path())
    assert encoder.check(other, "fp32") == "stale"
    with pytest.raises(onnx_encoder.ExportError, match="does not reproduce|stale"):
        onnx_encoder.load(bundled_model_path(), tmp_path, other)  # the rebuilt copy is still stale
    assert calls == [target]


@pytest.mark.slow
def test_a_new_exporter_version_rebuilds_and_removes_the_old_file(exported, tmp_path, monkeypatch):
    calls: list = []
    monkeypatch.setattr(onnx_encoder, "export", _fake_exporter(_pristine(exported), calls))
    old = onnx_encoder.export_path(tmp_path, DEFAULT_MODEL_SHA256)
    old.parent.mkdir(parents=True)
    shutil.copyfile(_pristine(exported), old)
    monkeypatch.setattr(onnx_encoder, "EXPORTER_VERSION", "test-next")
    new = onnx_encoder.export_path(tmp_path, DEFAULT_MODEL_SHA256)
    assert new != old
    # The real exporter removes older versions; the fake one is wrapped to do the same.
    fake = onnx_encoder.export

    def export(model_dir, target, sha, variant="fp32"):
        fake(model_dir, target, sha, variant)
        onnx_encoder._remove_stale(Path(target))
        return Path(target)

    monkeypatch.setattr(onnx_encoder, "export", export)
    with pytest.raises(onnx_encoder.ExportError):
        # the copied file carries the old version in its metadata, so it reads as stale
        onnx_encoder.load(bundled_model_path(), tmp_path, DEFAULT_MODEL_SHA256)
    assert calls == [new]
    assert not old.exists()


@pytest.mark.slow
def test_probes_that_drift_are_refused(exported, tmp_path):
    target = tmp_path / "drift.onnx"
    shutil.copyfile(_pristine(exported), target)
    encoder = onnx_encoder.OnnxEncoder(target, bundled_model_path())
    ref = json.loads(encoder.metadata["compare.probes"])
    encoder.metadata["compare.probes"] = json.dumps([list(reversed(v)) for v in ref])
    assert encoder.check(DEFAULT_MODEL_SHA256, "fp32").startswith("probe cosine")


def test_export_writes_atomically_and_names_what_is_missing(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_onnx(name, *args, **kwargs):
        if name == "onnx":
            raise ImportError("no onnx", name="onnx")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_onnx)
    target = tmp_path / "onnx" / "m.onnx"
    with pytest.raises(onnx_encoder.ExportError, match="onnx is missing"):
        onnx_encoder.export(bundled_model_path(), target, DEFAULT_MODEL_SHA256)
    assert not target.exists()
    assert not list(tmp_path.rglob("*.tmp"))


# --- the bundled model's checksum ----------------------------------------------------------


def _copy_model(tmp_path: Path) -> Path:
    copy = tmp_path / "model"
    shutil.copytree(bundled_model_path(), copy)
    return copy


def test_the_bundled_weights_pass_and_the_verdict_is_remembered(tmp_path):
    copy = _copy_model(tmp_path)
    cache = tmp_path / "cache"
    verify_bundled(copy, cache)
    assert (cache / "verified-model").is_file()
    verify_bundled(copy, cache)  # from the marker


def test_wrong_weights_are_refused(tmp_path):
    copy = _copy_model(tmp_path)
    cache = tmp_path / "cache"
    verify_bundled(copy, cache)
    weights = copy / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))  # a new mtime: the remembered verdict no longer applies
    with pytest.raises(ModelError, match=r"model.safetensors: sha256 .* does not match all-MiniLM-L6-v2"):
        verify_bundled(copy, cache)
    with pytest.raises(ModelError, match="does not match"):
        OnnxEmbedder(cache_dir=cache, model_dir=copy).embed(["anything"])


def test_missing_weights_are_named(tmp_path):
    copy = _copy_model(tmp_path)
    (copy / "model.safetensors").unlink()
    with pytest.raises(ModelError, match="model.safetensors: is missing"):
        verify_bundled(copy, None)


# --- choosing a backend --------------------------------------------------------------------


def test_backends():
    assert isinstance(make_embedder(), OnnxEmbedder)
    assert isinstance(make_embedder(backend="torch"), SentenceTransformerEmbedder)
    assert make_embedder(backend="onnx-int8").variant == "int8"
    assert isinstance(make_embedder("sentence-transformers/all-mpnet-base-v2"), SentenceTransformerEmbedder)
    with pytest.raises(InputError, match="backend 'gpu': use one of auto, onnx, onnx-int8, torch"):
        make_embedder(backend="gpu")
    with pytest.raises(InputError, match="runs only the bundled all-MiniLM-L6-v2"):
        make_embedder("other/model", backend="onnx")


def test_a_failed_export_falls_back_to_sentence_transformers(tmp_path, monkeypatch, caplog):
    # The cache root is a file: nothing can be exported under it.
    root = tmp_path / "not-a-folder"
    root.write_text("x")
    monkeypatch.setattr(
        "compare.embed.SentenceTransformerEmbedder",
        lambda *a, **k: type("Fake", (FakeEmbedder,), {"name": "fake-torch"})(),
    )
    embedder = OnnxEmbedder(cache_dir=root)
    vectors = CachedEmbedder(embedder, tmp_path / "cache")
    assert vectors.embed(["one", "two"]).shape == (2, 256)
    assert embedder.name == vectors.name == "fake-torch"
    assert "running all-MiniLM-L6-v2 with sentence-transformers" in caplog.text
    with pytest.raises(ModelError, match="cannot run through ONNX Runtime"):
        OnnxEmbedder(cache_dir=root, strict=True).embed(["one"])


# --- the embedding cache -------------------------------------------------------------------


def test_the_cache_round_trips(tmp_path):
    inner = FakeEmbedder()
    first = CachedEmbedder(inner, tmp_path).embed(["a b c", "d e f", "a b c"])
    assert inner.calls == 1
    again = CachedEmbedder(inner, tmp_path).embed(["d e f", "a b c"])
    assert inner.calls == 1  # everything from the cache
    assert np.array_equal(again, first[[1, 0]])
    assert again.dtype == np.float32
    more = CachedEmbedder(inner, tmp_path).embed(["a b c", "g h i"])
    assert inner.calls == 2 and np.array_equal(more[0], first[0])


def test_the_cache_keys_by_model_name(tmp_path):
    a, b = FakeEmbedder(), FakeEmbedder(dim=256)
    b.name = "fake-bow/other-backend"
    CachedEmbedder(a, tmp_path).embed(["same text"])
    CachedEmbedder(b, tmp_path).embed(["same text"])
    assert a.calls == b.calls == 1


def test_an_unwritable_cache_degrades_to_no_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    inner = FakeEmbedder()
    cached = CachedEmbedder(inner, blocker / "cache")  # a folder under a file cannot be made
    out = cached.embed(["a b c", "d e f"])
    assert out.shape == (2, 256) and inner.calls == 1
    cached.embed(["a b c"])
    assert inner.calls == 2


def test_a_corrupt_cache_degrades_to_no_cache(tmp_path):
    (tmp_path / "embeddings.sqlite").write_bytes(b"not a database" * 100)
    inner = FakeEmbedder()
    out = CachedEmbedder(inner, tmp_path).embed(["a b c"])
    assert np.array_equal(out, FakeEmbedder().embed(["a b c"]))


def test_empty_input():
    assert CachedEmbedder(FakeEmbedder(), Path("/nonexistent")).embed([]).shape == (0, 0)
    assert OnnxEmbedder().embed([]).shape == (0, 0)


# --- start-up: no torch on the default path -------------------------------------------------

_HEAVY = ("torch", "transformers", "sentence_transformers", "sklearn")


def _modules_after(code: str, env: dict) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_help_imports_nothing_heavy():
    modules = _modules_after("import compare.cli", dict(os.environ))
    assert not modules & {*_HEAVY, "onnxruntime", "numpy"}


@pytest.mark.slow
def test_a_report_imports_no_torch_once_exported(exported):
    env = {**os.environ, "COMPARE_CACHE_DIR": str(exported), "HF_HUB_OFFLINE": "1"}
    env.pop("COMPARE_BACKEND", None)
    modules = _modules_after(
        f"from compare import compare\ncompare([{str(CBS)!r}, {str(TP)!r}], cache_dir=None)", env
    )
    assert "onnxruntime" in modules
    assert not modules & set(_HEAVY), sorted(modules & set(_HEAVY))
