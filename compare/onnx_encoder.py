"""The bundled MiniLM through ONNX Runtime: start-up without torch.

Importing sentence-transformers costs seconds (torch, transformers, scikit-learn) before the
first sentence is encoded. This module runs the same network with onnxruntime and the model's
own ``tokenizer.json`` (the ``tokenizers`` library), and does the pooling in numpy: load and
encode one sentence is a fraction of a second.

The ONNX file is exported once from the bundled weights (that step imports torch and
transformers) and kept in the cache folder, named after the weights' sha256 and
``EXPORTER_VERSION``. It is written to a temporary file and renamed, so a reader never sees half
a model; its metadata carries the key it was built from and reference embeddings of a few probe
sentences computed by torch at export time. On load, a file whose key does not match, which
onnxruntime cannot parse, or whose probe embeddings drift from the reference is rebuilt.

The export takes a while (about ``EXPORT_SECONDS``) and writes some 90 MB, so it is announced on
the ``compare.setup`` logger at WARNING level, before and after: Python prints that on standard
error even where logging is not configured, terminal or not; the command line prints it unless
``--quiet``. ``compare-articles prepare-model`` pays the export ahead of time.

The graph is exported as traced, not fused offline: onnxruntime's transformer optimizer (Attention,
SkipLayerNorm, EmbedLayerNorm, BiasGelu) made it 3-7 % slower on the project's 2-core CPU, where
85 % of the time is MatMul either way. Dynamic int8 stays below cosine 0.999 to torch whatever
MatMuls are left in fp32 (per-tensor activation scales), so it is opt-in only.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

#: Bump when the exported graph, the pooling or the metadata change: older files are rebuilt.
EXPORTER_VERSION = "1"
#: Sentences whose embeddings are recorded at export time and checked on every load.
PROBES = (
    "Syria's ambassador to Iraq defected on Wednesday, the first senior diplomat to abandon the regime.",
    "At least 20 people were killed in the highway attacks, activists said.",
    "The ceasefire did not hold.",
)
#: Cosine to the torch reference that a loaded model must reach on every probe sentence.
PROBE_MIN_COSINE = {"fp32": 0.9999, "int8": 0.95}
_FAMILY = "all-MiniLM-L6-v2"
#: What the one-off export takes, as announced: measured 5-6 s on the project's 2-core CPU with
#: torch already in the page cache; importing torch from a cold disk adds a few seconds.
EXPORT_SECONDS = 10
#: First-run notices: the one-off export, before and after.
notices = logging.getLogger("compare.setup")
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


class ExportError(RuntimeError):
    """The ONNX file could not be built (exporter missing or failed)."""


def _threads() -> int:
    """ONNX Runtime's intra-op threads: COMPARE_THREADS where set (N batch workers on one machine
    each take a share of the cores, not all of them), else every core this process may use."""
    env = os.environ.get("COMPARE_THREADS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        n = os.cpu_count() or 1
    return max(1, min(n, 16))


def _max_seq_length(model_dir: Path) -> int:
    try:
        return int(
            json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))[
                "max_seq_length"
            ]
        )
    except (OSError, ValueError, KeyError, TypeError):
        return 256


def export_path(root: Path, model_sha256: str, variant: str = "fp32") -> Path:
    """Where the export of the weights with this sha256 lives under the cache root."""
    return Path(root) / "onnx" / f"{_FAMILY}-{model_sha256[:16]}-x{EXPORTER_VERSION}-{variant}.onnx"


def _key(model_sha256: str, variant: str) -> dict[str, str]:
    return {
        "compare.exporter": EXPORTER_VERSION,
        "compare.model_sha256": model_sha256,
        "compare.variant": variant,
    }


class OnnxEncoder:
    """Tokenize with ``tokenizer.json``, run the exported transformer, mean-pool and normalise."""

    def __init__(self, onnx_path: Path, model_dir: Path, *, threads: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        so = ort.SessionOptions()
        so.intra_op_num_threads = threads or _threads()
        so.inter_op_num_threads = 1
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        so.log_severity_level = 3
        self.session = ort.InferenceSession(str(onnx_path), so, providers=["CPUExecutionProvider"])
        self.metadata = dict(self.session.get_modelmeta().custom_metadata_map)
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=_max_seq_length(model_dir))
        self.tokenizer.no_padding()
        self._wants_types = "token_type_ids" in {i.name for i in self.session.get_inputs()}

    def run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """The raw encoder: token ids and attention mask (batch, length) -> token states."""
        feed = {"input_ids": ids, "attention_mask": mask}
        if self._wants_types:
            feed["token_type_ids"] = np.zeros_like(ids)
        return self.session.run(None, feed)[0]

    def batches(self, texts: Sequence[str], batch_size: int = 32):
        """(row indices, ids, mask) per batch; texts sorted by length so padding stays small."""
        encodings = self.tokenizer.encode_batch(list(texts), add_special_tokens=True)
        lengths = np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=len(encodings))
        order = np.argsort(-lengths, kind="stable")
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            width = int(lengths[rows[0]])
            ids = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                ids[r, : lengths[i]] = encodings[i].ids
            mask = (np.arange(width)[None, :] < lengths[rows][:, None]).astype(np.int64)
            yield rows, ids, mask

    def encode(self, texts: Sequence[str], batch_size: int = 32, progress=None) -> np.ndarray:
        """Unit-length float32 sentence embeddings, in the order of ``texts``."""
        out = None
        for rows, ids, mask in self.batches(texts, batch_size):
            states = self.run(ids, mask)
            m = mask[:, :, None].astype(np.float32)
            pooled = (states * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            if out is None:
                out = np.empty((len(texts), pooled.shape[1]), dtype=np.float32)
            out[rows] = pooled
            if progress is not None:
                progress(len(rows))
        return out if out is not None else np.zeros((0, 0), dtype=np.float32)

    def check(self, model_sha256: str, variant: str) -> str | None:
        """Why this file cannot be used (stale key, missing reference, drifting probes), or None."""
        key = _key(model_sha256, variant)
        if any(self.metadata.get(k) != v for k, v in key.items()):
            return "stale"
        try:
            reference = np.asarray(json.loads(self.metadata["compare.probes"]), dtype=np.float32)
        except (KeyError, ValueError):
            return "no reference"
        got = self.encode(PROBES)
        if reference.shape != got.shape:
            return "wrong shape"
        cos = (reference * got).sum(axis=1) / np.maximum(np.linalg.norm(reference, axis=1), 1e-12)
        if float(cos.min()) < PROBE_MIN_COSINE[variant]:
            return f"probe cosine {float(cos.min()):.4f}"
        return None


def _torch_reference(model, tokenizer, texts: Sequence[str]) -> np.ndarray:
    import torch

    batch = tokenizer(list(texts), padding=True, truncation=True, max_length=256, return_tensors="pt")
    with torch.inference_mode():
        states = model(**batch).last_hidden_state
    m = batch["attention_mask"].unsqueeze(-1).to(states.dtype)
    pooled = (states * m).sum(1) / m.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(pooled, dim=1).numpy().astype(np.float32)


def export(model_dir: Path, target: Path, model_sha256: str, variant: str = "fp32") -> Path:
    """Export the transformer under ``model_dir`` to ``target`` (atomically), once.

    Needs torch, transformers and onnx; pooling and normalisation are left to numpy.
    """
    target = Path(target)
    target.parent.mkdir(
        parents=True, exist_ok=True
    )  # before the slow imports: an unwritable cache fails fast
    try:
        import onnx
        import torch
        import transformers
    except ImportError as e:
        raise ExportError(
            f"exporting the model to ONNX needs torch, transformers and onnx ({e.name} is missing)"
        ) from None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        verbosity = transformers.logging.get_verbosity()
        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()
        try:
            model = transformers.AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
            tokenizer = transformers.AutoTokenizer.from_pretrained(str(model_dir))
        finally:
            transformers.logging.set_verbosity(verbosity)
            transformers.logging.enable_progress_bar()

        class _Transformer(torch.nn.Module):
            def __init__(self, inner):
                super().__init__()
                self.inner = inner

            def forward(self, input_ids, attention_mask, token_type_ids):
                return self.inner(
                    input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
                ).last_hidden_state

        # Before the export: tracing leaves the module in a state that no longer reproduces it.
        reference = _torch_reference(model, tokenizer, PROBES)
        sample = tokenizer(
            ["an example sentence to trace", "a second, longer example sentence to trace the graph"],
            padding=True,
            return_tensors="pt",
        )
        axes = {"batch": 0, "tokens": 1}
        with warnings.catch_warnings(), torch.inference_mode():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _Transformer(model),
                tuple(sample[k] for k in _INPUTS),
                tmp,
                dynamo=False,
                input_names=list(_INPUTS),
                output_names=["last_hidden_state"],
                opset_version=17,
                dynamic_axes={
                    name: {v: k for k, v in axes.items()} for name in (*_INPUTS, "last_hidden_state")
                },
            )
        if variant == "int8":
            from onnxruntime.quantization import QuantType, quantize_dynamic

            fd, quantized = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".q.tmp", dir=target.parent)
            os.close(fd)
            logging.disable(logging.WARNING)  # "consider pre-processing" advice on the root logger
            try:
                quantize_dynamic(tmp, quantized, weight_type=QuantType.QInt8, per_channel=True)
                os.replace(quantized, tmp)
            finally:
                logging.disable(logging.NOTSET)
                Path(quantized).unlink(missing_ok=True)
        proto = onnx.load(tmp)
        meta = {
            **_key(model_sha256, variant),
            "compare.torch": torch.__version__,
            "compare.probes": json.dumps(np.round(reference, 7).tolist()),
        }
        for k, v in meta.items():
            proto.metadata_props.add(key=k, value=v)
        onnx.save(proto, tmp)
        # Not mkstemp's private 0600: a model prepared ahead (prepare-model, as root in a container
        # image) must be readable by the user who runs the reports; the cache folder, made under
        # that user's umask, still decides who may reach it. The weights are public.
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except ExportError:
        raise
    except Exception as e:
        raise ExportError(f"exporting the model to ONNX failed ({type(e).__name__}: {e})") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    _remove_stale(target)
    return target


def _remove_stale(current: Path) -> None:
    """Drop exports of this variant made by other exporter versions or from other weights."""
    variant = current.stem.rsplit("-", 1)[-1]
    for other in current.parent.glob(f"{_FAMILY}-*-{variant}.onnx"):
        if other != current:
            try:
                other.unlink()
            except OSError:
                pass


def load(
    model_dir: Path, root: Path, model_sha256: str, variant: str = "fp32", *, threads: int | None = None
) -> OnnxEncoder:
    """The encoder for the bundled model: the cached export if it is sound, else a fresh one."""
    path = export_path(root, model_sha256, variant)
    existed = path.is_file()
    if existed:
        try:
            encoder = OnnxEncoder(path, model_dir, threads=threads)
            if encoder.check(model_sha256, variant) is None:
                return encoder
        except Exception:  # onnxruntime raises its own types for unreadable or truncated files
            pass
    if existed:
        notices.warning(
            "the prepared model %s is out of date or damaged; preparing it again (one-off, about %d s)",
            path,
            EXPORT_SECONDS,
        )
    else:
        notices.warning(
            "first run: preparing the bundled model %s for fast start (one-off, about %d s; cached in %s)",
            _FAMILY,
            EXPORT_SECONDS,
            path.parent,
        )
    started = time.monotonic()
    export(model_dir, path, model_sha256, variant)
    try:
        encoder = OnnxEncoder(path, model_dir, threads=threads)
        problem = encoder.check(model_sha256, variant)
    except Exception as e:  # onnxruntime's own error types
        raise ExportError(f"onnxruntime cannot run the exported model ({type(e).__name__})") from None
    if problem is not None:
        raise ExportError(f"the exported ONNX model does not reproduce the reference embeddings ({problem})")
    notices.warning(
        "the bundled model is ready (%.0f s); later runs load it from %s", time.monotonic() - started, path
    )
    return encoder
