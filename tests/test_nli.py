"""The optional NLI path, with tiny cross-encoders the test builds itself (no download).

Their classifier bias forces one label, so the test can tell whether the label order is read
from the model's config and whether the probabilities reach the verdicts."""

import pytest

from compare import check

pytestmark = pytest.mark.slow

SOURCE = "The city council voted on Tuesday to close the Elm Street library, the mayor said."
DRAFT = "The council picked a new name for the library."


def _tiny_model(path, winner: str):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from compare.embed import bundled_model_path

    # Deliberately not the common order, so a hard-coded order would pick the wrong label.
    labels = {0: "entailment", 1: "neutral", 2: "contradiction"}
    config = transformers.BertConfig(
        vocab_size=30522,
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=37,
        max_position_embeddings=128,
        num_labels=3,
        id2label=labels,
        label2id={v: k for k, v in labels.items()},
    )
    torch.manual_seed(0)
    model = transformers.BertForSequenceClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.tensor([10.0 if labels[i] == winner else 0.0 for i in range(3)]))
    model.save_pretrained(path)
    transformers.AutoTokenizer.from_pretrained(str(bundled_model_path())).save_pretrained(path)
    return str(path)


def test_nli_contradiction_reaches_the_verdict(tmp_path):
    model = _tiny_model(tmp_path / "contra", "contradiction")
    f = check(DRAFT, [SOURCE], nli=model, cache_dir=None).findings[0]
    assert f.kind == "contradicted"
    assert f.conflicts[0].type == "meaning" and "P(contradiction) 1.00" in f.conflicts[0].detail


def test_nli_entailment_supports(tmp_path):
    model = _tiny_model(tmp_path / "ent", "entailment")
    f = check(DRAFT, [SOURCE], nli=model, cache_dir=None).findings[0]
    assert f.kind == "supported" and "NLI P(entailment) 1.00" in f.explanation


def test_missing_nli_model_is_one_line_error(tmp_path):
    from compare import ModelError

    with pytest.raises(ModelError, match="could not be loaded"):
        check(DRAFT, [SOURCE], nli=str(tmp_path / "nope"), cache_dir=None)
