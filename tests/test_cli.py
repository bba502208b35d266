import json

import pytest
from click.testing import CliRunner

from assistant.cli import main
from conftest import GDP_QUESTION


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args))


def test_ask_prints_answer_then_cited_paragraph(run):
    result = run("ask", GDP_QUESTION)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "全市实现生产总值 1056.6 亿元，增长 9.1% [1]"
    assert lines[1] == ""
    assert lines[2] == "[1] 2014 年浙江省衢州市政府工作报告 › 一、2013 年工作回顾 (quzhou-2014:p003)"
    assert "全市实现生产总值 1056.6 亿元" in lines[3]


def test_ask_json(run):
    result = run("ask", "--json", GDP_QUESTION)
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["answered"] is True and data["mode"] == "offline"
    assert data["citations"][0]["paragraph_id"] == "quzhou-2014:p003"
    assert "1056.6" in data["text"] and len(data["sources"]) == 5


def test_ask_decline(run):
    result = run("ask", "2015年衢州的GDP是多少？")
    assert result.exit_code == 0
    assert result.output == "报告中没有找到这个问题的答案（The report does not say）。\n"


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_is_one_line_and_exit_2(run, question):
    result = run("ask", question)
    assert result.exit_code == 2
    assert result.output == "error: the question is empty: type a question about the report\n"


def test_long_question_exit_2(run):
    result = run("ask", "衢" * 5000)
    assert result.exit_code == 2
    assert result.output == "error: the question has 5000 characters, over the limit of 2000: shorten it\n"


def test_missing_knowledge_folder(run, tmp_path):
    result = run("ask", "--knowledge", str(tmp_path / "none"), GDP_QUESTION)
    assert result.exit_code == 1
    assert result.output == f"error: knowledge folder {tmp_path / 'none'} does not exist: create it and add a .md or .txt report\n"


def test_bad_setting_is_one_line(run, monkeypatch):
    monkeypatch.setenv("ASSISTANT_TOP_K", "lots")
    result = run("ask", GDP_QUESTION)
    assert result.exit_code == 1
    assert result.output.startswith("error: invalid setting: ") and result.output.count("\n") == 1


def test_index_prints_counts(run):
    result = run("index")
    assert result.exit_code == 0
    assert result.output.startswith("1 document(s), 55 paragraphs, ")


def test_index_lists_paragraph_ids_for_an_eval_set(run):
    lines = run("index", "--list").output.splitlines()
    assert len(lines) == 56  # each paragraph, then the counts
    assert lines[2].startswith("quzhou-2014:p003\t一、2013 年工作回顾\t2013 年是宏观形势")
