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


@pytest.fixture
def server():
    from openai_server import FakeOpenAI

    fake = FakeOpenAI()
    yield fake
    fake.close()


def with_model(bot, settings):
    """A copy of the offline bot (sharing its index) whose model is configured by `settings`."""
    from assistant import Assistant
    from assistant.llm import ModelClient

    model_bot = Assistant.__new__(Assistant)
    model_bot.__dict__.update(bot.__dict__)
    model_bot.settings = settings
    model_bot.model = ModelClient(settings)
    return model_bot


@pytest.fixture
def model_bot(bot, server, session_cache):
    """An assistant whose model is the local server."""
    from assistant import Settings

    return with_model(bot, Settings(cache_dir=session_cache, openai_base_url=server.url, openai_api_key="sk-test",
                                    llm_model="local-model", llm_timeout=2, llm_max_retries=1))
