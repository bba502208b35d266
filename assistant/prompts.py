"""Prompt templates are files with named variables, checked when they are loaded."""

from __future__ import annotations

from pathlib import Path

from llama_index.core.prompts import PromptTemplate

from assistant.errors import ConfigError

# The variables each template must use, no more and no fewer.
VARIABLES = {
    "answer": {"question", "context", "decline"},
    "condense": {"history", "question"},
}


def load_prompt(prompts_dir: Path, name: str) -> PromptTemplate:
    """The template `prompts/<name>.txt`; a missing or unknown variable fails here, before any model call."""
    path = Path(prompts_dir) / f"{name}.txt"
    try:
        template = PromptTemplate(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read prompt {path} ({error}): restore it from the repository") from None
    found, wanted = set(template.template_vars), VARIABLES[name]
    if found != wanted:
        problems = []
        if wanted - found:
            problems.append("missing {" + "}, {".join(sorted(wanted - found)) + "}")
        if found - wanted:
            problems.append("unknown {" + "}, {".join(sorted(found - wanted)) + "}")
        raise ConfigError(f"prompt {path} has {' and '.join(problems)}: it must use exactly {sorted(wanted)}")
    return template
