"""What the assistant returns: an answer, its citations and every retrieved source."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# One sentence for "the report does not say", shared by the prompt, the code that
# detects a decline, the tests and the evals, so that all four agree on it.
NOT_IN_REPORT = "报告中没有找到这个问题的答案（The report does not say）。"


@dataclass
class Citation:
    """A paragraph that the answer cites as `[marker]`."""

    marker: int
    paragraph_id: str
    section: str
    document: str
    text: str  # the whole paragraph
    quote: str = ""  # the clause(s) the answer took from it, when known


@dataclass
class Source:
    """A retrieved paragraph, cited or not."""

    paragraph_id: str
    text: str
    score: float
    section: str
    document: str


@dataclass
class Usage:
    prompt_tokens: int
    completion_tokens: int
    model: str


@dataclass
class Answer:
    question: str
    text: str
    answered: bool
    citations: list[Citation] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    mode: str = "offline"  # "offline", "model", or "offline-fallback"
    warnings: list[str] = field(default_factory=list)
    usage: Usage | None = None
    relevance: float = field(default=0.0, repr=False)  # how well the best clause matched the question

    def to_dict(self) -> dict:
        data = asdict(self)
        del data["relevance"]  # internal, and -inf is not JSON
        return data
