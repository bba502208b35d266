"""The eval set stays true to the report, and offline accuracy never drops below the baseline."""

import json

import pytest

from assistant.errors import AssistantError
from assistant.evaluation import SUMMARY_KEYS, EvalItem, load_eval_set, run_eval, score_item, to_markdown
from assistant.knowledge import load_knowledge
from assistant.text import normalize
from conftest import REPO

EVAL_SET = REPO / "evals" / "quzhou-2014.jsonl"
BASELINE = REPO / "evals" / "baseline.json"
ITEMS = load_eval_set(EVAL_SET)
LATENCY = {"latency_p50_ms", "latency_p95_ms"}


def test_eval_set_shape():
    assert len(ITEMS) >= 150
    assert len({i.id for i in ITEMS}) == len(ITEMS)
    types = {i.type for i in ITEMS}
    assert {"paraphrase", "follow_up", "english", "unanswerable", "arithmetic"} <= types
    assert sum(not i.answerable for i in ITEMS) >= 15
    assert all(i.history for i in ITEMS if i.type == "follow_up")


@pytest.mark.parametrize("item", ITEMS, ids=[i.id for i in ITEMS])
def test_every_fact_and_gold_id_is_in_the_report(item):
    paragraphs = {p.paragraph_id: normalize(p.text) for p in load_knowledge(REPO / "knowledge")}
    if not item.answerable:
        assert item.gold == [] and item.expected == []
        return
    assert item.gold and all(g in paragraphs for g in item.gold)
    gold_text = "".join(paragraphs[g] for g in item.gold)
    # Arithmetic answers are computed, so their source figures are checked instead.
    for fact in item.facts if item.type == "arithmetic" else item.expected:
        assert normalize(fact) in gold_text, f"{fact!r} is not in {item.gold}"


def test_offline_accuracy_holds_the_baseline(bot):
    report = run_eval(bot, ITEMS, baseline=True)
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))["summary"]
    assert set(SUMMARY_KEYS) <= set(report.summary)
    drops = {
        key: (baseline[key], report.summary[key])
        for key in SUMMARY_KEYS
        if key not in LATENCY | {"n"} and baseline.get(key) is not None
        and (report.summary[key] > baseline[key] + 0.02 if key == "false_decline_rate"
             else report.summary[key] < baseline[key] - 0.02)
    }
    assert not drops, f"accuracy dropped below evals/baseline.json: {drops}\n{to_markdown(report)}"
    assert report.baseline["hit_at_3"] < report.summary["hit_at_3"]


SMALL_SET = [
    '{"id": "a", "type": "fact_2013", "question": "2013年衢州市生产总值是多少？", "history": [], "expected": ["1056.6亿元"], "gold": ["quzhou-2014:p003"], "answerable": true}',
    '{"id": "b", "type": "target_2014", "question": "2014年淘汰黄标车多少辆？", "history": [], "expected": ["2000辆"], "gold": ["quzhou-2014:p044"], "answerable": true}',
    '{"id": "c", "type": "unanswerable", "question": "2015年衢州的GDP是多少？", "history": [], "expected": [], "gold": [], "answerable": false}',
]


def test_eval_command_writes_json_and_markdown(tmp_path):
    from click.testing import CliRunner

    from assistant.cli import main

    (tmp_path / "set.jsonl").write_text("\n".join(SMALL_SET) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--offline", "--set", str(tmp_path / "set.jsonl"),
                                       "--json", str(tmp_path / "out.json"), "--report", str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert set(SUMMARY_KEYS) <= set(data["summary"])
    assert data["summary"]["n"] == 3 and data["summary"]["answer_accuracy"] == 1.0
    assert data["summary"]["decline_accuracy"] == 1.0
    assert set(data["by_type"]) == {"fact_2013", "target_2014", "unanswerable"}
    assert set(SUMMARY_KEYS) <= set(data["by_type"]["fact_2013"])
    assert data["baseline"]["name"] == "llama-index BM25Retriever (defaults)"
    assert "| **all** | 3 |" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_broken_eval_set_is_one_line(tmp_path):
    from click.testing import CliRunner

    from assistant.cli import main

    (tmp_path / "set.jsonl").write_text('{"id": "a"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--offline", "--set", str(tmp_path / "set.jsonl")])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {tmp_path / 'set.jsonl'} line 1 is not a valid eval item")


def test_an_eval_set_may_carry_notes_and_one_string_answers(tmp_path, caplog):
    line = {"id": "x", "type": "fact_2013", "question": "2013年GDP？", "history": [["问", "答"]], "expected": "9.1%",
            "gold": "quzhou-2014:p003", "answerable": True, "note": "headline figure"}
    (tmp_path / "set.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    [item] = load_eval_set(tmp_path / "set.jsonl")
    assert (item.expected, item.gold, item.history) == (["9.1%"], ["quzhou-2014:p003"], [["问", "答"]])
    assert "note (line 1)" in caplog.text  # named, so a misspelt field does not pass unseen


@pytest.mark.parametrize("kind", ["arithmetic", "comparison"])
def test_computed_answers_are_scored_only_in_model_mode(bot, kind):
    item = EvalItem(id="c", type=kind, question="2014年计划新增养老机构床位比2013年少多少张？", expected=["170"],
                    gold=["quzhou-2014:p048"], answerable=True)
    answer = bot.ask(item.question)
    assert score_item(item, answer, 1.0, model_mode=False).correct is None
    assert score_item(item, answer, 1.0, model_mode=True).correct is False  # the extract quotes, it does not subtract


def test_an_eval_set_that_is_not_utf8_is_one_line(tmp_path):
    (tmp_path / "set.jsonl").write_bytes("生产总值".encode("gb18030"))
    with pytest.raises(AssistantError, match="is not UTF-8 text: save it as UTF-8"):
        load_eval_set(tmp_path / "set.jsonl")


def test_model_eval_with_judge(model_bot, server):
    from assistant.evaluation import EvalItem, make_judge
    from openai_server import Reply

    items = [EvalItem.model_validate_json(line) for line in SMALL_SET]
    server.replies = [
        Reply("2013年全市实现生产总值 1056.6 亿元 [1]。"), Reply("5.0\n与参考答案一致。"),
        Reply("2014年全市淘汰 2000 辆黄标车 [1]。"), Reply("2.0\n不一致。"),
    ]
    report = run_eval(model_bot, items, baseline=False, judge=make_judge(model_bot))
    assert report.mode == "local-model"
    assert report.summary["answer_accuracy"] == 1.0
    assert report.summary["judge_pass_rate"] == 0.5
    assert report.summary["decline_accuracy"] == 1.0
    assert "judge_pass_rate" in to_markdown(report)
