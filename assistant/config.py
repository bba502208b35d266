"""One settings object, filled from the environment; CLI flags override it."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_DIR = Path(__file__).resolve().parent.parent
LOCAL_EMBEDDING = "local:multilingual-e5-small"


def _default_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gov-report-assistant"


class Settings(BaseSettings):
    """Everything the assistant can be told. Environment: ASSISTANT_<FIELD>, plus OPENAI_API_KEY and OPENAI_BASE_URL."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="forbid", validate_default=True)

    knowledge_dir: Path = Field(REPO_DIR / "knowledge", description="Folder whose .md/.txt files are the reports.")
    prompts_dir: Path = Field(REPO_DIR / "prompts", description="Folder with the prompt templates.")
    cache_dir: Path = Field(default_factory=_default_cache_dir, description="Where the index cache is kept.")
    embedding: str = Field(
        LOCAL_EMBEDDING,
        description="Dense embeddings: 'local:multilingual-e5-small' (offline, bundled) or 'openai:<model>'.",
    )
    top_k: int = Field(5, ge=1, le=50, description="Paragraphs retrieved for each question.")
    max_question_chars: int = Field(2000, ge=10, description="Longer questions are refused.")
    offline: bool = Field(False, description="Never call a model, even when one is configured.")
    openai_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("OPENAI_API_KEY", "ASSISTANT_OPENAI_API_KEY"),
        description="Key for OpenAI or an OpenAI-compatible server; switches the model path on.",
    )
    openai_base_url: str | None = Field(
        None,
        validation_alias=AliasChoices("OPENAI_BASE_URL", "ASSISTANT_OPENAI_BASE_URL"),
        description="Base URL of an OpenAI-compatible server (DeepSeek, DashScope, Ollama, vLLM …).",
    )
    llm_model: str = Field("gpt-4o-mini", description="Model name sent to the endpoint.")
    llm_timeout: float = Field(30.0, gt=0, description="Seconds to wait for the model before falling back.")
    llm_max_retries: int = Field(2, ge=0, le=10, description="Retries on 429 and 5xx, with backoff.")
    llm_context_window: int | None = Field(
        None, ge=1024, description="Context window in tokens; known for OpenAI models, 8192 otherwise."
    )
    llm_max_tokens: int = Field(512, ge=16, description="Longest answer the model may write, in tokens.")

    @property
    def model_configured(self) -> bool:
        return not self.offline and bool(self.openai_api_key or self.openai_base_url)
