"""Checking a model's answer against the paragraphs it was given, before anyone sees it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import NOT_IN_REPORT, Citation
from assistant.knowledge import Paragraph
from assistant.text import normalize

_MARKER = re.compile(r"\[(\d+(?:\s*[,，、]\s*\d+)*)\]|【(\d+)】")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?\n]*")
_QUANTITY = re.compile(r"(\d+(?:\.\d+)?)(万亿|亿|万|千)?")
_UNITS = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, None: 1.0}


@dataclass
class Verified:
    text: str
    citations: list[Citation]
    warnings: list[str]
    answered: bool


def is_decline(text: str) -> bool:
    core = normalize(NOT_IN_REPORT).split("(")[0]
    return core in normalize(text)


def _quantities(text: str) -> set[float]:
    """Every number as written and scaled by its 万/亿 unit: "1,056.6亿" -> {1056.6, 105660000000.0}."""
    values = set()
    for number, unit in _QUANTITY.findall(normalize(text)):
        values.add(round(float(number), 6))
        values.add(round(float(number) * _UNITS[unit or None], 2))
    return values


def verify(answer_text: str, paragraphs: list[Paragraph], question: str = "") -> Verified:
    """Drop markers that point nowhere, renumber the rest in order of first
    appearance, and flag numbers not found in the paragraphs their sentence cites."""
    if is_decline(answer_text):
        return Verified(NOT_IN_REPORT, [], [], False)
    warnings: list[str] = []
    order: list[int] = []  # original marker numbers, in order of first appearance
    dropped: set[int] = set()

    def renumber(match: re.Match) -> str:
        numbers = [int(n) for n in re.findall(r"\d+", match.group(0))]
        kept = []
        for number in numbers:
            if not 1 <= number <= len(paragraphs):
                dropped.add(number)
                continue
            if number not in order:
                order.append(number)
            kept.append(order.index(number) + 1)
        return "".join(f"[{k}]" for k in dict.fromkeys(kept))

    text = _MARKER.sub(renumber, answer_text).strip()
    text = re.sub(r"[ \t]+(?=[。，；！？.,;!?])", "", text)
    if dropped:
        warnings.append(f"removed citation marker(s) {sorted(dropped)} that point to no retrieved paragraph")
    citations = [
        Citation(new, p.paragraph_id, p.section, p.document, p.text)
        for new, p in enumerate((paragraphs[n - 1] for n in order), start=1)
    ]
    allowed_everywhere = _quantities(question)
    for sentence in _SENTENCE.findall(text):
        cited = [int(m) for m in re.findall(r"\[(\d+)\]", sentence)] or list(range(1, len(citations) + 1))
        sources = " ".join(f"{citations[m - 1].document} {citations[m - 1].section} {citations[m - 1].text}"
                           for m in cited if m <= len(citations))
        allowed = _quantities(sources) | allowed_everywhere
        plain = re.sub(r"\[\d+\]", "", sentence)
        for number, unit in _QUANTITY.findall(normalize(plain)):
            value = round(float(number), 6)
            if value not in allowed and round(value * _UNITS[unit or None], 2) not in allowed:
                warnings.append(f"the number {number}{unit} is not in the paragraph(s) this sentence cites")
    if not citations:
        warnings.append("the answer cites no paragraph of the report")
    return Verified(text, citations, warnings, True)
