"""The `Assistant`: retrieve paragraphs, then answer offline or through a model."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from llama_index.core.schema import NodeWithScore

from assistant.answer import NOT_IN_REPORT, Answer, Citation, Source
from assistant.citations import verify
from assistant.config import Settings
from assistant.crosslingual import ENGLISH_STOPWORDS, Glossary, in_simple_past
from assistant.embeddings import make_embedding
from assistant.errors import InputError, ModelError
from assistant.knowledge import Paragraph, load_abbreviations, load_knowledge, load_names, load_synonyms
from assistant.llm import ModelClient
from assistant.offline import (
    IdfTable,
    answer_type,
    as_question,
    asks_amount,
    asks_name,
    asks_opinion,
    asks_stock,
    at_other_level,
    best_clauses,
    concepts,
    counts_by_classifier,
    described,
    figure_focus,
    figure_of,
    figure_parts,
    gives_a_name,
    glued,
    has_answer_type,
    is_change,
    is_follow_up,
    joined_by_de,
    lacks_asked_honour,
    mentions,
    names_nothing,
    naming,
    own_topics,
    paragraph_years,
    plans,
    plans_a_thing,
    restated,
    standalone_question,
    stands_alone,
    switched_question,
    topics,
    user_turns,
    without_preamble,
)
from assistant.retrieval import AlternativesQuery, Index, build_index
from assistant.synonyms import Synonyms
from assistant.text import (arabic_years, has_chinese, normalize, places, resolve_turn_years, resolve_years, simplified,
                            tokenize, years)

log = logging.getLogger(__name__)
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B) if chr(code - 0xFEE0).isalnum()}

# An English question's tense, when it names no year: what was done, or what is planned ("is the planned jump").
_PAST = re.compile(r"\b(?:did|was|were|had)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|going to|planned|expected|should|must|(?:is|are) to be)\b", re.IGNORECASE)
_PLANNED = re.compile(r"\b(?:will|plan|plans|planned|target|targets|goal|goals|aim|aims|expected|should|must|going to)\b",
                      re.IGNORECASE)

# Answerability thresholds on `_relevance`: below OFFLINE_RELEVANCE the extractive
# answer declines; below MODEL_RELEVANCE the model is not even asked.
OFFLINE_RELEVANCE = 0.38  # the middle of the gap between declined and answered eval questions
MODEL_RELEVANCE = 0.2


# A figure per person is the report's 人均: "What is the 2014 target for per capita GDP?" is not the GDP's growth.
_PER_HEAD = re.compile(r"\bper[\s\-](?:capita|(?:(?:urban|rural) )?(?:person|head|resident|inhabitant))\b"
                       r"|人均|每(?:个)?人|平均一个?人|一个人平均", re.IGNORECASE)
_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z][A-Z0-9]*[A-Z](?![A-Za-z])")  # "CPI" in "2013年的CPI涨了多少"
_BRACKETS = re.compile(r"\([^)]*\)")
# A grade written with a digit and a letter ("4A级景区", "5A-level"): a clause of another grade is another thing.
_GRADE = re.compile(r"(?<![A-Za-z0-9.])\d[A-Z](?![A-Za-z])", re.IGNORECASE)
_CURRENCIES = frozenset({"RMB", "CNY", "USD"})  # the basis of a figure, as 人民币 is, not what it is of


class Assistant:
    """Answers questions about the reports in a knowledge folder, citing paragraphs.

    >>> bot = Assistant()
    >>> bot.ask("2013年衢州市生产总值是多少？").text
    '全市实现生产总值 1056.6 亿元，增长 9.1% [1]'
    """

    def __init__(self, knowledge_dir: str | Path | None = None, settings: Settings | None = None):
        settings = settings or Settings()
        if knowledge_dir is not None:
            settings = settings.model_copy(update={"knowledge_dir": Path(knowledge_dir)})
        self.settings = settings
        self.paragraphs = load_knowledge(settings.knowledge_dir)
        self.index: Index = build_index(
            self.paragraphs, make_embedding(settings), settings.cache_dir, settings.top_k
        )
        self._idf = IdfTable(self.index.tokens)
        self._position = {p.paragraph_id: i for i, p in enumerate(self.paragraphs)}
        self._corpus_text = "\n".join(p.context_text for p in self.paragraphs)
        synonyms = load_synonyms(settings.knowledge_dir)
        self._glossary = Glossary(self._idf.counts, self._corpus_text, load_names(settings.knowledge_dir), synonyms,
                                  settings.cache_dir)
        # Terms in a fifth of the paragraphs or more ("全市", "发展") frame the report rather than name a topic.
        self._common_terms = {t for t, n in self._idf.counts.items() if n >= 0.2 * len(self.paragraphs)}
        self.model = ModelClient(settings) if settings.model_configured else None
        self._corpus_years = set().union(*(years(p.context_text) for p in self.paragraphs))
        # Where each report is from: its title's places. "浙江省衢州市政府工作报告" is from 衢州; 浙江 is where
        # 衢州 lies, and only a paragraph that speaks of the province (全省, 省级) is about it too.
        self._home = {document: places(document) for document in {p.document for p in self.paragraphs}}
        # The year the reports speak from, when they share one: their "今年" is that year.
        title_years = {year for p in self.paragraphs for year in years(p.document)}
        self._report_year = int(title_years.pop()) if len(title_years) == 1 else None
        # Other names for the reports' words ("经济总量" for 生产总值, "sewage pipes" for 污水管网).
        self._synonyms = Synonyms(synonyms, self._corpus_text,
                                  load_abbreviations(settings.knowledge_dir))

    @property
    def mode(self) -> str:
        """"offline", or the name of the model that writes the answers."""
        return self.model.model if self.model else "offline"

    def check_question(self, question: str) -> str:
        """The question with control characters dropped, white space folded and full-width letters and
        digits as ASCII ("ＧＤＰ" is GDP; Chinese punctuation stays), or an InputError."""
        # Control characters (pasted escape codes, NULs) carry no meaning and can break terminals.
        cleaned = "".join(ch for ch in question if unicodedata.category(ch) != "Cc" or ch.isspace()) \
            if isinstance(question, str) else ""
        if not cleaned.strip():
            raise InputError("the question is empty: type a question about the report")
        if len(question) > self.settings.max_question_chars:
            raise InputError(
                f"the question has {len(question)} characters, over the limit of "
                f"{self.settings.max_question_chars}: shorten it"
            )
        return " ".join(cleaned.split()).translate(_HALF_WIDTH)

    def retrieve(self, query: str, alternatives: list[tuple[str, ...]] | None = None, tense_year: str | None = None,
                 asked: str | None = None) -> tuple[list[NodeWithScore], np.ndarray]:
        """Paragraphs for a standalone query, best first, and the query's embedding. `alternatives`: the terms
        the query's English words were each read as (`Glossary.translate`), each word counted once; `tense_year`:
        the year a question's tense asks of (`_tense_year`), whose sections go before the other years'; `asked`: an
        English question as asked, which the dense retrievers embed too, half and half with the translated query
        (e5 is multilingual: a word read wrongly, "delegate" as 代表, then pulls half as hard; +14/−2 on the eval set)."""
        bundle = AlternativesQuery(query, alternatives=list(alternatives or []))
        embed = self.index.embed_model.get_query_embedding
        vector = np.asarray(embed(query), dtype=np.float32)
        both = vector + np.asarray(embed(asked), dtype=np.float32) if asked else vector
        bundle.embedding = (both / np.linalg.norm(both)).tolist()
        results = _prefer_year_sections(tense_year, self.index.retriever.retrieve(bundle), self.index)
        return _prefer_question_years(query, results, self.index)[: self.settings.top_k], vector

    def ask(self, question: str, history: list | None = None) -> Answer:
        """Answer one question; `history` is OpenAI/Gradio "messages" dicts (or [user, assistant] pairs)."""
        *_, answer = self.stream(question, history)
        return answer

    def stream(self, question: str, history: list | None = None) -> Iterator[str | Answer]:
        """Yield the answer text in pieces as it arrives, then the final `Answer`."""
        # The reports are in simplified characters: a question (and its history) in traditional ones is read in them.
        question = simplified(self.check_question(question))
        # Relative years are read before a follow-up is merged: "那今年呢？" replaces the earlier question's year.
        history = [{**m, "content": self._absolute_years(simplified(m["content"]))}
                   if isinstance(m.get("content"), str) else m for m in _messages(history)]
        asked = user_turns(history)
        turn_years = years(asked[-1]) if asked else set()
        if len(turn_years) == 1 and is_follow_up(question):  # "那第二年呢？" after "2013年…" asks 2014
            question = resolve_turn_years(question, int(turn_years.pop()))
        if asked and (year := self._year_by_tense(question)) and year not in years(asked[-1]):
            # its tense names the year, not the turn before: "How many beds will be added?" or "要新建多少个？"
            # after "…in 2013?"
            question = _with_year(question, year)
        english_turn = bool(history) and not has_chinese(question)
        nouns = self._own_nouns(question) if english_turn else []  # what an English turn names of its own
        standalone = standalone_question(self._absolute_years(question), history, self._common_terms,
                                         bool(nouns) if english_turn else None)
        if self.model is None:
            answer = self._offline(question, standalone, nouns)
            yield answer.text
            yield answer
            return
        prompt_question = question
        try:
            if history and is_follow_up(question) or not has_chinese(question):
                standalone = self.model.condense(question, history)
                if history and is_follow_up(question):  # the answer prompt has no history: spell the turn out
                    prompt_question = f"{question}（完整的问题：{self._in_report_words(standalone)}）"
        except ModelError as error:
            yield _fallback(self._offline(question, standalone, nouns), error)
            return
        offline = self._extractive(question, standalone)
        if offline.relevance < MODEL_RELEVANCE:
            # Nothing relevant was retrieved: do not ask the model to answer from nothing.
            yield Answer(question, NOT_IN_REPORT, False, [], offline.sources, mode="model")
            return
        prompt, given = self.model.build_prompt(prompt_question,
                                                [self.index.by_id(s.paragraph_id) for s in offline.sources])
        pieces: list[str] = []
        try:
            for piece in self.model.stream_answer(prompt):
                pieces.append(piece)
                yield piece
            if not "".join(pieces).strip():
                raise ModelError("the model returned an empty answer: try again later")
        except ModelError as error:
            yield _fallback(offline, error)
            return
        text = "".join(pieces)
        checked = verify(text, given, question)
        yield Answer(question, checked.text, checked.answered, checked.citations,
                     _cited_first(offline.sources, checked.citations),
                     mode="model", warnings=checked.warnings, usage=self.model.usage(prompt, text))

    def _in_report_words(self, query: str) -> str:
        """The query as the reports would put it: "去年的经济总量" -> "2013年的生产总值"; an opening "我是一名记者，" goes,
        and a misspelled English word is the word it misspells."""
        return self._synonyms.read(self._past_tense_year(self._absolute_years(
            as_question(without_preamble(self._glossary.respelled(query))))))

    def _past_tense_year(self, query: str) -> str:
        """A figure asked in the past tense and no year, as asked of the year the report looks back on:
        "How many yellow-label cars did Quzhou retire?" and "黄标车淘汰了几辆？" are 2013's 2306, not the 2000
        of the 2014 plan. A Chinese plan ("要淘汰多少辆？") is left as asked: its 要 finds the plan's words."""
        if not self._report_year or answer_type(query) != "quantity":
            return query
        past = str(self._report_year - 1)
        # a Chinese question's done words read as `_year_by_tense` reads them; an English one's tense (that method
        # reads an English question in report words, which calls this one)
        tense = self._year_by_tense(query) if has_chinese(query) else self._tense_year(query, query)
        return _with_year(query, past) if tense == past else query

    def _absolute_years(self, text: str) -> str:
        """"二〇一四年" as "2014年", and "去年" as "2013年" when the reports speak from one year (2014)."""
        text = arabic_years(text)
        return resolve_years(text, self._report_year) if self._report_year else text

    def _source(self, result: NodeWithScore) -> Source:
        p = self.index.by_id(result.node.node_id)
        return Source(p.paragraph_id, p.text, float(result.score or 0.0), p.section, p.document)

    def _offline(self, question: str, standalone: str, nouns: list[tuple[str, tuple[str, ...]]]) -> Answer:
        """The extractive answer; for a follow-up that names a topic of its own, the earlier question asked of
        that topic (`switched_question`) when the merged reading declines or answers with a clause that does not
        name the topic ("2014年生产总值增长目标是多少？" + "那人口自然增长率呢？"); and a whole question that both
        readings decline, asked on its own: "家庭农场培育了多少家？" after "今年GDP增长目标是多少？" asks 2013's count,
        as the report has no other. `nouns`: what an English follow-up names of its own, as `_own_nouns` gives."""
        answer = self._extractive(question, standalone)
        turn = self._absolute_years(question)
        if standalone in (question, turn):
            return answer
        chinese = has_chinese(question)
        switched = switched_question(turn, standalone, self._common_terms, None if chinese else bool(nouns))
        if switched is not None and not (answer.answered and self._names_own_topics(question, nouns,
                                                                                     normalize(answer.text))):
            second = self._extractive(question, switched)
            answer = second if second.answered or answer.answered else answer
        if answer.answered or not stands_alone(turn, self._common_terms, None if chinese else bool(nouns)):
            return answer
        alone = self._extractive(question, turn)
        return alone if alone.answered else answer

    def _own_nouns(self, question: str) -> list[tuple[str, tuple[str, ...]]]:
        """The topics an English turn names of its own, as `Glossary.topics` gives them, with no verb standing in
        for a noun: "How many kilometres will be treated this year?" names none, "And how many were electric?" one.
        Nor does a plan or target, which asks the earlier topic's, as 目标 does in Chinese: "And in 2014, what is
        the plan?"."""
        return [(word, terms) for word, terms in self._glossary.topics(
            self._in_report_words(question), self._synonyms.english(question), verbs=False)
            if not _PLANNED.fullmatch(word)]

    def _names_own_topics(self, question: str, nouns: list[tuple[str, tuple[str, ...]]], text: str) -> bool:
        """Whether a normalized answer text names what a follow-up names of its own: a Chinese one's `own_topics`,
        an English one's `nouns` (as `_own_nouns` gives them)."""
        if has_chinese(question):
            return all(topic in text for topic in own_topics(self._in_report_words(question), self._common_terms))
        return not self._uncovered(nouns, text, False)

    def _extractive(self, question: str, standalone: str) -> Answer:
        """The offline answer to the standalone question (a follow-up merged with the turns before it):
        verbatim clauses of the retrieved paragraphs, or the decline."""
        translated: list = []
        asked = query = self._in_report_words(standalone)
        # The report words an English question's names were read as, each with the name as written.
        named = [] if has_chinese(question) else self._synonyms.english(standalone)
        if re.search(r"[A-Za-z]", query):
            query, translated = self._glossary.translate(query)
            # A report word an English name was read as is one idea, whole: 旅游收入, not 旅游 and 收入.
            translated += [(term,) for term, _ in named]
        tense_year = self._tense_year(question, asked)
        results, query_vector = self.retrieve(query, translated, tense_year, standalone if translated else None)
        sources = [self._source(r) for r in results]
        named_places = self._places(asked, query)
        # A paragraph that does not name the question's places and names is no candidate at all: a clause
        # of it would outrank the one that does ("Which pilot zone is Longyou building?").
        spelled = [terms for _, terms in self._glossary.names(asked)] + self._glossary.foreign_places(asked)
        candidates = [p for p in (self.index.by_id(r.node.node_id) for r in results)
                      if self._names_all(p, named_places, spelled) and not _of_other_year(p, tense_year)]
        positions = [self._position[p.paragraph_id] for p in candidates]
        extracts = best_clauses(
            query,
            query_vector,
            candidates,
            [self.index.clause_texts[i] for i in positions],
            [self.index.clause_vectors[i] for i in positions],
            self._idf,
            concepts(query, translated),
            # the standalone's own words too: an English follow-up ("And provincial?") still asks "how many"
            kind := answer_type(wording := f"{as_question(question)} {asked} {query}"),
            wording,
            bool(_PER_HEAD.search(question)),
        )
        if not extracts:
            return Answer(question, NOT_IN_REPORT, False, [], sources, relevance=float("-inf"))
        top = extracts[0]
        # The next-best clause of the same paragraph, when the best does not answer: retrieval found the
        # paragraph, and its best clause is often the one that shares the question's general words
        # ("water treatment" meets 污水处理率 before 首批 500 个行政村整治). Not a part of the best clause.
        def apart(e) -> bool:  # not a part of the best clause, nor the whole it is a part of
            return e.clause not in top.clause and top.clause not in e.clause

        tried = [top] + [e for e in extracts[1:2] if e.paragraph_index == top.paragraph_index and apart(e)]
        # And a clause that holds a name an English question was read as (a word of three paragraphs at most, not
        # 收入 "earn"), when the best holds none: "'four winds'" (四风) is not the 疑难问题 its "problems" met.
        names = [term for term, _ in named if self._idf.counts.get(term, 0) <= 3]
        if names and not any(name in top.clause for name in names):
            tried += [e for e in extracts[1:3] if any(name in e.clause for name in names)][:1]
        # And, for a question that asks no figure, a runner-up of another paragraph all but tied with the best (a
        # figure's clause of the other year is too often the near tie)
        tried += [e for e in extracts[1:2]
                  if kind != "quantity" and e not in tried and e.score >= top.score - _NEAR_TIE and apart(e)]
        scored = [(e, self._relevance(query, e)) for e in tried]
        best, relevance = next(((e, r) for e, r in scored if r >= OFFLINE_RELEVANCE
                                and self._supports(e.clause, candidates[e.paragraph_index], kind, question, asked,
                                                   query, named, named_places)), (None, scored[0][1]))
        if best is None:
            return Answer(question, NOT_IN_REPORT, False, [], sources, relevance=relevance)
        # A near tie of another paragraph that answers too is decided by how many of the question's words each
        # clause speaks of: "Which traditional industries, besides livestock, …" asks the 柑桔、畜禽 clause, not the
        # 改造传统产业 one.
        rivals = [e for e in extracts[1:3] if best is top and e.paragraph_index != top.paragraph_index
                  and e.score >= top.score - _NEAR_TIE and apart(e) and self._relevance(query, e) >= OFFLINE_RELEVANCE
                  and self._supports(e.clause, candidates[e.paragraph_index], kind, question, asked, query, named,
                                     named_places)]
        if rivals:  # max() calls its key on a lone item too: no tagging of the question when there is no tie
            best = max([best] + rivals, key=lambda e: self._spoken_of(asked, e.clause))  # the first of equals
        # A close runner-up from the same paragraph completes the best answer; one from another
        # paragraph is more often the same topic in the other year.
        chosen = [best] + [e for e in extracts[1:2] if best is top and e.paragraph_index == best.paragraph_index
                           and e.score >= best.score - 0.05]
        citations: list[Citation] = []
        parts = []
        for extract in chosen:
            paragraph = candidates[extract.paragraph_index]
            citation = next((c for c in citations if c.paragraph_id == paragraph.paragraph_id), None)
            if citation is None:
                citation = _citation(len(citations) + 1, paragraph)
                citations.append(citation)
            citation.quote = "；".join(filter(None, [citation.quote, extract.clause]))
            parts.append(f"{extract.clause} [{citation.marker}]")
        return Answer(question, "；".join(parts), True, citations, _cited_first(sources, citations),
                      relevance=relevance)

    def _supports(self, clause: str, paragraph: Paragraph, kind: str | None, question: str, asked: str,
                  query: str, named: list[tuple[str, str]], named_places: set[str]) -> bool:
        """Whether the best clause answers what was asked, not just something near it. Only an
        extract is held to this; a model may still compute an answer from the paragraphs.
        `named`: the report words the question's English names were read as; `named_places`: its places."""
        heading, clause_text = normalize(f"{paragraph.document} {paragraph.section}"), normalize(clause)
        context = heading + clause_text  # normalize() drops white space, so this is normalize(heading clause)
        paragraph_text = normalize(paragraph.text)
        glossary = self._glossary
        exact = kind == "person" or asks_name(asked)  # a title or a name: 副市长 is not 市长
        # a follow-up merged with the turns before that asks a figure of its own asks it of its own words:
        # "其中大学生有多少？" after "…新增城镇就业多少人？"
        own = self._in_report_words(question) if has_chinese(question) and asks_amount(question) else asked
        focus = (own != asked and figure_focus(own, self._common_terms, self._corpus_text)
                 or figure_focus(asked, self._common_terms, self._corpus_text)) if kind == "quantity" else None
        nouns = glossary.topics(asked, named)  # none in a Chinese question
        if "(" in asked:  # an English question's brackets say again what the rest names: "mature (ready) land"
            nouns = glossary.topics(_BRACKETS.sub(" ", asked), named) or nouns
        # not a part of a report word an English name was read as, which jieba cuts apart: 河长 of 河长制
        asked_topics = [t for t in topics(asked, self._common_terms, self._corpus_text)
                        if not any(t != term and t in term for term, _ in named)]
        description = described(asked)  # the asker's own words for which thing: not needed in the clause
        own_words = restated(asked)  # nor those the asker says again in the report's words
        # with every topic a description, the thing described: "冒黑烟的车" is a 车 (黄标车), whatever the smoke
        named_topics = [t for t in asked_topics if t not in description and t not in own_words] \
            or list(dict.fromkeys(description[t] for t in asked_topics  # not a word jieba glued: 钱用 of "钱用在哪"
                                  if t in description and not glued(description[t], self._corpus_text))) \
            or [t for t in asked_topics if t not in own_words]
        # the kind a "which" asks for, after the words that say which of it: a name answers "哪家乳业公司" (伊利乳业)
        named_topics = [t for t in named_topics if not _is_kind_asked(asked, t)] or named_topics
        joined = joined_by_de(asked, named_topics)  # 银行的贷款: a kind of 贷款, as 银行贷款 is
        counted_nouns = self._counted(asked, named)
        answer = naming(clause, asked_topics or [t for _, terms in nouns for t in terms]) if kind == "place" else clause
        return not (
            self._other_year(query, paragraph)
            # a follow-up that asks a figure of its own asks it in its own unit: "那要花多少钱？" after "…多少辆黄标车？"
            or not has_answer_type(kind, answer, years(query),
                                   question if has_chinese(question) and asks_amount(question) else f"{question} {asked}")
            and not (kind == "place" and glossary.names_place(answer, f"{question} {asked}"))
            # the heading word for word: read loosely, its general words (重点工作: "work", "job") speak of anything
            or _too_many_missed([topic not in heading and not any(
                                     mentions(clause_text, word, glossary.synonymous, exact, paragraph_text,
                                              glossary.related) for word in (topic, *joined.get(topic, ())))
                                 for topic in named_topics], exact)
            or self._uncovered(nouns, context, exact)
            # a quoted English name names the thing itself: one of its nouns, at least, is in the clause
            # ("the 'sunshine' project" is not 招商项目)
            or any((quoted_nouns := glossary.topics(quoted, []))
                   and not any(glossary.covers(context, word, terms) for word, terms in quoted_nouns)
                   for quoted in _QUOTED_ENGLISH.findall(asked))
            # a place an English question names is in the clause, not only elsewhere in its paragraph (Kaihua, 开化)
            or not has_chinese(question) and any(place not in context for place in named_places)
            or kind == "quantity" and not (focus or asked_topics or nouns) and names_nothing(asked)
            or _PER_HEAD.search(question) and "人均" not in context
            or any(normalize(grade) not in context for grade in _GRADE.findall(asked))
            or kind is None and asks_opinion(question)  # a fact asked chattily ("你觉得…是多少") still has a kind
            or kind != "quantity" and lacks_asked_honour(f"{question} {asked}", clause_text)  # not "how many won it"
            or kind != "person" and asks_name(asked) and has_chinese(question)
            and not gives_a_name(naming(clause_text, asked_topics), asked)
            or glossary.unknown_words(asked if exact else glossary.counted_word(asked), self._corpus_text)
            or not nouns and not has_chinese(asked) and glossary.unknown_words(asked, self._corpus_text)
            # an acronym ("2013年的CPI涨了多少", "What is the 2014 CPI target?"): the report must use its translation
            or glossary.unknown_words(" ".join(set(_ACRONYM.findall(asked)) - _CURRENCIES), self._corpus_text)
            or not self._counts_the_counted(clause_text, asked, counted_nouns)
            or self._only_changes(clause_text, asked, focus, counted_nouns)
            or focus and at_other_level(clause_text, focus[-1], asked)
            or focus and focus[-1] not in heading and (
                not self._common_terms.issuperset(focus)
                and not figure_of(clause_text, focus, glossary.synonymous, glossary.related, asked)
                # a word too common to need its figure still names what is counted: "多少家规模以上企业" is not
                # answered by "47 个项目列入省重点"
                or self._common_terms.issuperset(focus) and counts_by_classifier(asked)
                and not mentions(clause_text, focus[-1], glossary.synonymous))
        )

    def _counts_the_counted(self, clause_text: str, asked: str,
                            counted_nouns: list[tuple[str, tuple[str, ...]]]) -> bool:
        """Whether a figure of the clause stands with a noun of what an English "how many" counts, as
        `figure_of` asks of a Chinese 多少: "How many students…" is not answered by
        "推进大学生创业园建设，新增城镇就业 3.3 万人". A name read as the report's word is counted as written:
        "How many high-tech enterprises…" (高新技术企业) is not answered by "科技服务六大专项行动".
        `counted_nouns`: as `_counted` gives them."""
        return not counted_nouns or any(self._names_one_of(item, counted_nouns)
                                        for item in figure_parts(clause_text.replace("、", "，"), asked))

    def _names_one_of(self, text: str, nouns: list[tuple[str, tuple[str, ...]]]) -> bool:
        return any(self._glossary.covers(text, word, terms) for word, terms in nouns)

    def _counted(self, asked: str, named: list[tuple[str, str]]) -> list[tuple[str, tuple[str, ...]]]:
        """The nouns of what an English "how many" counts, with their report terms; none for Chinese."""
        for term, name in named:
            asked = asked.replace(term, name)
        counted = "" if has_chinese(asked) else self._glossary.counted_word(" ".join(asked.split()))
        nouns = self._glossary.topics(counted) if counted else []
        # and the report words its names were read as ("greenways", no dictionary word, is 慢行绿道), a name
        # holding the counted words too ("farmland" of "farmland were reclaimed", 垦造耕地)
        return nouns + [(term, (term,)) for term, name in named
                        if nouns and (name.lower() in counted or counted in name.lower())]

    def _only_changes(self, clause_text: str, asked: str, focus: tuple[str, ...] | None,
                      counted_nouns: list[tuple[str, tuple[str, ...]]]) -> bool:
        """Whether a question asks a whole stock ("How many taxis does Quzhou have?", "公交车一共有多少辆")
        and the clause's figures of what it counts are all changes ("更新投放天然气出租车 351 辆")."""
        if not asks_stock(asked):
            return False

        def of_the_counted(part: str) -> bool:  # a Chinese question has a focus, an English one counted nouns
            if focus:
                return mentions(part, focus[-1], self._glossary.synonymous)
            return self._names_one_of(part, counted_nouns) if counted_nouns else True

        parts = [part for part in figure_parts(clause_text, asked) if of_the_counted(part)]
        return bool(parts) and all(is_change(part) for part in parts)

    def _year_by_tense(self, question: str) -> str | None:
        """The year a figure question names by its tense alone: 2013 for "How many farms were developed?"
        (`_past_tense_year` reads it so) or "新增了多少张？", 2014 for "How many beds will be added?" or
        "要新建多少个？"; None for one that names a year, and for any other question: "Who gave the report?" is
        of no year, though its paragraph names 2014."""
        if years(self._absolute_years(question)) or answer_type(question) != "quantity" or not self._report_year:
            return None
        if has_chinese(question):
            plan = plans(question)
            return None if plan is None else str(self._report_year if plan else self._report_year - 1)
        asked = self._in_report_words(question)
        return next(iter(years(asked)), None) or self._tense_year(question, asked)

    def _tense_year(self, question: str, asked: str) -> str | None:
        """The year an English question that names none asks of by its tense: what "will" be done is the report's
        own year's plan, not the year it looks back on; what "was" done (or "became", an irregular simple past), that
        year. A Chinese question, only when it asks a thing of the plan (`plans_a_thing`): its figures are read by
        `_year_by_tense`."""
        if not self._report_year or years(asked):
            return None
        if has_chinese(question):
            return str(self._report_year) if plans_a_thing(question) else None
        past = bool(_PAST.search(asked)) or in_simple_past(asked)
        if _FUTURE.search(asked) and not past:
            return str(self._report_year)
        if past and not _PLANNED.search(asked):
            return str(self._report_year - 1)
        return None

    def _names_all(self, paragraph: Paragraph, named_places: set[str], spelled: list) -> bool:
        """Whether a paragraph (with its heading and its report's place) names each place of a question's
        (`_places`: "杭州市长" is not Quzhou's mayor), and each of its romanized names or places no report
        names by one of their `spelled` words: "Gengong" by 根宫, "exports to Japan" by 日本."""
        home = self._home[paragraph.document]
        context = f"{''.join(home if '省' in paragraph.text else home[-1:])} {paragraph.section} {paragraph.text}"
        return (all(place in context for place in named_places)
                and all(any(term in context for term in terms) for terms in spelled))

    def _relevance(self, query: str, extract) -> float:
        """How well the best clause matches: weighted term coverage plus cosine similarity.
        A year the reports never mention makes it irrelevant."""
        asked_years = years(query)
        if asked_years and not asked_years & self._corpus_years:
            return float("-inf")
        if all(re.fullmatch(r"[\d.]+|年", token) for token in tokenize(query)):
            return float("-inf")  # nothing asked but a year: "那今年呢？" with no question before it
        return extract.coverage + 4 * (extract.similarity - 0.85)

    def _spoken_of(self, asked: str, clause: str) -> int:
        """How many of the question's words a clause speaks of: its Chinese topics and its English words."""
        text = normalize(clause)
        return sum(topic in text for topic in topics(asked, self._common_terms, self._corpus_text)) \
            + self._glossary.spoken_of(asked, text)

    @staticmethod
    def _other_year(query: str, paragraph: Paragraph) -> bool:
        """Whether the answer's paragraph is about other years than the question's: a 2014 target
        does not answer "2013年…是多少" (the title's year does not count)."""
        asked, named = years(query), paragraph_years(paragraph)
        return bool(asked and named and not asked & named)

    def _uncovered(self, nouns: list[tuple[str, tuple[str, ...]]], context: str, exact: bool) -> bool:
        """Whether the answer's context leaves too many English nouns of the question uncovered:
        word-by-word translation loses some ("technical transformation" is 技改)."""
        missed = [not self._glossary.covers(context, word, terms, exact) for word, terms in nouns]
        return _too_many_missed(missed, exact)

    def _places(self, asked: str, query: str) -> set[str]:
        """The places a question names: jieba's place tags, less common words it mis-tags (长度);
        in English, only the capitalized words' translations ("government" glosses 北京 too)."""
        named: set[str] = set()
        if re.search(r"[A-Za-z]", asked):
            # not a capitalized question word: "How Hangzhou" would read "Hangzhou" as the size "how" asks for
            names = " ".join(w for w in re.findall(r"\b[A-Z][\w\-]*", asked) if w.lower() not in ENGLISH_STOPWORDS)
            translated = self._glossary.translate(names)[0]
            query = re.sub(r"[A-Za-z][\w\-']*", " ", asked) + " " + translated
            named = {place for place in self._glossary.place_names(translated) if not places(place)}  # 开化 (v) "Kaihua"
        return {place for place in places(query) if not self._glossary.is_common_word(place, query)} | named


_NEAR_TIE = 0.02  # clause scores this close are all but tied


def _is_kind_asked(question: str, word: str) -> bool:
    """Whether a "which" question ends on `word` as the kind it asks for, after words that say which: the 公司 of
    "哪家乳业公司", not the 乳业."""
    return bool(re.search(rf"哪[家个所座些][^，。？?]{{2,}}{re.escape(word)}[？?]?$", question))


_QUOTED_ENGLISH = re.compile(r"""(?:^|(?<=\s))['‘"“]([^'‘’"“”]+)['’"”](?![A-Za-z])""")  # not "the city's"


def _too_many_missed(missed: list[bool], exact: bool) -> bool:
    """Whether too many of a question's topics are missing from the answer's context. One or
    two topics name what is asked, and so do all the words of a title or a name; of three or
    more, one in two (rounded down) may be missing, as a paraphrase or a translation brings
    words of its own ("老人养老床位" is 养老机构床位 in the report)."""
    return sum(missed) > (0 if exact else max(0, (len(missed) - 1) // 2))


def _with_year(question: str, year: int | str) -> str:
    """The question with a year written in: "要新建多少个？" -> "2014年要新建多少个？" (after an opening 那),
    "How many were added?" -> "How many were added in 2013?"."""
    if has_chinese(question):
        return re.sub(r"^(那么|那|还有|另外)?", rf"\g<1>{year}年", question, count=1)
    return re.sub(r"\s*([?.!]*)\s*$", rf" in {year}\1", question, count=1)


def _messages(history: list | None) -> list[dict]:
    """OpenAI/Gradio "messages" dicts; Gradio's older [user, assistant] pairs are read as two of them."""
    messages = []
    for turn in history or []:
        if isinstance(turn, dict):
            messages.append(turn)
        elif isinstance(turn, (list, tuple)) and len(turn) == 2:
            messages += [{"role": role, "content": text} for role, text in zip(("user", "assistant"), turn)
                         if isinstance(text, str)]
    return messages


def _fallback(answer: Answer, error: ModelError) -> Answer:
    """The extractive answer, labelled, with what went wrong with the model."""
    log.info("model failed: %s", error)  # the answer itself carries the warning
    answer.mode = "offline-fallback"
    answer.warnings.insert(0, f"{error} (showing the offline extractive answer instead)")
    return answer


def _cited_first(sources: list[Source], citations: list[Citation]) -> list[Source]:
    """The sources with the paragraphs the answer rests on first, the rest in retrieval order: the
    clause that answers is better evidence of a paragraph's relevance than its retrieval score."""
    cited = [c.paragraph_id for c in citations]
    return sorted(sources, key=lambda s: cited.index(s.paragraph_id) if s.paragraph_id in cited else len(cited))


def _citation(marker: int, paragraph: Paragraph) -> Citation:
    return Citation(marker, paragraph.paragraph_id, paragraph.section, paragraph.document, paragraph.text)


def _of_other_year(paragraph: Paragraph, year: str | None) -> bool:
    """Whether a paragraph's section is about other years than `year` (one with no year is about any)."""
    return bool(year and (about := years(paragraph.section)) and year not in about)


def _prefer_year_sections(year: str | None, results: list[NodeWithScore], index: Index) -> list[NodeWithScore]:
    """The retrieved paragraphs with those of sections about other years than the one a question's tense asks
    of last, before the top few are kept: "What mature land area did the low-hill development produce?" asks
    2013's 熟地, which the 2014 plans' paragraphs on land would otherwise push out of the top five. Only the
    section counts here: the title's 2014 is no year of the front matter's facts (who delivered the report)."""
    return sorted(results, key=lambda r: _of_other_year(index.by_id(r.node.node_id), year)) if year else results


def _prefer_question_years(query: str, results: list[NodeWithScore], index: Index) -> list[NodeWithScore]:
    """Many topics appear both in a year's results and in the next year's plans: rank last the
    paragraphs whose section and text name only other years than the question's. One that names
    no year (the government's own work, in section 三) stays where fusion put it."""
    asked = years(query)
    if not asked:
        return results

    def other_years(result: NodeWithScore) -> bool:
        named = paragraph_years(index.by_id(result.node.node_id))
        return bool(named) and not asked & named

    return sorted(results, key=other_years)  # stable: keeps fused order within each group
