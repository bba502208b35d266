"""Offline extractive answers: the retrieved clauses that answer the question, verbatim.

No model writes anything here, so nothing can be invented: the answer is made
of clauses copied from the report, each followed by its paragraph's marker.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass

import jieba.posseg
import numpy as np

from assistant.crosslingual import ENGLISH_STOPWORDS
from assistant.knowledge import Paragraph
from assistant.text import STOPWORDS, has_chinese, normalize, numbers, places, tagged_words, tokenize, years

_ASKS_THING = re.compile(r"什么|哪|\bwhich\b", re.IGNORECASE)  # "Which high-speed railway…" names no figure
_AMOUNT_WORDS = "多少|(?<!哪)几|多大|多高|多长|多快"  # "how much" in Chinese; 哪几 asks which ones
_ASKS_AMOUNT = re.compile(_AMOUNT_WORDS)
_ENDS_ASKING_AMOUNT = re.compile(rf"(?:{_AMOUNT_WORDS})$")
_ASKS = re.compile(rf"{_ASKS_THING.pattern}|{_AMOUNT_WORDS}|谁")  # any question word (of a follow-up)
# What the asker says of themselves before asking ("我是一名记者，"): no topic of the question. Not 我市 ("our city"),
# nor what they heard or read, which is the topic: "我听说去年拆了不少违章房子，拆了多少？".
_PREAMBLE = re.compile(r"^\s*(?:我(?![市省县区国]|听说|听人说|看到|知道|了解到|注意到)|本人)[^，,。.！!？?；;\d]*[，,。.！!；;]")
# and in English, a greeting, what the asker says of themselves or what the answer is for ("Sorry if this is basic:",
# "I'm comparing cities.", "For my class presentation,", "As a student,", "I'm writing a brief —", "My boss wants to
# know:"); not "I heard Quzhou shut sand pits." nor "My friend says…"
_HEARD_EN = r"(?!(?:['’]ve|\s+have|\s+was)?\s+(?:heard|read|saw|seen|noticed|learned|learnt|understand|know|told)\b)"
_PREAMBLE_EN = re.compile(r"^\s*(?:hi|hello|hey|good (?:morning|afternoon|evening)|sorry|excuse me|quick (?:one|question)"
                          rf"|(?:i|i've|i have|i was){_HEARD_EN}|i'm|i am|we're|we are|for (?:my|our|a|an)|as (?:a|an)"
                          r"|(?:my|our)\s+(?:[\w']+\s+){1,3}(?:wants?|asks?|asked|needs?|would like|wonders?|wondered))\b"
                          r"[^.!?:;,\d—–]*(?:[.!:;,]\s+|\s*[—–]\s*|\s-{1,2}\s+)", re.IGNORECASE)
_ASKS_EN = re.compile(r"\b(?:how|what|which|who|when|where|why)\b", re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z]")
_QUANTITY = re.compile(rf"{_AMOUNT_WORDS}|比例|比重|率|增长|金额|规模|总额|数量|个数|数目|总数|"
                       r"how (many|much|large|big|long|high|far|fast)|"
                       r"(?<!-)\b(?:percent\w*|rates?|numbers?|pace|speed(?! up)|share|proportion|growth)\b")  # not "high-speed", "speed up"
# A turn that leans on the one before: "农村居民呢？", "那2014年呢", "What about 2014?", or one that names
# the earlier topic only as "it", 它 or 他/她 ("How much did it grow?", "What was its growth rate?", "他作报告是哪一天？";
# not "Did Quzhou complete its targets?", where a name comes first, nor the 他 of 其他, "other").
_THIRD_PERSON = r"它|(?<!其)[他她]"
_FOLLOW_UP = re.compile(rf"^(那|那么|还有|另外|and |what about |how about )|[呢吗]？?\??$|\bit\b|{_THIRD_PERSON}", re.IGNORECASE)
_ITS = re.compile(r"^(?:[^A-Z]*\s)?its\b")  # on the question with its first letter in lower case
# "How much did it grow?" asks of the earlier topic
_PRONOUN = re.compile(rf"\bits?\b|其(?!中)|{_THIRD_PERSON}", re.IGNORECASE)


@dataclass
class Extract:
    paragraph_index: int  # position in the candidate list
    clause: str
    score: float
    coverage: float
    similarity: float


def without_preamble(question: str) -> str:
    """The question less what its asker first says of themselves: "我是一名记者，2013年生产总值是多少？" ->
    "2013年生产总值是多少？". A part that asks something, or names a figure or year, stays."""
    for preamble, asks, in_language in ((_PREAMBLE, _ASKS, has_chinese), (_PREAMBLE_EN, _ASKS_EN, _LATIN.search)):
        while (found := preamble.match(question)) and not asks.search(found.group(0)) \
                and in_language(question[found.end():]):  # something of the question is left
            question = question[found.end():]
    return question


_SAYS = "say|says|said|mention|mentions|mentioned|admit|admits|admitted"  # what a source does with what is asked
# English wordings that name no topic, each with what it says: the "set" of "the target is set for 2014" (not
# "set up"; as a noun it glosses 固定, "fixed"), phrases that only link or say how, and idioms whose "time", "place",
# "road" and "look" are none.
_NO_TOPIC = [(re.compile(pattern, re.IGNORECASE), said) for pattern, said in (
    (r"\b((?:is|are|was|were|be|been)\s+)set\b(?!\s+up)", r"\1"),
    (r"\b((?:did|does|do|will|would|has|have|had)\s+(?:[\w'’\-]+\s+){0,3})set\b(?!\s+up)", r"\1"),  # "did Quzhou set"
    (r"\b(?:in terms of|with (?:regard|respect) to|as regards)\b", " "),
    (r"\bin (\w+) terms\b", r"in \1"),  # "in dollar terms"
    (r"\bin an? ((?:[\w\-]+\s+){1,2}?)(?:way|manner|fashion)\b", r"\1"),  # "in a coordinated way": how, not what
    (r"\bfor the first time\b", "first"),  # 首届, 首个
    # what is asked: "which two kinds of", "which groups of"
    ((r"\b((?:what|which)\s+(?:\w+\s+)?)(?:kinds?|sorts?|types?|groups?|categor(?:y|ies)|class(?:es)?|variet(?:y|ies))"
      r" of\s+"), r"\1"),
    (r"\b(?:take|takes|took|taken|taking) place\b", "held"),
    (r"\b(?:look|looks|looked|looking) like\b", " "),  # "What will the chain look like?": what it is
    (r"\b(?:off|on) the roads?\b", " "),  # "taken off the road": scrapped, "put on the road": into service
    # the report as the source: what it says is asked, not the report itself
    (r"\baccording to (?:the )?(?:(?:government )?(?:work )?report|mayor)\b", " "),
    (r"\b(?:per|in|from|by) (?:the|this) (?:(?:government )?work )?report\b", " "),  # "…, per the report?"
    (rf"\b(?:the|this) (?:(?:government )?work )?report (?:{_SAYS})\b", " "),
    (rf"\b(?:the )?mayor (?:{_SAYS}|credit|credits|credited)\b", " "),
    # what the speaker calls a thing is what it is; whom he thanks, the thanks asked
    (r"\b(?:does|did|do) (?:the|this) (?:(?:government )?(?:work )?report|mayor) call\b", "is"),
    (r"\b(?:the )?mayor (thanks?|thanked)\b", r"\1"),
)]
# An English request put as an order: "Count the parks…" asks how many, "Give the length of…" what it is.
_ORDER = re.compile(r"^\s*(?:(?:please|pls|plz)\s+)?(?:(count)|(name|list)|give|tell|state|show|report|remind)\b"
                    r"(?:\s+(?:me|us))?(?:\s+of)?\s+", re.IGNORECASE)


def as_question(question: str) -> str:
    """An English order as the question it puts: "Count the new parks." -> "How many new parks.",
    "Name the town running the pilot." -> "Which town running the pilot.", "Give the length of the greenways." ->
    "What is the length of the greenways."; anything else as it is, less the phrases that only link
    ("What happens to taxis in terms of fuel?": "terms" is no topic, nor "kind" in "what kind of"), the "set"
    of "is set for", and the "time" of "for the first time", "place" of "take place" and "road" of "off the
    road", idioms that name no topic."""
    for pattern, said in _NO_TOPIC:
        question = pattern.sub(said, question)
    order = _ORDER.match(question)
    if order is None or has_chinese(question):
        return question
    rest = question[order.end():]
    if re.match(r"(?:how|what|which|who|when|where)\b", rest, re.IGNORECASE):  # "Tell me how many…"
        return rest[:1].upper() + rest[1:]
    if order.group(1) or order.group(2):
        return ("How many " if order.group(1) else "Which ") + re.sub(r"^(?:the|an?)\s+", "", rest, flags=re.IGNORECASE)
    return "What is " + rest


_A_YEAR = re.compile(r"(?:19|20)\d\d\s*年?")


def user_turns(history: list[dict]) -> list[str]:
    """The user's questions of a "messages" history, oldest first."""
    return [m["content"] for m in history if m.get("role") == "user" and isinstance(m.get("content"), str)]


def is_follow_up(question: str) -> bool:
    """Short or elliptical turns ("农村居民呢？", "那2014年呢") lean on the previous question."""
    question = question.strip()
    leans = _FOLLOW_UP.search(question) or _ITS.search(question[:1].lower() + question[1:])
    # a year counts as one word, as 去年 does: "2013年建了多少个？" is as short as "去年建了多少个？"
    return len(_A_YEAR.sub("年", normalize(question))) <= 8 or bool(leans)


def standalone_question(question: str, history: list[dict], common: set[str] = frozenset(),
                        names_topic: bool | None = None) -> str:
    """Offline condensation: merge a follow-up into the previous user turn(s); `common` as `topics` takes it.
    An English turn that names no topic (`names_topic` False) leans on the one before, whatever its length:
    "How many will be scrapped this year?" after "How many yellow-label cars were scrapped in 2013?".

    Years in the follow-up replace those of the earlier question:
    "2013年生产总值是多少？" + "2014年呢？" -> "生产总值是多少？ 2014年呢？".
    """
    previous = user_turns(history)
    # a turn with no year of its own asks of the year the conversation is in
    leans = previous and (is_follow_up(question) or years(previous[-1]) and not years(question)
                          or names_topic is False)
    if not leans or _asks_on_its_own(question, previous[-1], common, names_topic):
        return question
    base = previous[-1]
    for earlier in reversed(previous[:-1]):
        if not is_follow_up(base):
            break
        base = f"{_A_YEAR.sub('', earlier) if years(base) else earlier} {base}"  # the later turn's year holds
    if years(question):
        base = _A_YEAR.sub("", base)
    return f"{base} {question}"


def switched_question(question: str, merged: str, common: set[str] = frozenset(),
                      names_topic: bool | None = None) -> str | None:
    """A follow-up naming a topic of its own asks the earlier question of that topic instead: with the
    earlier turn's topics left out, "2013年衢州生产总值是多少？" + "那财政总收入呢？" reads "2013年多少 那财政总收入呢？":
    of the earlier turn, only its years, question words and kinds of figure stay (of an English one, its function
    words too). None when the turn is no follow-up or names no topic: a Chinese turn's are its `own_topics`;
    whether an English one names any, `names_topic` tells. A second reading only: the merged one is right when both
    topics stand in one clause ("城镇居民…" + "农村居民呢？"). `merged`: `standalone_question`'s reading of the turn."""
    if names_topic is None:
        names_topic = bool(own_topics(question, common))
    if merged == question or not names_topic or _PRONOUN.search(question):
        return None
    base = merged[: -len(question)]
    if has_chinese(base):  # its years, question words and kinds of figure: not 淘汰…辆 of 黄标车
        base = "".join(w.word for w in _tagged(normalize(base)) if re.fullmatch(r"\d+|年", w.word)
                       or _ASKS.search(w.word) or w.word in _ATTRIBUTE_NOUNS or w.word == "增长")
    else:
        base = " ".join(word for word in base.split()
                        if word.lower().strip("?,.!'") in ENGLISH_STOPWORDS or re.search(r"\d", word))
    return f"{base} {question}"


def own_topics(question: str, common: set[str] = frozenset()) -> list[str]:
    """What a Chinese follow-up names of its own: its `topics` and verbal nouns (那进口呢？: 进口), less places
    ("那杭州呢？" asks a figure of Hangzhou, not of a topic)."""
    named_places = tuple(places(question))
    verbal = [w.word for w in _tagged(normalize(question))
              if w.flag == "vn" and len(w.word) >= 2 and w.word not in _NOT_TOPICS and w.word not in common]
    return [topic for topic in topics(question, common) + verbal if not topic.startswith(named_places)]


# Words that put a Chinese question in the plan ("要新建多少个", "计划淘汰多少辆") or in what was done ("新增了多少")
_PLAN_WORDS = frozenset({"要", "将", "将要", "还要", "计划", "打算", "准备", "力争", "争取", "预计"})
_DONE_WORDS = frozenset({"了", "已", "已经", "过", "曾"})
_NOT_DONE = frozenset({"为了", "除了", "罢了", "算了", "对了", "好了"})  # 了 that marks no deed done


def plans(question: str) -> bool | None:
    """Whether a Chinese question asks of the plan (True), of what was done (False), or says neither (None), by
    its words alone: "要新建多少个？" True, "新增了多少张？" and "建了多少公里？" (one word to jieba) False,
    "新建多少个？" None."""
    words = set(jieba.lcut(normalize(question)))
    plan = bool(words & _PLAN_WORDS)
    done = bool(words & _DONE_WORDS) or any(len(w) == 2 and w.endswith("了") and w not in _NOT_DONE for w in words)
    return None if plan == done else plan


def plans_a_thing(question: str) -> bool:
    """Whether a Chinese question asks what the plan does, not a figure: "行政审批要实行什么制度？". Not by 计划, the
    thing asked in "旅游方面推进的是什么计划？", nor by the 要 of 要不要 ("办丧事现在要不要钱？": does it cost)."""
    words = set(jieba.lcut(normalize(question.replace("要不要", ""))))
    return answer_type(question) is None and bool(words & (_PLAN_WORDS - {"计划"}))


def stands_alone(question: str, common: set[str] = frozenset(), names_topic: bool | None = None) -> bool:
    """Whether a turn is a whole question whatever came before it: it asks, names a topic of its own (as
    `_asks_on_its_own` reads them), and neither opens nor ends as a follow-up does ("那…", "…呢？", "What about…")."""
    return not _FOLLOW_UP.search(question) and _asks_on_its_own(question, "", common, names_topic)


def _asks_on_its_own(question: str, previous: str, common: set[str], names_topic: bool | None = None) -> bool:
    """Whether a turn that opens like a follow-up is a whole question: it asks (哪, 什么, 多少, 谁…), names
    a topic (a Chinese one's `topics`; whether an English one names any, `names_topic` tells), and names a
    year when the turn before did. "那2014年哪个区要通过省级生态区验收？" needs nothing of
    "2013年哪个县通过了省级生态县验收？", whose 县 and 生态县 its answer would have to name too. Only a figure
    takes the earlier turn's year: "市长是谁？" or "Who delivered the report?" after "2013年…" asks who, of no year."""
    if names_topic is None:
        names_topic = bool(topics(question, common))
    return bool((_ASKS.search(question) or _ASKS_EN.search(question)) and names_topic
                and (years(question) or not years(previous)
                     or answer_type(question) != "quantity" and not _FOLLOW_UP.search(question))
                and not re.search(r"它|其|\b(?:it|its|they|them|their)\b", question, re.IGNORECASE))


class IdfTable:
    """Inverse document frequency of search tokens over the paragraphs."""

    def __init__(self, tokens: list[list[str]]):
        """`tokens`: each paragraph's search tokens."""
        self.counts = counts = Counter(token for paragraph in tokens for token in set(paragraph))
        self._n = len(tokens)
        self._idf = {token: math.log(1 + self._n / count) for token, count in counts.items()}
        self._unseen = math.log(1 + self._n)

    def weight(self, token: str) -> float:
        return self._idf.get(token, self._unseen)


Concept = tuple[str, ...]  # alternative terms for one idea of the question: ('养老', '老年人')


def concepts(query: str, translated: list[Concept] = ()) -> list[Concept]:
    """The question's ideas: each search token on its own, plus each translated English
    word with its alternatives (any one of them counts as present)."""
    alternatives = {term for group in translated for term in group}
    apart = _YEAR_GLUE.sub(" ", query)  # as in _tagged: not the 年少 of 2013年少交
    tokens = [part for token in tokenize(apart) if token not in alternatives for part in _guessed_apart(token)]
    return [(t,) for t in dict.fromkeys(tokens)] + list(translated)


_YEAR_GLUE = re.compile(r"(?<=\d{4}年)(?=\S)")  # where jieba would glue a year's 年 to what follows


def _guessed_apart(token: str) -> list[str]:
    """Two characters jieba's HMM glued into no word of its dictionary, as the two words they are: "少养了多少头猪"
    cuts 少养 | 头猪, whose 猪 is in 生猪. (The paragraphs keep their tokens: a name as 根宫 is such a pair too.)"""
    if len(token) == 2 and has_chinese(token) and not jieba.dt.FREQ.get(token):
        return [character for character in token if character not in STOPWORDS]  # 要涨: 涨
    return [token]


def _coverage(ideas: list[Concept], weights: list[float], text: str) -> float:
    """Share of the question's weight found (as substrings) in the text."""
    total = sum(weights)
    if not total:
        return 0.0
    return sum(w for idea, w in zip(ideas, weights) if any(term in text for term in idea)) / total


# Answer types: what kind of thing a question asks for, and how to see it in a clause.
_WHO = re.compile(r"谁|哪位|哪些人|何人|\bwho\b", re.IGNORECASE)
_GROUP = re.compile(r"人群|群体|对象")  # "重点人群是谁" asks a kind of people (高校毕业生), not a name
# "向谁报告", "由谁建设", "to whom", "Whom did … thank": a party, a person or an institution (市人大常委会).
_TO_WHOM = re.compile(r"[向对给跟由被]谁|\bwhom\b", re.IGNORECASE)
_WHEN = re.compile(r"哪天|哪一天|哪一?年|什么时候|何时|日期|几月|\bwhen\b|\bdate\b|\bwhat year\b", re.IGNORECASE)
# not "which village-to-community conversion", a change of a place's kind
_WHERE = re.compile(r"哪里|哪儿|何处|何地|什么地方|哪个地方|哪个[县市区镇乡村]|\bwhere\b"
                    r"|\bwhich (?:county|city|district|town|township|village)\b(?!-to-)", re.IGNORECASE)
# "为什么下降了", "why": not the 为什么 of a verb ending in 为 ("认为什么是…", "升格为什么").
_WHY = re.compile(r"(?<![认成作称视改列定格转变更])为什么(?![？?。]|$)|为何|什么原因|原因是什么|\bwhy\b", re.IGNORECASE)
# A reason the report gives is marked as one; a clause that states a figure does not say why it moved.
_BECAUSE = re.compile(r"因为|由于|得益于|为了|原因|所以|因此|导致|造成")
# Where someone is from or when they were born ("市长是哪里人", "沈仁康是哪一年出生的"): a date or a place in the
# clause is not theirs unless the clause speaks of a birth or a hometown.
_ORIGIN = re.compile(r"哪一?年出生|出生(?:于|在)?(?:哪|什么|何)|在?哪[里儿]?出生|生于哪|籍贯|老家|哪[里儿的]人|什么地方人|"
                     r"\bborn\b|\bhometown\b|\bbirthplace\b|\bwhere (?:is|was|are|were)\b[^?？]*\bfrom\s*[?？]", re.IGNORECASE)
_BIRTH = re.compile(r"出生|生于|籍贯|人氏|老家")
# Where money is used is what it is spent on, not a place: "削减的三公经费用到哪里" (治水).
_PURPOSE = re.compile(r"[用花投]\s*(?:到|在|于|向)\s*(?:了\s*)?(?:哪里|哪儿|何处|什么地方)"
                      r"|\bwhere\b.*\b(?:go|goes|went|spent|used)\b", re.IGNORECASE)  # "Where will the savings go?"
# A 哪里 question may be answered by a park or zone, which jieba does not tag as a place (化工园区, 上海自贸区),
# or by the part of a city a thing reaches: "“天网工程”基本实现市区全覆盖".
# Every county (市、区) or township (街道) is a where too, cut at its 、 as naming() cuts a list: "实现县(市、区)全覆盖"
_SITE = re.compile(r"[\u4e00-\u9fff]{2}(?:园区|开发区|集聚区|基地|新区|新城|自贸区|试验区|示范区)|市区|城区|县城|"
                   r"县\s*[(（]市|乡镇\s*[(（]街道")
_DATE = re.compile(r"\d+\s*年\s*\d+\s*月|\d+\s*月\s*\d+\s*日|(?:19|20)\d\d\s*年")
# Not 第五次 nor the 四次 of 十三届四次全会 (a session's name), nor 一批 ("a number of": "建成一批美丽乡村" says no count).
_CHINESE_COUNT = re.compile(r"(?<![第届])(?!一批)[一二两三四五六七八九十百千万]+[个项家名所条座张辆人次倍批类级]")
# "三年行动计划" counts years for a question that asks 几年; "一年来" does too, 第五年 and 十八届 do not.
_YEAR_COUNT = re.compile(r"(?<![第一二两三四五六七八九十])[一二两三四五六七八九十]+年")
_ASKS_YEARS = re.compile(r"(?:几|多少)个?年|\bhow many years\b", re.IGNORECASE)
# "六大专项行动" counts six for a question that asks 几大; otherwise it names a programme. 党的十八大 is a name.
_BIG_COUNT = re.compile(r"(?<![第的一二两三四五六七八九十])(?!一大批)[一二两三四五六七八九十]+大(?=[\u4e00-\u9fff])")
# The unit a question asks its figure in: "多少家" -> 家, "多少亿元" -> 亿元; a rate wants a percentage.
_MEASURES = "人次|平方公里|平方米|公里|公顷|亿美元|美元|亿元|万元|元|吨|亩|天"
_CLASSIFIERS = "个|家|所|名|位|人|辆|张|座|条|项|户|处|头|批|套|件|场|台|间|艘|架"
_CLASSIFIER_WORDS = frozenset(_CLASSIFIERS.split("|"))
# each classifier but 个 -> the others but 个, as a regular expression: built once, as clauses are checked often
_OTHER_CLASSIFIERS = {unit: "|".join(c for c in _CLASSIFIER_WORDS if c not in (unit, "个"))
                      for unit in _CLASSIFIER_WORDS - {"个"}}
# 几级: tiers, not 多少个; 多少个亿 counts hundred millions, in no classifier's unit
_ASKED_UNIT = re.compile(rf"(?:多少|几)\s*({_MEASURES}|(?:{_CLASSIFIERS})(?![亿万])|级|[A-Za-z])")
_ASKS_HOW_MANY_OF = re.compile(rf"几\s*(?:{_CLASSIFIERS}|大)?\s*([\u4e00-\u9fff]{{2}})")  # 几个翻番 -> 翻番
# The count before that word: not the 八大 of 党的十八大精神 for 几大精神, as _BIG_COUNT.
_COUNT_OF = rf"(?<![第的一二两三四五六七八九十])[一二两三四五六七八九十]+(?:{_CLASSIFIERS}|大)?"
# 个 is the classifier of anything counted: "多少个千人计划人才" is answered by "6 名", not by "35 公顷".
_PEOPLE = "人|名|位"  # 人 also begins 人次
_SAME_UNIT = {"名": _PEOPLE, "位": _PEOPLE, "人": _PEOPLE, "个": _CLASSIFIERS}
# The same in English: "in billion yuan", "how many square kilometres" (the longer unit first).
_ENGLISH_UNITS = (
    ("(?:billion|100 million|hundred million) yuan", "亿元"), ("(?:billion |million )?(?:US )?dollars?", "美元"),
    ("square kilomet(?:re|er)s?", "平方公里"), ("square met(?:re|er)s?", "平方米"), ("kilomet(?:re|er)s?", "公里"),
    ("hectares?", "公顷"), ("(?:mu|acres?)", "亩"), ("(?:tons?|tonnes?)", "吨"), ("yuan", "元"),
    (r"(?:[a-z\-]+ ){0,2}?(?:people|persons)", _PEOPLE),  # "how many elderly people": not 1330 beds
)
# A sum of money is answered in 元 or 美元, not by a count: "图书馆改建项目投资了多少钱" is not "新建文化礼堂 100 个".
_ASKS_MONEY = re.compile(
    r"多少钱|(?:投资|投入|资金|预算|经费|费用|造价|成本|花费|开支|支出|收入|金额|余额|产值|销售额|营业额)[是为有了共达到总计约]{0,3}"
    rf"(?:{_AMOUNT_WORDS})|\b(?:budget|costs?|funding|funds|money|investment|invested|spending|spent|spend|"
    r"expenditure|sum|earn|earned|earnings|revenue|income|price|sales|balance)\b",
    re.IGNORECASE,
)
_MONEY = "元|美元"
_ASKS_SIZE = re.compile(r"多大|\bhow (?:large|big)\b", re.IGNORECASE)  # a size is measured, not counted in 个
# "涨了几个点" asks percentage points, not a count of things in 个
_ASKS_RATE = re.compile(r"率|比例|比重|占比|百分之|百分比|(?:几|多少)(?:个|个百分|百分)点|"
                        r"占(?:到|了)?(?:多少|几)(?![个项家名所条座张辆人次批类级])|percent|\brate\b|"
                        r"\bproportion\b|\bfraction\b|\bshare\b(?!\s+(?:placement|issue|offering|allotment))",
                        re.IGNORECASE)  # 占多少: what share (占了几个: a count); not a share issue (配股), a sum
# In English only: a Chinese asker's "几个百分点" often means a percentage ("去年涨了几个百分点" is 增长 11.3%).
_ASKS_POINTS = re.compile(r"\b(?:how many|percentage) points?\b", re.IGNORECASE)
_PERCENT = re.compile(r"\d\s*[%‰]|百分点|全覆盖")  # full coverage is all of them
_TIMES = re.compile(r"\d\s*倍")
_ASKS_COUNT = re.compile(r"\bhow many\b", re.IGNORECASE)
_AMOUNT = re.compile(r"\d(?:\.\d+)?\s*[万亿]?\s*[\u4e00-\u9fff](?<![年月日])")  # a number with a unit, not "%" or a date
# A change or a plan is often a percentage ("增长 9.1%", "目标增长 8.5%"); any other amount is not.
_NUMERAL = r"\d|(?!一批)[一二两三四五六七八九十百千]"  # a figure's number, not the "a number of" of 一批
_ASKS_CHANGE = re.compile(
    r"增|添|降|减|涨|砍|压缩|缩|取消|上升|下滑|回落|提高|幅|变化|比|倍|翻|目标|预期|预计|计划|控制|多了|少了|"
    r"(?<![多少])[多少][收花赚挣卖买用产出](?!少)|"  # "财政要多收多少", not the 少收 of "多少收入"
    r"grow|grew|increase|decrease|drop|fall|fell|rise|rose|cut|reduc|lower|declin|expand|climb|shr[iu]nk|shrank|"
    r"by how much|target|goal|plan",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"“[^”]*”")
# A figure with 以上/以下 before the noun it describes is a size class ("投资5亿元以上的重点工业项目"), not an
# amount of anything: it answers only a question that asks the class ("引进多少亿元以上的项目", "多大规模").
_SIZE_CLASS = re.compile(rf"\d+(?:\.\d+)?\s*[万亿]?\s*(?:{_MEASURES}|%)?\s*以[上下]的?(?=[\u4e00-\u9fff])")
_ASKS_CLASS = re.compile(rf"以上|以下|规模|{_ASKS_SIZE.pattern}|\bsize\b|\babove\b|\bover\b|\bat least\b", re.IGNORECASE)
_ORDINAL = re.compile(r"第几|排名|排第|\brank", re.IGNORECASE)
# "What was the carbon emission in 2013?" asks a figure, as "2013年的碳排放是多少" does with 多少.
_WHAT_IN_A_YEAR = re.compile(r"^\s*what (?:is|was|are|were) (?=.*\b(?:19|20)\d\d\b)", re.IGNORECASE)
# "What is the budget for …", "What was the planned investment in …": a word naming a sum or a size asks a figure,
# in the question's first sentence or after one that sets the scene ("The plan cleans villages in a batch. What's…").
_SENTENCE_START = r"(?:^|[.:;!?]\s+)\s*"
_WHAT_FIGURE = re.compile(rf"{_SENTENCE_START}what(?:'s| is| was| are| were) (?:the )?(?:[\w\-']+ ){{0,3}}?"
                          r"(?:budget|cost|investment|spending|expenditure|price|length|area|population|output|revenue|"
                          r"income|amount|volume|size|value|total|capacity|scale)s?\b"
                          rf"|{_SENTENCE_START}what (?:amount|number|quantity|share|percentage|proportion|total|sum|"
                          r"count|tally|length|stretch|size)"
                          r"(?: of\b|s? (?:did|do|does|will|would|was|were|is|are|has|have|had)\b)",
                          re.IGNORECASE)  # "What amount of…", "What sum did…": as "What was the amount of…"


# "What is the bridge named?" asks a name; "Which township was named one of the most beautiful villages?" a place.
_NAME = re.compile(r"叫什么|名字|姓名|名称|\bname\b|\bnamed(?=\s*[?？]|\s*$|\s+after\b)", re.IGNORECASE)


# "你觉得衢州的经济发展得怎么样": the assistant's own view, which no clause of a report gives.
_ASKS_OPINION = re.compile(r"[你您]们?(?:觉得|认为|怎么看|看来|的看法|的意见)|\b(?:do|would) you (?:think|feel|believe|recommend)\b|"
                           r"\byour (?:own )?(?:opinion|view|thoughts)\b|"
                           # a judgement asked of a yes or no: "Is Quzhou a good place to live?", "衢州好不好"
                           r"^\s*(?:is|are)\b[^?]*\b(?:good|nice|great|bad|safe|worth)\b|好不好|值不值得|适不适合",
                           re.IGNORECASE)


# An honour, a title or a list asked for ("粮食安全拿了什么荣誉？", "Which award did Kaihua win?"): the clause confers
# one (评为, 获, 称号, 冠, 列入, 创建…); "守住粮食安全红线" names the topic and no honour.
_ASKS_HONOUR = re.compile(r"荣誉|称号|名单|榜单|\b(?:honou?rs?|titles?|awards?|accolades?)\b", re.IGNORECASE)
_HONOURED = re.compile(r"评为|评定|获|称号|先进|冠|列入|创建|晋级|成为|通过|升格")


def lacks_asked_honour(question: str, clause: str) -> bool:
    """Whether the question asks an honour or a title and the clause confers none."""
    return bool(_ASKS_HONOUR.search(question)) and not _HONOURED.search(clause)


def asks_opinion(question: str) -> bool:
    """Whether a question asks the assistant's view, not a thing: "你认为“四个一”是什么" asks what the report says."""
    return bool(_ASKS_OPINION.search(question)) and not _ASKS.search(question)


def asks_name(question: str) -> bool:
    """Whether a question asks what something is called: "机场叫什么名字？"."""
    return bool(_NAME.search(question))


def gives_a_name(text: str, question: str) -> bool:
    """Whether the text (the parts of a clause that name what a "叫什么名字" question asks about) gives a
    name beyond the question's words: a quoted one, or a proper name (jieba's nr, ns, nt, nz):
    "举办首届江郎山国际旅游节" for 国际旅游节叫什么, "衢州市市长 沈仁康" for 市长叫什么名字.
    "完成报业集团组建" gives the newspaper group no name, nor "加快机场搬迁" the airport."""
    return any(quoted not in question for quoted in _QUOTED.findall(text)) or any(
        w.flag in ("nr", "ns", "nt", "nz") and len(w.word) > 1 and w.word not in question
        for w in tagged_words(text))


def answer_type(question: str) -> str | None:
    """"ordinal", "reason", "origin", "quantity", "person", "party", "date", "place", or None: "衢州市市长是谁？" -> "person"."""
    if _ORDINAL.search(question):
        return "ordinal"
    if _WHY.search(question):
        return "reason"
    if _ORIGIN.search(question):
        return "origin"
    # 什么/哪 asks a thing, unless 多少 or 几 asks a figure too: "坚持稳增长与什么并重" names 增长 but asks no figure.
    asks_thing = _ASKS_THING.search(question) and not _ASKS_AMOUNT.search(question)
    if _QUANTITY.search(question.lower()) and not asks_thing or _WHAT_IN_A_YEAR.search(question) \
            or _WHAT_FIGURE.search(question):
        return "quantity"
    if _TO_WHOM.search(question):
        return "party"
    if _WHO.search(question) and not _GROUP.search(question):
        return "person"
    if _WHEN.search(question):
        return "date"
    if _WHERE.search(question) and not _PURPOSE.search(question):
        return "place"
    return None


def has_answer_type(kind: str | None, clause: str, asked_years: set[str] = frozenset(), question: str = "") -> bool:
    """Whether the clause holds that kind of answer. A figure is a number other than the years and
    figures the question names ("2013 年是…的一年" has none; "十个方面" has one) and, given the question, in the
    unit it asks for: a percentage for a rate, "家" for "多少家", an amount rather than a percentage
    for "how many" and for anything but a change or a plan; an ordinal is "第六届" or "首个";
    a person is a name jieba tags "nr"; a place one it tags "ns" that the question does not name."""
    if kind == "quantity":
        given = asked_years | _given_numbers(question)  # "引进10亿元以上项目" does not answer "多少个10亿元以上项目"
        if _counts_the_word(clause, question):
            return True
        clause = _QUOTED.sub("", clause)  # a quoted figure is a name: “四个一”, “十大专项”
        if not _ASKS_CLASS.search(question):
            clause = _SIZE_CLASS.sub("", clause)  # "引进10亿元以上重大产业项目" says which projects, not a sum
        if not (any(n not in given for n in numbers(clause)) or _counts(clause, question)):
            return False
        if not question:
            return True
        if _ASKS_POINTS.search(question):  # "by how many points" is answered in 百分点, not by a growth in %
            return "百分点" in clause
        if _ASKS_RATE.search(question):  # a growth "by what percentage" may be a multiple: "增长 2.3 倍"
            return bool(_PERCENT.search(clause) or _ASKS_CHANGE.search(question) and _TIMES.search(clause))
        if units := _asked_unit(question):
            return _in_units(clause, units, _NUMERAL) or _begins_a_word(question, clause) or _counted_generically(clause, units)
        if _ASKS_COUNT.search(question):
            return bool(_AMOUNT.search(clause)) or _counts(clause, question)
        if _ASKS_CHANGE.search(question):
            return True
        if _ASKS_MONEY.search(question):
            return _in_units(clause, _MONEY)
        if _ASKS_SIZE.search(question):
            return _in_units(clause, _MEASURES)
        return bool(_AMOUNT.search(clause)) or _counts(clause, question)
    if kind == "reason":
        return bool(_BECAUSE.search(clause))
    if kind == "origin":
        return bool(_BIRTH.search(clause))
    if kind == "ordinal":  # "二期" answers "第几期" too
        return bool(re.search(r"第\s*[\d一二三四五六七八九十]+|首[个位次届批]|[\d一二三四五六七八九十]\s*期", clause))
    if kind in ("person", "party"):
        return any(word.flag == "nr" or kind == "party" and word.flag == "nt" for word in tagged_words(clause))
    if kind == "date":
        return bool(_DATE.search(clause))
    if kind == "place":  # a place the question does not name already: a town, or a park or zone (化工园区)
        return any(w.flag == "ns" and len(w.word) > 1 and w.word not in question for w in tagged_words(clause)) \
            or any(site not in question for site in _SITE.findall(clause))
    return True


def naming(clause: str, words: list[str]) -> str:
    """The parts of a clause between commas that name one of the words, less the other items of their
    lists; the whole clause when none does. "加强城市基础设施建设，实施礼贤街、新火车站等片区改造" for 火车站 ->
    "新火车站等片区改造": a place listed beside a thing, or named in another part, is not where the thing is."""
    parts = []
    for part in _SEGMENT.split(clause):
        items = [item for item in part.split("、") if any(word in item for word in words)]
        if items:
            parts.append("、".join(items))
    return "，".join(parts) or clause


def _begins_a_word(question: str, clause: str) -> bool:
    """Whether what follows 多少 is no unit but the start of a word the clause has: the 批 of
    "多少批而未供的土地" begins 批而未供 ("approved but not supplied"), which jieba cuts apart."""
    unit = _ASKED_UNIT.search(question)
    # the unit and the Chinese characters after it, up to two: "多少项目？" -> 项目
    word = re.sub(r"[^\u4e00-\u9fff].*", "", question[unit.start(1) : unit.end(1) + 2]) if unit else ""
    # where a word of the clause starts: not the 家养 of 居家养老 for "多少家养老院床位"
    return len(word) > 1 and any(found.start() in _word_starts(clause) for found in re.finditer(re.escape(word), clause))


def _counted_generically(clause: str, unit: str) -> bool:
    """Whether a clause counts in 个, which counts anything, and in no other classifier than the one asked:
    "新建农村文化礼堂 100 个" answers "文化礼堂盖了几座", but "照料中心 500 个，养老机构床位 1160 张" does not
    answer "养老机构多少家"; its 个 counts another thing than its 张 does."""
    return unit in _OTHER_CLASSIFIERS and _in_units(clause, "个", _NUMERAL) \
        and not _in_units(clause, _OTHER_CLASSIFIERS[unit], _NUMERAL)


def _in_units(clause: str, units: str, numeral: str = r"\d") -> bool:
    """Whether the clause holds a figure in one of the units ("23.9 亿美元" for 美元, "4A级" for 级)."""
    return bool(re.search(rf"(?:{numeral})\s*[万亿]?\s*[A-Z]?\s*(?:{units})", clause))


def _counts(text: str, question: str) -> bool:
    """Whether the text holds a count in Chinese numerals the question could ask for: "六大专项行动" for
    几大 or "how many", not for 多少; "五年计划" for 几年 or "how many years"."""
    asks_big_count = "几大" in question or _ASKS_COUNT.search(question)
    return bool(_CHINESE_COUNT.search(text) or asks_big_count and _BIG_COUNT.search(text)
                or _ASKS_YEARS.search(question) and _YEAR_COUNT.search(text)) or _counts_the_word(text, question)


def _counts_the_word(text: str, question: str) -> bool:
    """Whether the text counts the very word a 几 question counts, in a name too: "要实现几个翻番" is
    answered by “四翻番”, "干好几件大事" by “四件大事”, "几大战役" by “两大战役”."""
    asked = _ASKS_HOW_MANY_OF.search(question)
    return bool(asked) and bool(re.search(_COUNT_OF + re.escape(asked.group(1)), text))


@functools.lru_cache(maxsize=1024)
def _given_numbers(question: str) -> frozenset[str]:
    """The numbers a question names; kept, as clause ranking asks `has_answer_type` of every clause."""
    return frozenset(numbers(question))


@functools.lru_cache(maxsize=1024)  # asked of every clause a question's ranking weighs, as `_given_numbers` is
def _asked_unit(question: str) -> str:
    """The units, as a regular expression, a question wants its figure in: "多少名" -> "人|名|位",
    "多少条路，多少公里" -> "条|公里" (either answers), "in billion yuan" -> "亿元", "网购的人数有多少" -> people
    (not 亿元), unless it asks a change; "" for none."""
    if units := [_SAME_UNIT.get(unit, unit) for unit in _ASKED_UNIT.findall(question)]:
        return "|".join(dict.fromkeys(units))
    english = next((units for english, units in _ENGLISH_UNITS
                    if re.search(rf"\b(?:in|how many) {english}\b", question, re.IGNORECASE)), "")
    return english or (_PEOPLE if "人数" in question and not _ASKS_CHANGE.search(question) else "")


# Nouns that name the kind of figure asked for, its basis or its currency, or the kind of trait or role, not its topic:
# "增长幅度", "数量", "名字", "同比", "人民币", "特点".
_ATTRIBUTE_NOUNS = frozenset(
    "数量 数目 个数 总数 总量 规模 盘子 比例 比重 占比 百分比 百分数 幅度 增幅 增速 增长率 增长幅度 增长速度 速度 水平 "
    "程度 情况 面积 人数 天数 名字 名称 时候 时间 年度 地方 地点 地区 区域 金额 数额 总额 货值 价值 多长 目标 长度 宽度 "
    "高度 深度 重量 同比 环比 人民币 上限 下限 任务 指标 数字 数据 数值 名额 特点 特征 性质 意思 含义 定位 提法 说法".split()
)
# Words for the report's own city: its title names it for every paragraph.
_SELF_REFERENCES = frozenset("全市 我市 本市 市里 该市".split())
# Words for anything at all, or a part of it: "买东西" is buying, not a thing the answer must name, and
# "财政收入里地方的那部分" is the local part of the revenue.
_ANYTHING = frozenset("东西 事情 事儿 部分 买东西 卖东西".split())  # jieba has 买东西 and 卖东西 as words
# Words for anyone at all: "老百姓在消费品上花了多少钱" asks about 消费品, not about a kind of people.
_ANYONE = frozenset("老百姓 百姓 民众 人们 大家 人群".split())
# Words for any achievement: "粮食安全工作取得了什么成绩" is answered by "取得省“三连冠”".
_ACHIEVEMENTS = frozenset("成绩 成效 成果 成就 进展 荣誉 称号 名单 榜单 评价".split())
# Words for any means, stance or course: "查安全隐患要用什么新办法" is answered by "建立“四不两直”隐患排查…机制",
# "对环境违法行为是什么态度" by "做到严打击、零容忍".
_MEANS = frozenset({"办法", "方法", "措施", "举措", "做法", "手段", "途径", "方式", "态度", "立场", "方向", "思路", "路子"})
_NOT_TOPICS = STOPWORDS | _ATTRIBUTE_NOUNS | _SELF_REFERENCES | _ANYTHING | _ANYONE | _ACHIEVEMENTS | _MEANS
_FIGURE_SUFFIX = "率额量数值价费"  # "覆盖率", "出口额": a figure about what comes before
_TOPIC_TAGS = ("n", "l", "j")  # jieba's nouns (n, nr, ns, nt, nz...), idioms and abbreviations
_RARE = 100  # a jieba dictionary frequency below which a two-character cut is no word people use


@functools.lru_cache(maxsize=256)
def _tagged(text: str) -> tuple:
    """jieba's part-of-speech cut, kept: topics() and figure_focus() read the same question.
    The 有 of "有多少" is cut off first, and a year from what follows it: jieba would glue them to the word
    beside (来料加工费有 -> 费有, 2013年少养 -> 年少, 2013年关了 -> 年关);
    so is the classifier after 多少 or 几 (or jieba's 加多少), which jieba glues to a one-character noun into no
    word of its dictionary (张床, 条路, 辆车), though not from one that is a word (家庭, 个人, 项目), unless its second
    character and the next word are one (多少家居家养老: 家 | 居家 养老, 多少家产能: 家 | 产能); and the 大 of
    "多大面积", which jieba cuts 多 | 大面积 ("large-scale"), goes back to 多: 多大 | 面积 asks a size; and two
    one-character words joined by 和 are the word they make, when it is one ("税和费": 税费)."""
    words: list = []
    cut = jieba.posseg.lcut(_YEAR_GLUE.sub(" ", re.sub(r"有(?=多少|几)", " 有", text)))
    for i, word in enumerate(cut):
        after = cut[i + 1].word if i + 1 < len(cut) else ""
        # after 多少 or a word jieba glued to its end ("要加多少张床": 加多少 | 张床)
        counted = bool(words) and _ENDS_ASKING_AMOUNT.search(words[-1].word) and len(word.word) == 2 \
            and word.word[0] in _CLASSIFIER_WORDS
        if counted and jieba.dt.FREQ.get(word.word, 0) < _RARE:
            words += [jieba.posseg.pair(word.word[0], "q"), *jieba.posseg.lcut(word.word[1])]
        elif counted and jieba.dt.FREQ.get(word.word[1] + after):
            words += [jieba.posseg.pair(word.word[0], "q"), *jieba.posseg.lcut(word.word[1] + after)]
            cut[i + 1] = jieba.posseg.pair("", "x")  # taken into the word before
        elif words and words[-1].word == "多" and len(word.word) > 2 and _ASKS_AMOUNT.fullmatch("多" + word.word[0]):
            words[-1] = jieba.posseg.pair("多" + word.word[0], "m")
            words += jieba.posseg.lcut(word.word[1:])
        elif word.word in ("和", "与") and words and len(words[-1].word) == 1 and len(after) == 1 \
                and jieba.dt.FREQ.get(words[-1].word + after):
            words[-1] = jieba.posseg.pair(words[-1].word + after, "n")  # 税和费: 税费
            cut[i + 1] = jieba.posseg.pair("", "x")
        elif word.word.strip():
            words.append(word)
    return tuple(words)


def joined_by_de(question: str, topics: list[str]) -> dict[str, tuple[str]]:
    """The topics a question puts before 的 and another topic, each with the compound the two make:
    "银行的贷款" -> {"银行": ("银行贷款",)}, a kind of 贷款 as 银行贷款 is."""
    tagged = _tagged(normalize(question))
    return {a.word: (a.word + b.word,) for a, de, b in zip(tagged, tagged[1:], tagged[2:])
            if de.word == "的" and a.word in topics and b.word in topics}


def topics(question: str, common: set[str], vocabulary: str = "") -> list[str]:
    """The things a question asks about: its Chinese nouns, less the attribute nouns above and
    the words too common in the reports to tell paragraphs apart. A modifier (jieba's "b") stays
    with the noun it precedes: 副 + 市长 -> 副市长. English words are left out here:
    `Glossary.topics` finds those. With a `vocabulary` (the reports' text), no word jieba's HMM glued: "生孩子比死亡多"
    cuts 孩比, "个转企小升规" 转企小."""
    words: list[tuple[str, str]] = []
    text = normalize(question)
    tagged = tuple(w for w in _tagged(text) if not glued(w.word, vocabulary))
    for word, after in zip(tagged, [*tagged[1:], None]):
        # not a modifier jieba's HMM made up of characters its dictionary has apart ("建设上要着力": 上要)
        if words and words[-1][1] == "b" and word.flag.startswith("n") and words[-1][0] in jieba.dt.FREQ:
            words[-1] = (words[-1][0] + word.word, word.flag)
        elif word.flag == "vn" and words and words[-1][0].startswith(("哪", "什么")) \
                and not (after and after.flag.startswith("n")):
            words.append((word.word, "n"))  # the thing a 哪/什么 question asks one of: 哪些比赛, not 什么生育政策
        else:
            words.append((word.word, word.flag))
    found = [
        word
        for word, flag in words
        if flag.startswith(_TOPIC_TAGS) and len(word) >= 2
        and word not in _NOT_TOPICS and word not in common
        and not _CHANGED.fullmatch(word)  # jieba tags 新建 "ns" (Xinjian county): a change says what kind of figure
        and not _ASKS_FIGURE.match(word)  # nor the question: jieba's idiom 几万人
        # 多 or 少 and a verb, a word only jieba's HMM makes ("帮企业少交了多少税费": 少交): how the figure
        # changed, not a topic (少数, 多元 are words of its dictionary)
        and not (len(word) == 2 and word[0] in "多少" and jieba.dt.FREQ.get(word, 0) < _RARE)
        and not word.endswith("的")  # a word only jieba's HMM makes: "省里交的任务" (交的)
        and not (word.startswith("工作") and word[2:] in _NOT_TOPICS)  # 工作进展 asks how the work went, as 进展 does
        and "了" not in word  # a verb done, a word jieba's HMM makes: "淘宝网上开了个什么馆" (开了个)
    ]
    # a name the reports quote is a topic however jieba cuts it ("三改一共改了多少面积": 三 | 改 | 一共 asks of “三改”),
    # in a Chinese question (an English one's names are its nouns, as `Glossary.topics` gives them)
    quoted = () if re.search(r"[A-Za-z]", text) else _quoted(vocabulary)
    return found + [name for name in quoted if name in text and not any(name in word or word in name for word in found)]


@functools.lru_cache(maxsize=4)
def _quoted(text: str) -> tuple[str, ...]:
    """The names a text quotes (“三改”, “四换三名”), longest first."""
    return tuple(sorted(set(re.findall(r"“([\u4e00-\u9fff]{2,6})”", text)), key=len, reverse=True))


def glued(word: str, vocabulary: str) -> bool:
    """Whether jieba's HMM made the word of the end of one word and the start of the next: neither its dictionary
    nor the reports hold it, and its last character is no noun (比, 加, 小), as a noun's last character is (市歌)."""
    return len(word) > 1 and _miscut(word, vocabulary) and _tag_alone(word[-1]).startswith(tuple("pvadrcumq"))


# "新增的上班族（城镇就业）", "往外面卖货（出口）": the asker names a thing again in brackets, in the report's words
_BRACKETED = re.compile(r"([^（(，,。？?！!；;的]*)[（(]([^）)]*)[）)]")


def restated(question: str) -> set[str]:
    """The topics of the asker's own words for a thing they name again in brackets: 上班族, 往外面 and 卖货.
    The answer need not hold them when it holds what the brackets say."""
    return {word for before, inside in _BRACKETED.findall(question)
            if any(len(w.word) > 1 and not w.flag.startswith(("m", "q", "x")) and not _UNIT.fullmatch(w.word)
                   for w in _tagged(normalize(inside)))  # a thing, not a unit: "（万人）"
            for word in topics(before, set())}


_ASKS_FIGURE = re.compile(rf"^({_AMOUNT_WORDS}|多远)")
_NOMINAL_TAGS = ("n", "t", "a", "b", "j", "l", "vn")
_UNIT = re.compile(rf"{_MEASURES}|万人|年")
_FRAME_TAGS = ("m", "q", "u", "d", "p", "c", "r", "x", "t")  # t: 现在, 目前
# "完成多少", "打算新增多少": verbs of the figure or of the plan, not what is counted
_SENTENCE_END = frozenset("?？!！。;；")
_FIGURE_VERBS = frozenset("达到 能到 要到 实现 完成 定为 到位 相差 一共 总共 大约 约为 打算 准备 争取 力争 "
                          "超过 超出 低于 高于 不到 控制 不能 不得 必须 应该 能够 可以 允许 容许 "
                          "拿到 得到 收到 领到 获得 占到 占了".split())  # its bounds, modals, getting it, its share


_FOR_WHOM = frozenset({"给", "供", "让"})  # prepositions that open a description: "给人走路骑车的绿道"
_AND = frozenset({"和", "与", "及", "以及", "或", "或者", "跟"})  # join two doings of one description: "骑行和步行的绿道"
_FROM = frozenset({"从"})  # says where from inside a description: "从外地请来的科学家" (not 在: "花在工程上的钱")
_INSIDE_A_DESCRIPTION = _FOR_WHOM | _AND | _FROM  # words of a description that do not end it


def described(question: str) -> dict[str, str]:
    """The nouns of a clause that says which thing is meant, around its verb (or the 给 of "for whom") and before 的
    and the thing, each with the thing's first word: the 黑烟 of "冒黑烟的黄标车" (黄标), the 农户 of
    "发给农户的来料加工费", the 走路 and 骑车 of "给人走路骑车的绿道", the 银行 of "银行放出去的贷款". An asker
    describes in words of their own what the report names, so these need not be in the answer when the thing is."""
    found: dict[str, str] = {}
    clause: list = []
    tagged = _tagged(normalize(question))
    for word, after in zip(tagged, [*tagged[1:], None]):
        # not a verbal noun after a noun, a compound's: 三公 | 经费 (but 发给 | 农户)
        verb = next((i for i, w in enumerate(clause) if w.flag.startswith("v") and not (
            w.flag == "vn" and i and clause[i - 1].flag.startswith(_TOPIC_TAGS)) or w.word in _FOR_WHOM), None)
        # not before the kind of figure: "淘汰黄标车的数量" asks the number of 黄标车, "投到固定资产上的钱" the money
        # of 固定资产
        if word.word == "的" and verb is not None and after is not None and after.flag.startswith(("n", "t")) \
                and after.word not in _ATTRIBUTE_NOUNS and after.word != "钱":
            found.update((w.word, after.word) for w in clause[:verb] + clause[verb + 1:]
                         if w.flag.startswith(_TOPIC_TAGS))
        # a time inside the clause says when (给老人白天待的), 从 where, and 和 joins two doings: none ends the clause
        if word.flag.startswith(_FRAME_TAGS) and word.flag != "t" and word.word not in _INSIDE_A_DESCRIPTION \
                or _ASKS_FIGURE.match(word.word):
            clause = []
        else:
            clause.append(word)
    # whom a doing is for, between 给 (为, 替) and its verb, says which thing too: the 老人 of "给老人建多少个照料中心"
    for i, word in enumerate(tagged[:-2]):
        if word.word in ("给", "为", "替") and word.flag == "p" and tagged[i + 1].flag.startswith(_TOPIC_TAGS) \
                and tagged[i + 2].flag.startswith("v"):
            thing = next((w.word for w in tagged[i + 3 :] if w.flag.startswith(_TOPIC_TAGS) and len(w.word) > 1), None)
            if thing:
                found.setdefault(tagged[i + 1].word, thing)
    return found


def asks_amount(question: str) -> bool:
    """Whether a Chinese question asks how much or how many (多少, 几, 多大…)."""
    return bool(_ASKS_AMOUNT.search(question))


def counts_by_classifier(question: str) -> bool:
    """Whether a Chinese question counts things by their classifier: "有多少家规模以上企业", not "投了多少钱"."""
    unit = _ASKED_UNIT.search(question)
    return bool(unit) and unit.group(1) in _CLASSIFIER_WORDS


def names_nothing(question: str) -> bool:
    """Whether a question names nothing but its frame: places, the kind of figure, question and function words.
    "衢州的面积有多大" asks the city's own size, which a clause about "“三改”面积" does not give."""
    tagged = _tagged(normalize(question))
    return not any(len(w.word) > 1 and not w.flag.startswith(_FRAME_TAGS) and w.flag != "ns"
                   and w.word not in _NOT_TOPICS and not _ASKS_AMOUNT.fullmatch(w.word)
                   or _counted_character(before, w)  # "少养了多少头猪" names 猪
                   for before, w in zip((None, *tagged), tagged))


def _counted_character(before, word) -> bool:
    """Whether the word is a one-character noun after its classifier: the 床 of "多少张床", the 猪 of "多少头猪"
    (jieba tags 头 a noun too), or of "多少万头猪"."""
    return before is not None and len(word.word) == 1 and word.flag.startswith("n") \
        and (before.flag == "q" or before.word.lstrip("万千百亿") in _CLASSIFIER_WORDS)


def figure_focus(question: str, common: set[str] = frozenset(), report: str = "") -> tuple[str, ...] | None:
    """The words a figure question asks the figure of, head last: the nouns a "多少" counts
    ("多少家规模以上工业企业" -> 工业, 企业), else the word before it that is not a verb of the figure
    ("消费支出是多少" -> 消费支出, "投资增长了多少" -> 投资), or None. A modifier among the `common`
    words frames the report rather than says which kind: 减免企业税费 is about 税费. The `report`'s text
    tells a word jieba guessed across the question's words (see `_miscut`)."""
    words = list(_tagged(normalize(question)))
    at = next((i for i, w in enumerate(words) if _ASKS_FIGURE.match(w.word)), None)
    if at is None:
        return None
    run: list = []  # the nouns "多少" counts
    counts_a_character = False  # "多少张床": a noun after its classifier, too short to look for
    which = described(question)
    for before, word, after in zip(words[at:], words[at + 1 :], [*words[at + 2 :], None]):
        if word.word in _SENTENCE_END:
            break  # what "多少" counts is in its own sentence: not the 谢谢 (tagged a name) of "是多少？谢谢"
        # a verb right after the count, before a noun (a verbal one too) or 的, modifies the noun: "几级考评体系"
        # counts 体系s of 考评, "多少个停车的车位" 车位, "多少新增建设用地" 用地 (not the 烧 of "多少辆公交车烧天然气",
        # a verb of what is counted); so does an adverb jieba tags between a modifier and its noun (国家级 | 高新 (d) |
        # 企业)
        modifies = after is not None and (
            not run and word.flag == "v" and (after.flag.startswith("n") and after.flag != "ns" or after.flag == "vn"
                                             or after.word == "的")
            or run and run[-1].flag == "b" and word.flag == "d" and after.flag.startswith("n"))
        # what a 的 after the count ends the question on is what it counts, whatever jieba tags it: 多少平方米的违建 (v)
        last = before.word == "的" and not run and (after is None or after.word in _SENTENCE_END)
        if _miscut(word.word, report):  # a word jieba guessed across words ends what is counted: 多少辆公交车 | 要油 | 改气,
            if run:
                break
            continue  # nor is it what is counted: 多少辆 | 改烧 | 气
        if (word.flag.startswith(_NOMINAL_TAGS) or modifies or last) and not _UNIT.fullmatch(word.word):
            if len(word.word) > 1:
                run.append(word)
            else:
                counts_a_character = counts_a_character or _counted_character(before, word)
        elif word.word in ("以上", "以下") and run:
            continue
        elif word.word == "的" and run and not any(w.flag.startswith("n") for w in run):
            continue  # "多少辆高污染的黄标车" counts 黄标车, and "多少头生猪的养殖量" 生猪
        elif word.word == "的" and run and _describes(run, which):
            run = []  # a clause before 的 says which: "多少辆冒黑烟的黄标车" counts 黄标车
        elif word.flag == "v" and run and _describes(run, which):
            continue  # its verb, after the nouns: "多少个给老人白天待的照料中心"
        elif word.flag == "v" and run and after is not None and after.flag.startswith("n") and report \
                and "".join(w.word for w in run) + word.word + after.word in report:
            continue  # a verb inside a name the report uses: 农村 | 实用 | 人才 (not "多少辆公交车烧天然气")
        elif run or not (word.flag.startswith(("m", "q")) or len(word.word) == 1 or _UNIT.fullmatch(word.word)):
            break
    if run:  # a run's last noun is its head
        return _with_modifier(run[:-1], run[-1].word, common)
    if counts_a_character:
        return None
    if any(w.word == "比" and w.flag == "p" for w in words):
        return None  # "A 比 B 少多少" asks a difference, to be computed
    before = words[:at]
    # "报废了多少辆", "管好多少个村": the verb nearest a count by classifier does something to what is counted
    # (but "出生了多少人" counts people by what they did)
    counted = at + 1 < len(words) and words[at + 1].word in _CLASSIFIER_WORDS - {"人", "名", "位", "户"}
    done_to_it = next((i for i in range(at - 1, -1, -1) if words[i].flag == "v"), None) if counted else None
    while before and (before[-1].word in STOPWORDS or before[-1].word in _FIGURE_VERBS or len(before[-1].word) == 1
                      or len(before) - 1 == done_to_it
                      or before[-1].word in _ANYTHING
                      or _ASKS_CHANGE.search(before[-1].word) or before[-1].flag.startswith(_FRAME_TAGS)
                      or _miscut(before[-1].word, report) or _preposition_as_name(before[-1])
                      # a verb of a relative clause, after the noun it says something of: 配股筹到的钱 is 配股's
                      or before[-1].flag == "v" and len(before) > 1 and before[-2].flag.startswith(("n", "v"))
                      and len(before[-2].word) > 1 and words[len(before)].word == "的"
                      # whom it is for: "来料加工给农民发了多少钱" asks the money of 来料加工, given to 农民
                      or len(before) > 1 and before[-2].word in _FOR_WHOM and before[-2].flag == "p"):
        before.pop()
    if not before or before[-1].flag == "ns" or not before[-1].flag.startswith(("n", "v", "j", "l")):
        return None
    focus = before.pop().word
    if before and before[-1].flag == "vn":
        focus = before.pop().word + focus  # with a verbal noun modifying it: 旅游 + 总收入, not a noun topic
    return _with_modifier(before, focus, common)


def _describes(run: list, which: dict[str, str]) -> bool:
    """Whether the nouns of a run are those of a clause saying which thing is meant (see `described`)."""
    return {w.word for w in run if w.flag.startswith(_TOPIC_TAGS)} <= which.keys()


def _miscut(word: str, report: str) -> bool:
    """Whether jieba guessed the word, one neither its dictionary nor the report has: a cut across words, as
    来料加工费发了 -> 来料加工 | 费发 and 拆违拆了 -> 拆 | 违拆, which names nothing. Never, with no report."""
    return bool(report) and not jieba.dt.FREQ.get(word) and word not in report


def _preposition_as_name(word) -> bool:
    """Whether jieba tagged a preposition and what follows it a person's name: "要在城镇新铺几公里" cuts
    在城镇 (nrt), which names no one."""
    return word.flag.startswith("nr") and len(word.word) > 1 and _tag_alone(word.word[0]) == "p"


def _tag_alone(character: str) -> str:
    """jieba's part-of-speech tag of one character on its own: 在 "p", 比 "p", 歌 "n"."""
    return jieba.posseg.lcut(character)[0].flag


def _with_modifier(before: list, head: str, common: set[str]) -> tuple[str, ...] | None:
    """The head, after the nearest noun before it that says which kind (工业 + 企业): not a place,
    and past words common across the report (高新技术 + 产业 + 产值 -> 高新技术, 产值), naming the city
    itself (全市 + 腾出 -> 腾出) or nothing (光是 "just")."""
    if head in _ATTRIBUTE_NOUNS or head in _ANYTHING or len(head) < 2:
        return None  # "多少钱的东西": a figure of anything
    for word in reversed(before):
        if not word.flag.startswith("n") or word.flag == "ns":
            break
        if len(word.word) > 1 and word.word not in _NOT_TOPICS and word.word not in common:
            return word.word, head
    return (head,)


_SEGMENT = re.compile(r"[，,；;。：:]")  # not "、": "A、B 分别下降 2.9%和 2.3%"
_LIST_ITEM = re.compile(r"[、，,；;。：:]")


def figure_of(clause: str, focus: tuple[str, ...], synonymous, related=None, question: str = "") -> bool:
    """Whether a part of the clause between commas holds a figure, the word it is the figure of
    and that word's modifier: "引进青年科学家 23 人，院士专家工作站实现全覆盖" has no figure of 院士,
    "支持企业股上市，新增 11 家企业挂牌" none of 上市公司. A count in a unit ("多少辆") is one item
    of a list: "90 辆公交车完成油改气、所有出租车更新" has none of 出租车."""
    *modifiers, head = focus
    in_a_unit = bool(_ASKED_UNIT.search(question))
    for part in _SEGMENT.split(clause):
        items = _LIST_ITEM.split(part) if in_a_unit else [part]
        if any((numbers(item) or _counts(item, question)) and _figure_names(item, part, head, synonymous, related)
               for item in items) and all(_figure_names(part, part, word, synonymous, related) for word in modifiers):
            return True
    return False


_ASKED_LEVEL = re.compile(r"(国家|省|市|县)级")
_LEVEL = re.compile(rf"{_ASKED_LEVEL.pattern}|国家")  # the reports write 国家高新技术企业, not 国家级


def at_other_level(clause: str, head: str, question: str) -> bool:
    """Whether every figure of the head in a clause is at another level of government than the question
    asks: "国家级研发中心" has none in "新增国家高新技术企业 15 家、省级高新技术企业研发中心 7 家"."""
    asked = {match.group(1) for match in _ASKED_LEVEL.finditer(question)}
    given = [{match.group(1) or match.group() for match in _LEVEL.finditer(item)}
             for item in _LIST_ITEM.split(clause) if head in item and numbers(item)]
    return bool(asked and given) and all(levels and not levels & asked for levels in given)


# "一共有多少", "How many taxis does Quzhou have?": the whole stock, which a figure of what was added or
# removed in a year ("新增公共停车位 4032 个", "淘汰黄标车 2306 辆") does not give.
_ASKS_STOCK = re.compile(r"一共有|总共有|共有|拥有|现有|\b(?:does|do) (?:[\w'’\-]+ ){1,4}have\b|\b(?:are|is) there\b",
                         re.IGNORECASE)
_CHANGED = re.compile(r"新增|新建|新开|增加|淘汰|更新|投放|引进|关停|拆除|取缔|减少|削减|改建|建成|培训")


_MADE = re.compile(rf"{_CHANGED.pattern}|[修建拆引]的")  # "去年修的污水管子一共有多长" asks what was made


def asks_stock(question: str) -> bool:
    return bool(_ASKS_STOCK.search(question)) and not _MADE.search(question)


def is_change(part: str) -> bool:
    """Whether a part of a clause gives what was added or removed: its change word starts a list
    ("更新投放天然气出租车 351 辆、公交车 73 辆"), so read it between commas, not item by item."""
    return bool(_CHANGED.search(part))


def figure_parts(clause: str, question: str = "") -> list[str]:
    """The parts of a clause between commas that hold a figure."""
    return [part for part in _SEGMENT.split(clause) if numbers(part) or _counts(part, question)]


def _figure_names(item: str, part: str, word: str, synonymous, related) -> bool:
    """Whether the item names the word; a compound's modifier must be in the same part
    (上市公司 is not the 公司 of "市国资公司 15 亿元企业债获批"), a one-character one too (总收入)."""
    return mentions(item, word, synonymous, paragraph=part, related=related, modifier_length=1)


def _dictionary_head(word: str) -> str | None:
    """The longest proper suffix of a compound that jieba knows as a word: 违章建筑 -> 建筑."""
    jieba.dt.check_initialized()
    return next((word[i:] for i in range(1, len(word) - 1) if jieba.dt.FREQ.get(word[i:])), None)


def mentions(text: str, word: str, synonymous, exact: bool = False, paragraph: str = "", related=None,
             modifier_length: int = 2) -> bool:
    """Whether a text speaks of `word`. Literally; or, unless `exact`, through the head of a
    compound (Chinese compounds put the head last: 银行贷款 is a kind of 贷款) when the paragraph
    also speaks of the modifier, the stem of a figure ("城镇化率" is about 城镇化), or a CC-CEDICT
    synonym or an abbreviation of one of the text's words."""
    if word in text:
        return True
    if exact:
        return False
    short = _halves_short(word)
    if short and short in jieba.lcut_for_search(text):
        return True  # 技改 for 技术改造, before the head 改造 is looked for

    def stem(shorter: str) -> bool:
        return mentions(text, shorter, synonymous, paragraph=paragraph, related=related, modifier_length=modifier_length)

    is_figure = len(word) > 2 and word[-1] in _FIGURE_SUFFIX
    if is_figure and _is_noun(word[:-1]) and stem(word[:-1]):
        return True  # 床位数 is about the noun 床位, whatever jieba makes of 位数; 增加值 is not about 增加
    head = _dictionary_head(word)
    # 经济总量 is about 经济, 信访工作 about 信访, 省级荣誉 about 省级 (whether an honour is conferred is asked apart)
    if head in _ATTRIBUTE_NOUNS or head in _ACHIEVEMENTS or head in _MEANS or head == "工作":
        return stem(word[: -len(head)])
    if head:
        modifier = word[: -len(head)]
        return _names(text, head, synonymous) and (
            not paragraph or len(modifier) < modifier_length or _names(paragraph, _level(modifier), related or synonymous)
        )
    if is_figure:
        return stem(word[:-1])
    return _names(text, word, synonymous) or _short_for(word, text)


def _short_for(word: str, text: str) -> bool:
    """Whether a word of three characters or more is a short form of a name the text spells out across jieba's
    words (科技园 for 科技 | 产业园, which `_names` looks for within one word): its characters in order, the
    first and the last at the ends, two more at most in between."""
    if len(word) < 3:
        return False
    pattern = r"[\u4e00-\u9fff]{0,2}".join(map(re.escape, word))
    return any(len(found.group()) <= len(word) + 2 for found in re.finditer(pattern, text))


def _level(modifier: str) -> str:
    """A grade modifier as the reports write it: 国家级 is 国家 (国家高新技术企业); 省级 and 市级 are words of theirs."""
    return modifier.removesuffix("级") if len(modifier) > 2 else modifier


def _is_noun(word: str) -> bool:
    tagged = tagged_words(word)
    return len(tagged) == 1 and tagged[0].flag.startswith("n")


def _names(text: str, word: str, synonymous) -> bool:
    """The word, a synonym, its long form or its short one (标煤 for 标准煤, keeping the head 煤; 技改 for 技术改造,
    the first characters of its two halves) is in the text."""
    if word in text:
        return True
    # A word inside another names something else (出口 is not 进出口, 市长 not 副市长), and a single
    # character is too vague to stand for a word (人, "people", is not 人口).
    return any(
        (synonymous(word, other) and len(other) > 1 and word not in other and other not in word)
        or _abbreviates(word, other) or (len(other) > 1 and other[-1] == word[-1] and _abbreviates(other, word))
        or other == _halves_short(word)
        for other in set(jieba.lcut_for_search(text))
    ) or word in _pair_initials(text)


@functools.lru_cache(maxsize=4096)
def _pair_initials(text: str) -> frozenset[str]:
    """The short forms of the text's two-word compounds jieba cuts in two: 违建 for 违法 | 建筑, as for 违法建筑."""
    words = jieba.lcut(text)
    return frozenset(_halves_short(a + b) for a, b in itertools.pairwise(words) if len(a) == len(b) == 2)


def _halves_short(word: str) -> str | None:
    """The usual short form of a four-character word: its halves' first characters (技改 for 技术改造)."""
    return word[0] + word[2] if len(word) == 4 else None


def _abbreviates(short: str, long: str) -> bool:
    """Whether `short` keeps `long`'s first character and others in order, as Chinese
    abbreviations do: 农民 for 农村居民, 公车 for 公交车."""
    if len(long) <= len(short) or short[0] != long[0]:
        return False
    rest = iter(long[1:])
    return all(ch in rest for ch in short[1:])


def paragraph_years(paragraph: Paragraph) -> set[str]:
    """The years a paragraph is about: those its section and text name. The title names the
    report's year for every paragraph, so it does not count."""
    return years(f"{paragraph.section} {paragraph.text}")


def which_noun(question: str) -> str | None:
    """The head noun of what a "哪/什么" question asks one of: "哪条铁路" -> 铁路, "哪个国家级示范区" -> 示范区;
    None if there is none."""
    head, after_which = None, False
    for word in _tagged(normalize(question)):
        if word.word.startswith(("哪", "什么")):
            after_which = True
        elif after_which and word.flag.startswith(("m", "q")) and head is None:
            continue
        elif after_which and word.flag.startswith(_NOMINAL_TAGS) and word.flag != "vn":  # not 启动 of 领域启动改革
            head = word.word if word.flag.startswith("n") and len(word.word) >= 2 else head
        elif after_which:
            break
    return head


_ADMIN_PREFIXES = "市省县区镇乡村"


def _stands_in(pair: str, text: str) -> bool:
    """Whether `pair` (words the question writes together) stands in `text` from the start of one of jieba's words,
    or after only the 市/省/县… it belongs to (市政协委员); not as the end of another word, which may be another
    thing ("出口增长" is not in "外贸进出口增长 25%", where 出口 ends 进出口)."""
    starts = _word_starts(text)
    return any(i in starts or i - 1 in starts and text[i - 1] in _ADMIN_PREFIXES
               for i in (m.start() for m in re.finditer(re.escape(pair), text)))


@functools.lru_cache(maxsize=4096)
def _word_starts(text: str) -> frozenset[int]:
    """Where jieba's words start in a clause; kept, as each of a question's word pairs asks it of every clause."""
    return frozenset(itertools.accumulate((len(word.word) for word in tagged_words(text)), initial=0))


def best_clauses(
    question: str,
    query_vector: np.ndarray,
    candidates: list[Paragraph],
    clause_texts: list[list[str]],
    clause_vectors: list[np.ndarray],
    idf: IdfTable,
    ideas: list[Concept] | None = None,
    kind: str | None = None,
    wording: str = "",
    per_head: bool = False,
) -> list[Extract]:
    """Clauses of the candidate paragraphs ranked by how well they answer the question.

    Score = lexical coverage of the question's weighted tokens (in the clause and,
    at half weight, in its section path) + cosine similarity to the question
    + the share of the question's neighbouring words that stand together in the clause
    + a small bonus when the clause holds the answer's type: a figure for a quantity, in the unit asked for,
      a person for "谁", a date for "哪天"; and one when a question asked `per_head` meets the report's 人均
    + a small prior for the paragraph's retrieval rank
    - a penalty when the question names a year that the paragraph's section and text do not.
    `wording`: the question as asked, for the unit it wants ("What sum…"), when `question` is its translation."""
    ideas = concepts(question) if ideas is None else ideas
    weights = [max(idf.weight(term) for term in idea) for idea in ideas]
    # Neighbouring words the question writes together (政协 委员, from "CPPCC members"), not figures
    tokens, asked = tokenize(question), normalize(question)
    pairs = {a + b for a, b in itertools.pairwise(tokens) if a + b in asked and len(a + b) >= 3
             and not re.search(r"\d", a + b)}
    kind = answer_type(question) if kind is None else kind
    asked_years = years(question)
    which = which_noun(question)
    extracts = []
    for rank, (paragraph, texts, vectors) in enumerate(zip(candidates, clause_texts, clause_vectors)):
        context = normalize(f"{paragraph.document} {paragraph.section}")
        other_year = bool(asked_years) and not asked_years & paragraph_years(paragraph)
        similarities = vectors @ query_vector if len(texts) else []
        for clause, similarity in zip(texts, similarities):
            clause_norm = normalize(clause)
            coverage = _coverage(ideas, weights, clause_norm)
            context_coverage = _coverage(ideas, weights, clause_norm + context)
            score = (
                coverage
                + 0.5 * context_coverage
                + 4.0 * float(similarity)
                + (0.5 * sum(_stands_in(pair, clause_norm) for pair in pairs) / len(pairs) if pairs else 0.0)
                + (0.3 if kind and has_answer_type(kind, clause, asked_years, wording or question) else 0.0)
                + (0.15 if which and which in clause_norm else 0.0)
                + (0.3 if per_head and "人均" in clause_norm else 0.0)
                - 0.03 * rank
                - (0.5 if other_year else 0.0)
            )
            extracts.append(Extract(rank, clause, score, context_coverage, float(similarity)))
    return sorted(extracts, key=lambda e: e.score, reverse=True)
