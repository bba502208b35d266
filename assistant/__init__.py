"""The public API of the government-work-report assistant.

    from assistant import Assistant
    answer = Assistant().ask("2013年衢州市生产总值是多少？")
"""

import os as _os
from pathlib import Path as _Path

# tiktoken would download its BPE files at run time; llama-index-core ships them.
import llama_index.core as _llama_index_core

_os.environ.setdefault(
    "TIKTOKEN_CACHE_DIR", str(_Path(_llama_index_core.__file__).parent / "_static" / "tiktoken_cache")
)

from assistant.answer import NOT_IN_REPORT, Answer, Citation, Source, Usage  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.core import Assistant  # noqa: E402
from assistant.errors import AssistantError  # noqa: E402

__all__ = ["Assistant", "Answer", "Citation", "Source", "Usage", "Settings", "AssistantError", "NOT_IN_REPORT"]
