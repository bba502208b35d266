"""Reports on disk -> whole paragraphs with section paths and stable ids.

Every `.md`/`.txt` file in the knowledge folder is one document; `synonyms.tsv`, if
there, lists other names for the reports' words, and `names.u8` their own names in English. Converted
reports carry page-break debris (`---` lines, paragraphs cut mid-sentence);
`read_document` repairs it so that one paragraph is one unit of citation.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from llama_index.core.schema import TextNode

from assistant.errors import KnowledgeError

log = logging.getLogger(__name__)

SUFFIXES = (".md", ".txt")
SECTION_SEPARATOR = " › "
FRONT_MATTER = "卷首：标题、日期、会议、报告人"
OPENING = "开场白"

_THEMATIC_BREAK = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_CHINESE_NUMERAL = "一二三四五六七八九十"
_LEVEL1 = re.compile(rf"^[{_CHINESE_NUMERAL}]+、")
_LEVEL2 = re.compile(rf"^[(（][{_CHINESE_NUMERAL}]+[)）]")
# Prose (it has sentence or clause marks) that does not end like a sentence was cut by a page break.
_SENTENCE_MARK = re.compile(r"[。！？!?；;，,、]")
_CLOSING = tuple("。！？!?；;：:”’」』）)…")


@dataclass(frozen=True)
class Paragraph:
    """One citable paragraph of one report."""

    paragraph_id: str  # "<file stem>:p<number>", the same on every run
    document: str  # the report's title
    source: str  # the file name inside the knowledge folder
    section_path: tuple[str, ...]
    number: int  # 1-based position inside the document
    text: str

    @property
    def section(self) -> str:
        return SECTION_SEPARATOR.join(self.section_path) or FRONT_MATTER

    @property
    def context_text(self) -> str:
        """The text that is indexed: title and section path first, so that a
        question's year and topic count in ranking (contextual retrieval)."""
        return f"{self.document}{SECTION_SEPARATOR}{self.section}\n{self.text}"

    def to_node(self) -> TextNode:
        return TextNode(
            id_=self.paragraph_id,
            text=self.text,
            metadata={
                "document": self.document,
                "source": self.source,
                "section": self.section,
                "paragraph_number": self.number,
            },
        )


def _join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines: no space between Chinese characters, one between Latin words."""
    text = ""
    for line in (line.strip() for line in lines):
        if text and text[-1].isascii() and text[-1].isalnum() and line[:1].isascii() and line[:1].isalnum():
            text += " "
        text += line
    return text


def _blocks(raw: str) -> list[str]:
    """Blank-line separated blocks, with page-break lines removed."""
    blocks, current = [], []
    for line in raw.splitlines():
        if _THEMATIC_BREAK.match(line) or not line.strip():
            if current:
                blocks.append(_join_lines(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append(_join_lines(current))
    return blocks


def _is_cut(text: str) -> bool:
    return bool(_SENTENCE_MARK.search(text)) and not text.endswith(_CLOSING)


def _section_level(title: str, hashes: int) -> int:
    if _LEVEL1.match(title):
        return 1
    if _LEVEL2.match(title):
        return 2
    return max(1, hashes - 1)


def parse_document(raw: str, source: str) -> list[Paragraph]:
    """Paragraphs of one report, in order, with page-break cuts joined back.

    Example: "…加强项目管理和" / "---" / "重大项目前期工作…" -> one paragraph.
    """
    stem = Path(source).stem
    title = ""
    section_path: list[str] = []
    texts: list[tuple[tuple[str, ...], str]] = []
    for block in _blocks(raw):
        heading = _HEADING.match(block)
        if heading:
            hashes, heading_text = len(heading.group(1)), heading.group(2).strip()
            if not title and not texts:
                title = heading_text
                texts.append(((), heading_text))
                continue
            level = _section_level(heading_text, hashes)
            section_path = section_path[: level - 1] + [heading_text]
            continue
        # Prose before the first heading is the speaker's opening, not front matter.
        path = tuple(section_path) or ((OPENING,) if _SENTENCE_MARK.search(block) else ())
        if texts and texts[-1][0] == path and _is_cut(texts[-1][1]):
            texts[-1] = (path, texts[-1][1] + block)
            continue
        if not path and texts and not texts[-1][0]:
            # Title, date, occasion and speaker lines form one front-matter paragraph.
            texts[-1] = ((), f"{texts[-1][1]} {block}")
            continue
        if _LEVEL2.match(block):
            # "(一)加快政府职能转变。开展…": the numbered lead sentence opens a sub-section.
            section_path = section_path[:1] + [re.split(r"[。！!]", block, maxsplit=1)[0]]
            path = tuple(section_path)
        texts.append((path, block))
    title = title or stem
    return [
        Paragraph(
            paragraph_id=f"{stem}:p{number:03d}",
            document=title,
            source=source,
            section_path=path,
            number=number,
            text=text,
        )
        for number, (path, text) in enumerate(texts, start=1)
    ]


MAX_FILE_BYTES = 20 * 1024 * 1024  # a report is ~50 KB; a bigger file is rarely one report


def read_document(path: Path) -> list[Paragraph]:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise KnowledgeError(
            f"{path} is {size / 2**20:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit for one report: split it"
        )
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise KnowledgeError(
            f"{path} is not UTF-8 text (byte {error.start}): convert it to UTF-8 or remove it from the knowledge folder"
        ) from None
    except OSError as error:
        raise KnowledgeError(f"cannot read {path}: {error.strerror}") from None
    paragraphs = parse_document(raw, path.name)
    if not raw.strip() or not paragraphs:
        raise KnowledgeError(f"{path} is empty: add the report's text or remove the file")
    return paragraphs


def knowledge_files(knowledge_dir: Path) -> list[Path]:
    if not knowledge_dir.is_dir():
        raise KnowledgeError(f"knowledge folder {knowledge_dir} does not exist: create it and add a .md or .txt report")
    files = sorted(p for p in knowledge_dir.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
    if not files:
        raise KnowledgeError(f"{knowledge_dir} has no .md or .txt report: add one")
    return files


def load_knowledge(knowledge_dir: Path) -> list[Paragraph]:
    """Every paragraph of every report in the folder, documents in file-name order."""
    return [paragraph for path in knowledge_files(knowledge_dir) for paragraph in read_document(path)]


SYNONYMS_FILE = "synonyms.tsv"


def load_synonyms(knowledge_dir: Path) -> dict[str, str]:
    """Other name -> the reports' word, from the folder's synonyms.tsv (none if there is no such
    file): "生产总值<TAB>经济总量, 经济规模" gives {"经济总量": "生产总值", "经济规模": "生产总值"}."""
    path = knowledge_dir / SYNONYMS_FILE
    synonyms = {}
    for number, line in _data_lines(path):
        term, _, names = line.partition("\t")
        others = [name.strip() for name in names.replace("，", ",").split(",") if name.strip()]
        if not term.strip() or not others:
            raise KnowledgeError(
                f"{path} line {number}: expected the report's word, a tab, then other names separated by commas: fix the line"
            )
        synonyms.update(dict.fromkeys(others, term.strip()))
    return synonyms


ABBREVIATIONS_FILE = "abbreviations.tsv"


def load_abbreviations(knowledge_dir: Path) -> list[tuple[str, list[list[str]]]]:
    """The reports' numbered abbreviations with their parts, each part in the words a question may name it by,
    from the folder's abbreviations.tsv (none if there is no such file): "三公<TAB>招待 接待<TAB>出国<TAB>公车 用车"
    gives ("三公", [["招待", "接待"], ["出国"], ["公车", "用车"]])."""
    path = knowledge_dir / ABBREVIATIONS_FILE
    abbreviations = []
    for number, line in _data_lines(path):
        short, *parts = [column.split() for column in line.split("\t")]
        if len(short) != 1 or len(parts) < 2 or not all(parts):
            raise KnowledgeError(
                f"{path} line {number}: expected the abbreviation, then a tab before each of its parts' words: fix the line"
            )
        abbreviations.append((short[0], parts))
    return abbreviations


NAMES_FILE = "names.u8"
# A CC-CEDICT line: traditional and simplified forms, pinyin in brackets, then /-separated senses.
CEDICT_ENTRY = re.compile(r"^\S+ (\S+) \[([^\]]*)\] /(.*)/\s*$")


def load_names(knowledge_dir: Path) -> list[tuple[str, str, str]]:
    """The reports' own names that CC-CEDICT lacks or reads otherwise, from the folder's names.u8 in its
    line format (none if there is no such file): "開化 开化 [Kai1 hua4] /Kaihua county in Quzhou, Zhejiang/"
    gives ("开化", "Kai1 hua4", "Kaihua county in Quzhou, Zhejiang"), where the dictionary has only "to become
    civilized"."""
    path = knowledge_dir / NAMES_FILE
    names = []
    for number, line in _data_lines(path):
        entry = CEDICT_ENTRY.match(line)
        if not entry:
            raise KnowledgeError(
                f"{path} line {number}: expected a CC-CEDICT line, 'TRAD SIMP [pin1 yin1] /sense/': fix the line"
            )
        names.append(entry.groups())
    return names


def _data_lines(path: Path) -> list[tuple[int, str]]:
    """An optional data file's lines with their numbers, blank and "#" comment lines left out; none if there is
    no such file."""
    if not path.is_file():
        return []
    try:
        lines = path.read_bytes().decode("utf-8-sig").splitlines()
    except (UnicodeDecodeError, OSError) as error:
        raise KnowledgeError(f"cannot read {path} as UTF-8 text ({error}): fix or delete it") from None
    return [(number, line) for number, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]


def fingerprint(knowledge_dir: Path) -> str:
    """A digest of the folder's reports: names and bytes."""
    digest = hashlib.sha256()
    for path in knowledge_files(knowledge_dir):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> bool:
    """Write a whole file or none of it: `write(out)` fills a temporary file, then a rename puts it in place, so no
    reader sees half of one. False, with a warning, when it cannot be written (a read-only cache folder, a full disk):
    the caller keeps what it computed in memory."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                write(out)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as error:
        log.warning("cannot write the cache file %s (%s); it stays in memory", path, error)
        return False
    return True
