"""The language-model path: any OpenAI-compatible endpoint through llama-index's LLM classes."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import openai
import tiktoken
from llama_index.core.llms import LLM, ChatMessage

from assistant.answer import NOT_IN_REPORT, Usage
from assistant.config import Settings
from assistant.errors import ModelError
from assistant.knowledge import Paragraph
from assistant.prompts import load_prompt

DEFAULT_CONTEXT_WINDOW = 8192


@lru_cache(maxsize=8)
def encoding_for(model: str) -> tiktoken.Encoding:
    """The model's own encoding when tiktoken knows it, else cl100k_base (both ship with llama-index)."""
    try:
        return tiktoken.encoding_for_model(model)
    except Exception:  # unknown model name, or an encoding file that is not on disk
        return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str, model: str) -> int:
    return len(encoding_for(model).encode(text))


def make_llm(settings: Settings) -> LLM:
    """llama-index's `OpenAI` for OpenAI's own models; `OpenAILike` for any other name or
    endpoint, since `OpenAI` rejects model names it does not know (deepseek-chat, qwen-plus …)."""
    from llama_index.llms.openai.utils import ALL_AVAILABLE_MODELS

    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
    common = dict(
        model=settings.llm_model,
        api_key=key,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,  # the openai client retries 429 and 5xx with backoff
        temperature=0.0,
        max_tokens=settings.llm_max_tokens,
    )
    if settings.llm_model in ALL_AVAILABLE_MODELS and not settings.openai_base_url:
        from llama_index.llms.openai import OpenAI

        return OpenAI(**common)
    from llama_index.llms.openai_like import OpenAILike

    return OpenAILike(
        **common,
        api_base=settings.openai_base_url or "https://api.openai.com/v1",
        is_chat_model=True,
        context_window=context_window(settings),
    )


def context_window(settings: Settings) -> int:
    if settings.llm_context_window:
        return settings.llm_context_window
    from llama_index.llms.openai.utils import openai_modelname_to_contextsize

    try:
        return openai_modelname_to_contextsize(settings.llm_model)
    except ValueError:
        return DEFAULT_CONTEXT_WINDOW


def describe_failure(error: Exception, settings: Settings) -> str:
    """One line for the user: what failed and what to do."""
    where = settings.openai_base_url or "api.openai.com"
    if isinstance(error, openai.AuthenticationError):
        return f"the model endpoint {where} rejected the key (401): fix OPENAI_API_KEY"
    if isinstance(error, openai.PermissionDeniedError):
        return f"the key may not use model {settings.llm_model} (403): fix ASSISTANT_LLM_MODEL or OPENAI_API_KEY"
    if isinstance(error, openai.NotFoundError):
        return f"model {settings.llm_model} was not found at {where} (404): fix ASSISTANT_LLM_MODEL or OPENAI_BASE_URL"
    if isinstance(error, openai.RateLimitError):
        return f"the model endpoint is rate-limiting requests (429) after {settings.llm_max_retries} retries: try again later"
    if isinstance(error, openai.APITimeoutError):
        return f"the model did not answer within {settings.llm_timeout:g} s: try again, or raise ASSISTANT_LLM_TIMEOUT"
    if isinstance(error, openai.APIConnectionError):
        return f"cannot reach the model endpoint {where}: check OPENAI_BASE_URL and the network"
    if isinstance(error, openai.APIStatusError):
        return f"the model endpoint failed ({error.status_code}): try again later"
    return f"the model's reply could not be read ({type(error).__name__}): try again later"


class ModelClient:
    """Condenses follow-ups and streams cited answers from the configured model."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.answer_prompt = load_prompt(settings.prompts_dir, "answer")
        self.condense_prompt = load_prompt(settings.prompts_dir, "condense")
        self.llm = make_llm(settings)
        self.window = context_window(settings)

    @property
    def model(self) -> str:
        return self.settings.llm_model

    def _fail(self, error: Exception) -> ModelError:
        return ModelError(describe_failure(error, self.settings))

    def condense(self, question: str, history: list[dict]) -> str:
        """A standalone Chinese question for retrieval: "农村呢？" -> "2013年农村居民人均纯收入是多少？"."""
        turns = "\n".join(f"{m['role']}: {m['content']}" for m in history[-6:] if isinstance(m.get("content"), str))
        prompt = self.condense_prompt.format(history=turns, question=question)
        try:
            reply = self.llm.complete(prompt).text.strip()
        except Exception as error:
            raise self._fail(error) from error
        return reply.splitlines()[0].strip() if reply else question

    def build_prompt(self, question: str, paragraphs: list[Paragraph]) -> tuple[str, list[Paragraph]]:
        """The answer prompt with as many paragraphs, best first, as the context window allows."""
        budget = self.window - self.settings.llm_max_tokens - 64  # margin for the chat format's own tokens
        empty = self.answer_prompt.format(question=question, context="", decline=NOT_IN_REPORT)
        used = count_tokens(empty, self.model)
        blocks, kept = [], []
        for paragraph in paragraphs:
            block = f"[{len(kept) + 1}] （{paragraph.document} › {paragraph.section}）\n{paragraph.text}\n"
            cost = count_tokens(block, self.model)
            if used + cost > budget:
                if not kept:  # the best paragraph alone is too long: keep its beginning
                    encoding = encoding_for(self.model)
                    block = encoding.decode(encoding.encode(block)[: max(0, budget - used)])
                    blocks.append(block)
                    kept.append(paragraph)
                break
            blocks.append(block)
            kept.append(paragraph)
            used += cost
        return self.answer_prompt.format(question=question, context="\n".join(blocks), decline=NOT_IN_REPORT), kept

    def stream_answer(self, prompt: str) -> Iterator[str]:
        """Yield the reply's text pieces; raise ModelError on any failure, mid-stream included."""
        finished = False
        try:
            for chunk in self.llm.stream_chat([ChatMessage(role="user", content=prompt)]):
                choices = getattr(chunk.raw, "choices", None) or []
                finished = finished or any(getattr(c, "finish_reason", None) for c in choices)
                if chunk.delta:
                    yield chunk.delta
        except Exception as error:
            raise self._fail(error) from error
        if not finished:  # the connection closed before the server said the reply was complete
            raise ModelError("the model's reply stopped halfway: try again")

    def usage(self, prompt: str, completion: str) -> Usage:
        return Usage(count_tokens(prompt, self.model), count_tokens(completion, self.model), self.model)
