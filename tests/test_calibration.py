"""The fitted weights and the features the code computes must be the same list, in order."""

import json

import pytest

from compare import ModelError, calibration
from compare.features import NAMES, VERDICT_NAMES


@pytest.fixture
def weights_file(tmp_path, monkeypatch):
    """A copy of the shipped weights the test may edit; the loader's cache is cleared around it."""
    path = tmp_path / "weights.json"
    path.write_text(calibration.WEIGHTS.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(calibration, "WEIGHTS", path)
    calibration.load.cache_clear()
    yield path
    calibration.load.cache_clear()


def test_shipped_weights_match_the_features():
    calibration.load.cache_clear()
    weights = calibration.load()
    assert tuple(weights["same_fact"]["features"]) == NAMES
    assert tuple(weights["verdict"]["features"]) == VERDICT_NAMES


def test_weights_fitted_on_other_features_are_refused(weights_file):
    weights = json.loads(weights_file.read_text(encoding="utf-8"))
    weights["same_event"]["features"] = list(reversed(weights["same_event"]["features"]))
    weights_file.write_text(json.dumps(weights), encoding="utf-8")
    with pytest.raises(
        ModelError, match=r"same_event weights were fitted on other features .* tools/fit_calibration.py"
    ):
        calibration.load()
