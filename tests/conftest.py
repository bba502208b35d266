import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
GDP_QUESTION = "2013年衢州市生产总值是多少？"


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory):
    """One index cache for the session: building the embeddings takes ~25 s."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch, session_cache):
    """No test sees a real key, a real endpoint or the user's own cache."""
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "ASSISTANT_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(session_cache))
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")


@pytest.fixture(scope="session")
def bot(session_cache):
    from assistant import Assistant, Settings

    return Assistant(settings=Settings(cache_dir=session_cache, offline=True))
