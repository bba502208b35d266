"""The model path, driven through the real openai client and llama-index classes
against a local OpenAI-compatible server."""

import pytest

from assistant import NOT_IN_REPORT, Answer, Settings
from assistant.citations import verify
from assistant.errors import ConfigError
from assistant.llm import count_tokens, encoding_for
from openai_server import Reply
from conftest import GDP_QUESTION, with_model

GOOD = "2013年全市实现生产总值 1056.6 亿元，增长 9.1% [1]。"


def test_good_cited_answer(model_bot, server):
    server.replies = [Reply(GOOD)]
    answer = model_bot.ask(GDP_QUESTION)
    assert answer.mode == "model" and answer.answered
    assert answer.text == GOOD
    assert answer.citations[0].paragraph_id == "quzhou-2014:p003"
    assert answer.warnings == []
    prompt = server.requests[-1]["messages"][0]["content"]
    assert "[1] （2014 年浙江省衢州市政府工作报告 › 一、2013 年工作回顾）" in prompt
    assert NOT_IN_REPORT in prompt and GDP_QUESTION in prompt
    assert answer.usage.model == "local-model"
    assert answer.usage.prompt_tokens == count_tokens(prompt, "local-model")
    assert answer.usage.completion_tokens == count_tokens(GOOD, "local-model")


def test_invented_number_is_flagged(model_bot, server):
    server.replies = [Reply("2013年全市实现生产总值 1234.5 亿元 [1]。")]
    answer = model_bot.ask(GDP_QUESTION)
    assert answer.warnings == ["the number 1234.5亿 is not in the paragraph(s) this sentence cites"]


def test_marker_out_of_range_is_dropped_and_renumbered(model_bot, server):
    server.replies = [Reply("生产总值 1056.6 亿元 [2][9]，财政总收入 118.2 亿元 [1]。")]
    answer = model_bot.ask(GDP_QUESTION)
    assert answer.text == "生产总值 1056.6 亿元 [1]，财政总收入 118.2 亿元 [2]。"
    assert [c.marker for c in answer.citations] == [1, 2]
    assert "removed citation marker(s) [9] that point to no retrieved paragraph" in answer.warnings


def test_decline(model_bot, server):
    server.replies = [Reply(NOT_IN_REPORT)]
    answer = model_bot.ask("2013年衢州的CPI涨幅是多少？")
    assert (answer.text, answer.answered, answer.citations) == (NOT_IN_REPORT, False, [])


def test_nothing_relevant_means_no_model_call(model_bot, server):
    answer = model_bot.ask("2015年衢州的GDP是多少？")
    assert (answer.answered, answer.text) == (False, NOT_IN_REPORT)
    assert server.requests == []


def test_follow_up_is_condensed_by_the_model(model_bot, server):
    server.replies = [Reply("2013年衢州农村居民人均纯收入是多少？"), Reply("农村居民人均纯收入 11924 元 [1]。")]
    history = [{"role": "user", "content": "2013年城镇居民人均可支配收入是多少？"},
               {"role": "assistant", "content": "28883 元 [1]"}]
    answer = model_bot.ask("农村呢？", history=history)
    assert "农村呢？" in server.requests[0]["messages"][0]["content"]
    # The answer prompt carries no history, so it gets the condensed question beside the user's words.
    assert "农村呢？（完整的问题：2013年衢州农村居民人均纯收入是多少？）" in server.requests[1]["messages"][0]["content"]
    assert answer.sources[0].paragraph_id == "quzhou-2014:p003"
    assert answer.text == "农村居民人均纯收入 11924 元 [1]。" and answer.warnings == []


def test_stream_yields_pieces_then_answer(model_bot, server):
    server.replies = [Reply(GOOD)]
    pieces = list(model_bot.stream(GDP_QUESTION))
    assert len(pieces) > 2 and isinstance(pieces[-1], Answer)
    assert "".join(pieces[:-1]) == GOOD


@pytest.mark.parametrize(
    "reply, message",
    [
        (Reply(status=401), "rejected the key (401): fix OPENAI_API_KEY"),
        (Reply(status=429), "rate-limiting requests (429)"),
        (Reply(status=500), "the model endpoint failed (500): try again later"),
        (Reply(GOOD, delay=3), "did not answer within 2 s"),
        (Reply(GOOD, cut_after=2), ""),
        (Reply(garbage=True), ""),
    ],
    ids=["401", "429", "500", "slow", "cut-stream", "garbage"],
)
def test_failures_fall_back_to_offline(model_bot, server, reply, message):
    server.replies = [reply]
    pieces = list(model_bot.stream(GDP_QUESTION))
    answer = pieces[-1]
    assert answer.mode == "offline-fallback"
    assert answer.text == "全市实现生产总值 1056.6 亿元，增长 9.1% [1]"
    assert message in answer.warnings[0] and "offline extractive answer" in answer.warnings[0]


def test_retries_then_succeeds(model_bot, server):
    server.replies = [Reply(status=500), Reply(GOOD)]
    answer = model_bot.ask(GDP_QUESTION)
    assert answer.mode == "model" and len(server.requests) == 2


def test_unreachable_endpoint(bot, session_cache):
    settings = Settings(cache_dir=session_cache, openai_base_url="http://127.0.0.1:9/v1", llm_max_retries=0)
    answer = with_model(bot, settings).ask(GDP_QUESTION)
    assert answer.mode == "offline-fallback"
    assert answer.warnings[0].startswith("cannot reach the model endpoint http://127.0.0.1:9/v1")


def test_context_budget(model_bot):
    paragraphs = [model_bot.index.by_id(f"quzhou-2014:p{n:03d}") for n in range(3, 13)]
    for window in (2500, 1100):
        model_bot.model.window = window
        prompt, kept = model_bot.model.build_prompt(GDP_QUESTION, paragraphs)
        assert 0 < len(kept) < len(paragraphs)
        assert count_tokens(prompt, "local-model") <= window - model_bot.settings.llm_max_tokens


def test_token_counts_match_tiktoken():
    import tiktoken

    text = "全市实现生产总值 1056.6 亿元"
    assert count_tokens(text, "gpt-4o-mini") == len(tiktoken.get_encoding("o200k_base").encode(text))
    assert encoding_for("qwen-plus").name == "cl100k_base"


def test_model_configured_by_environment(monkeypatch):
    assert not Settings().model_configured
    monkeypatch.setenv("OPENAI_API_KEY", "sk-x")
    assert Settings().model_configured
    monkeypatch.setenv("ASSISTANT_OFFLINE", "1")
    assert not Settings().model_configured


def test_openai_names_use_openai_class_others_openailike():
    from llama_index.llms.openai import OpenAI
    from llama_index.llms.openai_like import OpenAILike

    from assistant.llm import make_llm

    assert type(make_llm(Settings(openai_api_key="k"))) is OpenAI
    assert isinstance(make_llm(Settings(openai_api_key="k", llm_model="deepseek-chat",
                                        openai_base_url="http://127.0.0.1:1/v1")), OpenAILike)


def test_prompt_with_unknown_variable_fails_at_load(tmp_path):
    from assistant.prompts import load_prompt

    (tmp_path / "answer.txt").write_text("{question} {context} {decline} {secret}", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown \{secret\}"):
        load_prompt(tmp_path, "answer")
    (tmp_path / "answer.txt").write_text("{question}", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"missing \{context\}, \{decline\}"):
        load_prompt(tmp_path, "answer")


def test_verify_normalizes_units_and_widths(bot):
    paragraph = bot.index.by_id("quzhou-2014:p003")
    checked = verify("生产总值１，０５６.６亿元，即 10566000 万元 [1]。", [paragraph])
    assert checked.warnings == []
    assert verify("生产总值 2000 亿元 [1]。", [paragraph]).warnings
