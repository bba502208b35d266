"""Errors whose message is meant for the user: one line that says what to do next."""


class AssistantError(Exception):
    """Base class: the CLI prints str(error) on one line and exits non-zero."""

    exit_code = 1


class InputError(AssistantError):
    """The question itself is unusable (empty, too long)."""

    exit_code = 2


class KnowledgeError(AssistantError):
    """A report in the knowledge folder is missing, empty or unreadable."""


class ConfigError(AssistantError):
    """A setting is wrong (unknown embedding, missing key, bad prompt file)."""


class ModelError(AssistantError):
    """The language-model endpoint failed; callers fall back to offline answers."""
