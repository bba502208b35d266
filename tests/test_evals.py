"""The eval set stays true to the report, and offline accuracy never drops below the baseline."""

import json

import pytest

from assistant.evaluation import SUMMARY_KEYS, load_eval_set, run_eval, to_markdown
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
