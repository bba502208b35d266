import pytest

from assistant.text import arabic_years, clauses, normalize, numbers, resolve_turn_years, resolve_years, tokenize, years


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2013年衢州市生产总值", ["2013", "年", "衢州", "州市", "衢州市", "生产", "总值", "生产总值"]),
        ("淘汰黄标车 2306 辆", ["淘汰", "黄标车", "2306", "辆"]),
        ("新增养老机构床位", ["新增", "养老", "机构", "床位"]),
    ],
)
def test_tokenize_chinese(text, expected):
    assert tokenize(text) == expected


def test_tokenize_drops_question_words_and_punctuation():
    assert tokenize("是多少？") == []
    assert tokenize("增长了百分之几？") == ["增长"]
    assert "百分点" not in tokenize("比预期目标分别低 0.9 和 0.7 个百分点")  # a unit, as "%" is
    assert "干什么" not in tokenize("省下来的钱拿去干什么？")
    assert "多少" not in tokenize("2013年GDP是多少？")


def test_normalize_width_spaces_and_thousands():
    assert normalize("１，０５６.6 亿元") == "1056.6亿元"
    assert normalize("GDP 1,056.6") == "gdp1056.6"


def test_clauses_keep_decimals_whole():
    text = "全市实现生产总值 1056.6 亿元，增长 9.1%；财政总收入 118.2 亿元。人口增长。"
    assert clauses(text) == ["全市实现生产总值 1056.6 亿元，增长 9.1%", "财政总收入 118.2 亿元", "人口增长"]


def test_numbers_and_years():
    assert numbers("增长 9.1%，1,056 亿") == ["9.1", "1056"]
    assert years("2013 年和2014年，共 12013 个") == {"2013", "2014"}


def test_years_in_chinese_numerals_are_read_as_numbers():
    assert arabic_years("二〇一四年衢州固定资产投资要增长多少？") == "2014年衢州固定资产投资要增长多少？"
    assert arabic_years("二零一三年") == "2013年"
    assert arabic_years("启动幼儿园按比例配备男教师五年计划") == "启动幼儿园按比例配备男教师五年计划"


def test_relative_years_are_read_from_the_reports_year():
    assert resolve_years("去年衢州的经济总量是多少？今年呢？", 2014) == "2013年衢州的经济总量是多少？2014年呢？"
    assert resolve_years("What is the target for next year?", 2014) == "What is the target for 2015?"
    assert resolve_years("2013年生产总值", 2014) == "2013年生产总值"
    assert resolve_years("衢州上一年淘汰了多少辆黄标车", 2014) == "衢州2013年淘汰了多少辆黄标车"
    assert resolve_years("过去一年的成绩", 2014) == "2013年的成绩"
    assert resolve_years("2013年生产总值比上年增长多少", 2014) == "2013年生产总值比上年增长多少"  # year on year
    assert resolve_years("What was GDP in the past year?", 2014) == "What was GDP in 2013?"


def test_resolve_turn_years_counts_from_the_year_asked_before():
    assert resolve_turn_years("那第二年呢？", 2013) == "那2014年呢？"
    assert resolve_turn_years("下一年呢？", 2013) == "2014年呢？"
    assert resolve_turn_years("And the year before?", 2014) == "And 2013?"
    assert resolve_turn_years("And a year earlier?", 2014) == "And 2013?"
    assert resolve_turn_years("And one year later?", 2013) == "And 2014?"
    assert resolve_turn_years("What about the following year?", 2013) == "What about 2014?"
    assert resolve_turn_years("明年呢？", 2013) == "明年呢？"  # counted from the report's year, not the question's
    assert resolve_turn_years("比上一年增长多少？", 2013) == "比上一年增长多少？"  # year on year
