"""A misbehaving model endpoint: every request gets the offline fallback with a clear message,
the app keeps serving, and no threads or sockets leak."""

import os
import threading

from assistant.app import build_app
from conftest import GDP_QUESTION, with_model
from openai_server import Reply

FAULTS = [Reply(GDP_QUESTION, delay=3), Reply("生产总值 1056.6 亿元 [1]", cut_after=1), Reply(status=500),
          Reply(status=429), Reply(garbage=True)]


def _open_files():
    return len(os.listdir("/proc/self/fd"))


def test_faults_fall_back_and_leak_nothing(model_bot, server):
    model_bot = with_model(model_bot, model_bot.settings.model_copy(update={"llm_max_retries": 0}))
    server.replies = [Reply("warm-up [1]")]
    model_bot.ask(GDP_QUESTION)
    threads, files = threading.active_count(), _open_files()
    for _ in range(3):
        for fault in FAULTS:
            server.replies = [fault]
            answer = model_bot.ask(GDP_QUESTION)
            assert answer.mode == "offline-fallback" and "1056.6" in answer.text
            assert "offline extractive answer" in answer.warnings[0]
    server.replies = [Reply("全市实现生产总值 1056.6 亿元 [1]。")]
    assert model_bot.ask(GDP_QUESTION).mode == "model"  # still serving, and the model path recovers
    assert threading.active_count() <= threads + 2
    assert _open_files() <= files + 4


def test_chat_shows_model_errors_and_keeps_serving(model_bot, server):
    demo = build_app(model_bot)
    respond = next(fn.fn for fn in demo.fns.values() if fn.fn.__name__ == "respond")
    server.replies = [Reply(status=401)]
    history, panel, _ = list(respond(GDP_QUESTION, []))[-1]
    assert "1056.6" in history[-1]["content"]
    assert "rejected the key (401): fix OPENAI_API_KEY" in panel
    server.replies = [Reply("全市实现生产总值 1056.6 亿元 [1]。")]
    history, panel, _ = list(respond(GDP_QUESTION, history))[-1]
    assert history[-1]["content"] == "全市实现生产总值 1056.6 亿元 [1]。" and "quzhou-2014:p003" in panel
