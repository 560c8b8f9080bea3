"""The walkthrough notebook runs top to bottom, so it never rots."""

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow


def test_walkthrough_notebook_executes():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    path = ROOT / "examples" / "walkthrough.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    rendered = " ".join(str(o.get("data", {}).get("text/markdown", "")) for o in outputs)
    assert "# Comparison: CBS News (AP) vs ThinkProgress" in rendered
    texts = " ".join(str(o.get("data", {}).get("text/plain", "")) + o.get("text", "") for o in outputs)
    assert "contradicted" in texts and "unsupported" in texts
