"""Chinese-aware text helpers: normalization, tokens, clauses and numbers."""

from __future__ import annotations

import functools
import logging
import re
import unicodedata

import jieba
import jieba.posseg
import opencc

jieba.setLogLevel(logging.WARNING)
_TO_SIMPLIFIED = opencc.OpenCC("t2s.json")  # config and dictionaries ship in the wheel

# Function words and question words carry no topic; they must not count as
# evidence that a paragraph answers a question.
STOPWORDS = frozenset(
    """
    的 了 是 在 和 与 及 其 中 为 有 对 从 到 把 被 将 要 也 都 就 并 等 个 这 那 哪 些 之 以 于 或 而 着 过
    吗 呢 吧 啊 么 呀 多少 什么 怎么 怎样 如何 怎么办 哪些 哪个 哪里 几 几个 多 是否 有没有 请问 请 告诉 我 你 我们 关于
    情况 方面 问题 具体 主要 分别 一下 一共 总共 达到 是多少 为多少 有多少 多大 多高 哪一年 今年 去年 该 这份 里 提到 提出
    谢谢 多谢 感谢 麻烦 您 你好 您好 劳驾 百分 百分之 百分之几 百分比 百分点 干什么 做什么 干嘛 干啥 光是 单是 仅仅 只是
    起来 加在一起 合计 总计 为止 截至 截止 怎么弄 咋办 咋 哪几个 哪几种 想 问 问问 想问 知道 了解 请教 打听 打听一下 咨询
    a an the of in on at to for by with from and or is are was were be been what which who whom how many much
    did does do there their its it this that as about please pls plz tell me
    """.split()
)


def simplified(text: str) -> str:
    """Traditional characters as the simplified ones the reports are written in, by OpenCC's phrase-aware
    conversion: "生產總值" -> "生产总值", "乾淨" -> "干净"; simplified text is left as it is."""
    return _TO_SIMPLIFIED.convert(text)


_CLAUSE_END = re.compile(r"(?<=[。！？!?；;])")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def has_chinese(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def normalize(text: str) -> str:
    """Half-width, lower-case, no spaces, no thousands commas: "１，０５６.6 亿" -> "1056.6亿"."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    return re.sub(r"\s+", "", text)


def tokenize(text: str) -> list[str]:
    """Search tokens: jieba's fine-grained cut of the normalized text, without
    punctuation and stopwords. Example: "2013年衢州市生产总值" ->
    ['2013', '年', '衢州', '州市', '衢州市', '生产', '总值', '生产总值']."""
    text = unicodedata.normalize("NFKC", text).lower()
    return [
        token
        for token in jieba.lcut_for_search(text)
        if token.strip() and token not in STOPWORDS and any(ch.isalnum() for ch in token)
    ]


def clauses(text: str) -> list[str]:
    """Sentences and semicolon clauses of a paragraph, verbatim, closing mark dropped."""
    parts = (part.strip() for part in _CLAUSE_END.split(text))
    return [part.rstrip("。！？!?；;").strip() for part in parts if part.rstrip("。！？!?；;").strip()]


def numbers(text: str) -> list[str]:
    """The numbers in a text, normalized: "增长 9.1%，1，056 亿" -> ['9.1', '1056']."""
    return _NUMBER.findall(normalize(text))


def years(text: str) -> set[str]:
    """Four-digit years 1900-2099 mentioned in a text."""
    return set(_YEAR.findall(normalize(text)))


_YEAR_OFFSET = {"前年": -2, "去年": -1, "上一年": -1, "上年": -1, "过去一年": -1, "过去的一年": -1, "今年": 0, "本年": 0,
                "明年": 1, "下一年": 1, "last year": -1, "past year": -1, "previous year": -1, "this year": 0,
                "next year": 1}


# Years counted from the one the question before names ("2013年…" + "那第二年呢？" asks 2014); with no such
# question, 上一年/下一年 and "the next/previous year" count from the report's year as in _YEAR_OFFSET.
_TURN_YEAR_OFFSET = {"第二年": 1, "次年": 1, "翌年": 1, "后一年": 1, "下一年": 1, "前一年": -1, "上一年": -1,
                     "the following year": 1, "the next year": 1, "the year after": 1, "the year before": -1,
                     "the previous year": -1, "a year earlier": -1, "a year before": -1, "one year earlier": -1,
                     "a year later": 1, "one year later": 1}


def _relative_year_pattern(word: str) -> str:
    if word.isascii():
        return rf"\b{word}\b" if word.startswith("the ") else rf"\b(?:the )?{word}\b"
    # not the 上年 of "比上年增长" (year on year), which is relative to the year the question names
    return rf"(?<![比较同]){word}" if word.startswith(("上", "前")) else word


_RELATIVE_YEAR = re.compile("|".join(map(_relative_year_pattern, sorted(_YEAR_OFFSET, key=len, reverse=True))),
                            re.IGNORECASE)


_CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_CHINESE_YEAR = re.compile(r"(?<![〇零一二三四五六七八九十])[〇零一二三四五六七八九]{4}(?=\s*年)")


def arabic_years(text: str) -> str:
    """Years written in Chinese numerals as the reports write them: "二〇一四年" -> "2014年"."""
    return _CHINESE_YEAR.sub(lambda match: match.group(0).translate(_CHINESE_DIGITS), text)


def resolve_years(text: str, year: int) -> str:
    """Relative years read from the report's own year, as its author meant them:
    with a 2014 report, "去年的生产总值" or "上一年的生产总值" -> "2013年的生产总值", "in the past year" -> "in 2013",
    "next year" -> "2015"."""
    return _RELATIVE_YEAR.sub(_counted_from(year, _YEAR_OFFSET), text)


_TURN_YEAR = re.compile("|".join(map(_relative_year_pattern, sorted(_TURN_YEAR_OFFSET, key=len, reverse=True))),
                        re.IGNORECASE)


def resolve_turn_years(text: str, year: int) -> str:
    """Years a follow-up counts from the `year` of the question before it: "那第二年呢？" -> "那2014年呢？" after
    "2013年…", "And the year before?" -> "And 2012?"."""
    return _TURN_YEAR.sub(_counted_from(year, _TURN_YEAR_OFFSET), text)


def _counted_from(year: int, offsets: dict[str, int]):
    """A replacement for `re.sub`: the relative year matched, as the year it counts to from `year`
    ("2014年" for a Chinese word, "2014" for an English one, whose "the" goes with it)."""
    def absolute(match: re.Match) -> str:
        word = match.group(0).lower()
        word = word if word in offsets else re.sub(r"^the ", "", word)
        return f"{year + offsets[word]}{'' if word.isascii() else '年'}"

    return absolute


@functools.lru_cache(maxsize=4096)
def tagged_words(text: str) -> tuple:
    """jieba's part-of-speech cut, kept: the same clauses are tagged for question after question."""
    return tuple(jieba.posseg.lcut(text))


def places(text: str) -> list[str]:
    """Place names (jieba's "ns" tag) in order, without a trailing 市/省/县: "浙江省杭州市市长" -> ["浙江", "杭州"]."""
    found = []
    for word in tagged_words(text):
        if word.flag == "ns" and len(word.word) >= 2:
            name = word.word[:-1] if word.word[-1] in "市省县区" and len(word.word) > 2 else word.word
            found.append(name)
    return list(dict.fromkeys(found))
