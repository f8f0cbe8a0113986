"""examples/quickstart.ipynb runs top to bottom in a real Jupyter kernel (issue 5 item 6)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "quickstart.ipynb"


@pytest.mark.slow
@pytest.mark.timeout(600)
@pytest.mark.filterwarnings("ignore::DeprecationWarning:jupyter_client")
@pytest.mark.filterwarnings("ignore::DeprecationWarning:zmq")
@pytest.mark.filterwarnings("ignore:.*Jupyter is migrating its paths.*:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:.*platformdirs.*:DeprecationWarning")
def test_quickstart_notebook_runs(tmp_path):
    nbformat = pytest.importorskip("nbformat", reason="needs nbformat (pip install nbformat)")
    nbclient = pytest.importorskip("nbclient", reason="needs nbclient (pip install nbclient ipykernel)")
    pytest.importorskip("ipykernel", reason="needs ipykernel (pip install ipykernel)")
    pytest.importorskip("matplotlib", reason="the notebook draws pictures (pip install matplotlib)")
    pytest.importorskip("networkx", reason="the notebook draws a network (pip install networkx)")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    os.environ.setdefault("MPLBACKEND", "Agg")
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError naming the failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 3, "the timeline, network and heat map show as pictures"
    text = "\n".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "Cooccurrence" in text and "countries-by-month.gexf" in text
