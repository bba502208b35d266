import pytest

from assistant import NOT_IN_REPORT
from assistant.offline import answer_type, has_answer_type, is_follow_up, standalone_question


@pytest.mark.parametrize(
    "question, kind",
    [("2013年生产总值是多少？", "quantity"), ("How many beds?", "quantity"), ("衢州市市长是谁？", "person"),
     ("Who delivered the report?", "person"), ("报告是哪一天作的？", "date"), ("什么是四个一？", None)],
)
def test_answer_type(question, kind):
    assert answer_type(question) == kind


@pytest.mark.parametrize(
    "kind, clause, expected",
    [("quantity", "新增养老机构床位 1330 张", True), ("quantity", "2013 年是宏观形势错综复杂的一年", False),
     ("quantity", "在十个方面办好一批实事项目", True), ("person", "衢州市市长 沈仁康", True),
     ("person", "加强城市管理", False), ("date", "—2014 年 2 月 26 日在衢州市", True), ("date", "开通机遇", False)],
)
def test_has_answer_type(kind, clause, expected):
    assert has_answer_type(kind, clause, {"2013"}) is expected


@pytest.mark.parametrize(
    "question, expected",
    [("衢州市市长是谁？", "沈仁康"), ("谁作的政府工作报告？", "沈仁康"), ("政府工作报告是在哪一天作的？", "2014 年 2 月 26 日"),
     ("这份报告的标题是什么？", "2014 年浙江省衢州市政府工作报告")],
)
def test_front_matter_answers(bot, question, expected):
    assert expected in bot.ask(question).text


def test_when_question_without_a_date_declines(bot):
    assert bot.ask("衢州地铁什么时候开通？").text == NOT_IN_REPORT


@pytest.mark.parametrize("question, follow_up", [("农村居民呢？", True), ("那2014年呢？", True), ("2014年淘汰黄标车多少辆？", False)])
def test_is_follow_up(question, follow_up):
    assert is_follow_up(question) is follow_up


def test_standalone_question_replaces_years():
    history = [{"role": "user", "content": "2013年淘汰黄标车多少辆？"}, {"role": "assistant", "content": "…"}]
    assert standalone_question("那2014年呢？", history) == "淘汰黄标车多少辆？ 那2014年呢？"
    assert standalone_question("2014年新增养老床位多少张？", history) == "2014年新增养老床位多少张？"
