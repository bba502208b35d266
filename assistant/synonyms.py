"""Other names for the reports' words, Chinese or English, read as the reports' own words:
"去年的经济总量" -> "去年的生产总值"; "How long are the new sewage pipes?" -> "How long are the new 污水管网 ?"."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import accumulate

import jieba

from assistant.crosslingual import ENGLISH_STOPWORDS

_LATIN = re.compile(r"[A-Za-z]+")
_SENTENCE_BREAK = re.compile(r"[，,。？?！!；;]")  # parts named apart, in other clauses, are not one abbreviation


class Synonyms:
    def __init__(self, names: dict[str, str], corpus: str, abbreviations: list[tuple[str, list[list[str]]]] = ()):
        """`names`: other name -> the reports' word, as `load_synonyms` reads them. A name the
        reports use themselves, as a word, stays as it is, unless it holds the report word (地区生产总值 is
        生产总值, and the reports' own 地区生产总值 still holds what it is read as); a name of a word no
        report uses does nothing. `abbreviations`: the reports' numbered abbreviations and their parts,
        as `load_abbreviations` reads them."""
        self._abbreviations = [(short, [re.compile("|".join(map(re.escape, _longest_first(words)))) for words in parts])
                               for short, parts in abbreviations if short in corpus]
        self._terms = {name: term for name, term in names.items()
                       if term in corpus and (term in name or not _used(name, corpus))}
        # One regular expression of some 1,700 English names costs 50 ms a question: only names whose
        # first word shares its first three letters with a word of the question are tried.
        self._by_start: dict[str, list[str]] = defaultdict(list)
        chinese = []
        for name in self._terms:
            first = _LATIN.search(name)
            if first:
                self._by_start[first.group(0)[:3].lower()].append(name)
            else:
                chinese.append(name)
        # A Chinese name's pattern is compiled when a question first holds its first word: some 600 patterns
        # compiled at the start cost 0.15 s of it.
        self._chinese = [(name, jieba.lcut(name)[0]) for name in _longest_first(chinese)]
        self._patterns: dict[str, re.Pattern] = {}
        # "Which free trade zone…" asks which one in the words a name ends with ("Shanghai free trade zone"):
        # such an ending of two words or more, when it ends one report word's names only, is read as that word.
        endings: dict[str, set[str]] = defaultdict(set)
        for name, term in self._terms.items():
            if _LATIN.search(name) and len(words := name.lower().split()) >= 3 and words[1] not in ENGLISH_STOPWORDS:
                endings[" ".join(words[1:])].add(term)
        names = {name.lower() for name in self._terms}
        self._endings = [(ending, terms.pop()) for ending, terms in endings.items()
                         if len(terms) == 1 and ending not in names]
        self._which = re.compile(r"\b(?:which|what)\s+(?:" + "|".join(
            f"(?P<e{i}>{_words_pattern(ending)})" for i, (ending, _) in enumerate(self._endings)) + r")(?![A-Za-z])",
            re.IGNORECASE) if self._endings else None

    def read(self, text: str) -> str:
        """The text with every other name replaced by the reports' word, the longest name first;
        an English name's word stands apart from the English around it."""
        text = self._read_english(self._abbreviate(text), [])
        for name, first_word in self._chinese:  # no name is inside a report word: the reports do not use it
            if first_word in text and (pattern := self._pattern(name)).search(text):
                # nor ends inside a word of the question: 农村人 is not in 农村人口
                ends, term = _word_ends(text), self._terms[name]
                text = pattern.sub(lambda match, term=term, ends=ends, asked=text: term if match.end() in ends
                                   or not _inside_word(asked, match.end()) else match.group(0), text)
        return text

    def _abbreviate(self, text: str) -> str:
        """The text with more than half the parts of a numbered abbreviation, named side by side, read as
        the abbreviation: "政府招待、出国、公车开支" -> "政府三公开支" (公务接待, 因公出国, 公务用车)."""
        for short, parts in self._abbreviations:
            found = [match for part in parts if (match := part.search(text))]
            if 2 * len(found) > len(parts):
                start, end = min(m.start() for m in found), max(m.end() for m in found)
                if not _SENTENCE_BREAK.search(text, start, end):
                    text = text[:start] + short + text[end:]
        return text

    def english(self, text: str) -> list[tuple[str, str]]:
        """The report words the English names of a text are read as, each with the name as written:
        "How many natural gas taxis…" -> [('天然气出租车', 'natural gas taxis')]."""
        found: list[tuple[str, str]] = []
        self._read_english(text, found)
        return found

    def _read_english(self, text: str, found: list[tuple[str, str]]) -> str:
        candidates = {name for word in _LATIN.findall(text) for name in self._by_start.get(word[:3].lower(), ())}
        for name in _longest_first(candidates):
            term = self._terms[name]
            text = self._pattern(name).sub(
                lambda match: found.append((term, match.group(0))) or f" {''.join(filter(None, match.groups()))}{term} ",
                text)
        if self._which:
            def which(match: re.Match) -> str:
                term = self._endings[int(match.lastgroup[1:])][1]
                found.append((term, match.group(match.lastgroup)))
                return f"{match.group(0)[: match.start(match.lastgroup) - match.start()]} {term} "
            text = self._which.sub(which, text)
        return text

    def _pattern(self, name: str) -> re.Pattern:
        if name not in self._patterns:  # compiled on first use
            self._patterns[name] = re.compile(_name_pattern(name), re.IGNORECASE) if _LATIN.search(name) \
                else re.compile(_chinese_pattern(name, self._terms[name]))
        return self._patterns[name]


def _used(name: str, corpus: str) -> bool:
    """Whether the reports use a name as a word of theirs: 经济增长 is not used in "经济增长点" (jieba: 经济/增长点)."""
    for match in re.finditer(re.escape(name), corpus):
        start = max(0, match.start() - 10)  # jieba's cut of the name's surroundings
        ends = {0} | _word_ends(corpus[start : match.end() + 10])
        if {match.start() - start, match.end() - start} <= ends:
            return True
    return False


def _word_ends(text: str) -> set[int]:
    return set(accumulate(len(word) for word in jieba.cut(text)))


def _inside_word(text: str, at: int) -> bool:
    """Whether a word of jieba's dictionary runs across position `at`: 农村人 ends inside 人口 in "农村人口". Where
    jieba glues a word it does not know to the next character (固投要 in "今年固投要涨多少"), none does."""
    jieba.dt.check_initialized()
    return any(jieba.dt.FREQ.get(text[i:j])
               for i in range(max(0, at - 3), at) for j in range(at + 1, min(len(text), i + 4) + 1))


def _longest_first(names) -> tuple[str, ...]:
    return tuple(sorted(names, key=lambda name: (-len(name), name)))


def _chinese_pattern(name: str, term: str) -> str:
    """A regular expression for a Chinese name with the characters of its report word that a question
    may write around it: "居家养老照料中心" is the name 养老照料中心 after 居家, the start of its report word
    居家养老服务照料中心, and is read as that word once, not as 居家 + 居家养老服务照料中心."""
    start, end = term.find(name[:2]), term.rfind(name[-2:])
    before, after = term[:max(start, 0)], term[end + 2 :] if end >= 0 else ""
    words = "的?".join(re.escape(word) for word in jieba.lcut(name))  # "网上的买卖" is the name 网上买卖 too
    return "".join([f"(?:{re.escape(before)})?" if before else "", words,
                    f"(?:{re.escape(after)})?" if after else ""])


def _words_pattern(words: str) -> str:
    """English words, in any case (with re.IGNORECASE), plural or not, hyphenated or spaced."""
    return r"[\s\-]+".join(_word_pattern(word) for word in re.split(r"[\s\-]+", words.strip()))


def _word_pattern(word: str) -> str:
    """One English word, plural or not; a possessive one with or without its mark ("farmers' income" is also
    "farmer income" and "farmer's income")."""
    word, possessive = re.subn(r"(?:s['’]|['’]s)$", "", word)
    if re.search(r"[^aeiou]y$", word, re.IGNORECASE):  # "company" or "companies"
        pattern = re.escape(word[:-1]) + "(?:y|ies)"
    else:
        pattern = re.escape(word) + "(?:e?s)?"  # plural or not
    return pattern.replace("'", "['’]") + ("(?:['’]s?)?" if possessive else "")


def _name_pattern(name: str) -> str:
    """A regular expression for one name. An English one matches whole words, in any case, plural
    or not, hyphenated or spaced: "sewage pipe" matches "Sewage-pipes"."""
    if not _LATIN.search(name):
        return re.escape(name)
    words = [_word_pattern(word) for word in re.split(r"[\s\-]+", name.strip())
             if word.lower() != "the"]
    # "farmland was reclaimed" is the "farmland reclaimed" of a name, and "the size of Quzhou's economy" or
    # "size of the city's economy" its "size of the economy"
    # (a name's or the city's, not "the province's"; captured: `read` keeps it, as "Juhua's" names whose exports
    # are asked about)
    # (a word may be quoted: "the 'sunshine' project" is the name "sunshine project")
    between = r"['’\"”]?[\s\-]+['‘\"“]?(?:(?:is|are|was|were|be|been)\s+)?(?:the\s+)?((?:(?-i:[A-Z])[a-z]+|city)['’]s\s+)?"
    # "and" may be a comma: "four sides, three transformations" is the name "four sides and three transformations"
    joined = between.join(words).replace(between + _word_pattern("and") + between, r"(?:[\s\-]+and[\s\-]+|\s*,\s*)")
    if len(words) >= 2 and not re.search(r"\b(?:of|in|for|from|and|to|on|with)\b", name, re.IGNORECASE):
        # "investment in industrial technical upgrading" is the name "industrial technical upgrading investment"
        joined = rf"(?:{joined}|{words[-1]}\s+(?:in|of|for|from)\s+(?:the\s+)?{between.join(words[:-1])})"
    return r"(?<![A-Za-z])" + joined + r"(?![A-Za-z])"
