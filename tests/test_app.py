"""The Gradio app: the /ask API through gradio_client, and a real browser through Playwright."""

import shutil
import socket
from pathlib import Path

import pytest

from assistant.app import build_app, citations_html, serve
from assistant.errors import AssistantError
from conftest import GDP_QUESTION, REPO


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(bot):
    demo = serve(bot, port=_free_port(), block=False)
    yield demo.local_url
    demo.close()


@pytest.fixture
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)


def test_ask_endpoint(client):
    result = client.predict(GDP_QUESTION, api_name="/ask")
    assert result["answered"] is True and result["mode"] == "offline"
    assert "1056.6 亿元" in result["text"]
    assert result["citations"][0]["paragraph_id"] == "quzhou-2014:p003"
    assert "全市实现生产总值" in result["citations"][0]["text"]


def test_ask_endpoint_with_history(client):
    history = [{"role": "user", "content": "2013年城镇居民人均可支配收入是多少？"},
               {"role": "assistant", "content": "28883 元"}]
    assert "11924" in client.predict("农村居民呢？", history, api_name="/ask")["text"]


def test_ask_endpoint_rejects_empty_question(client):
    with pytest.raises(Exception, match="the question is empty"):
        client.predict("  ", api_name="/ask")


def test_ask_endpoint_keeps_serving_after_errors(client):
    with pytest.raises(Exception, match="over the limit"):
        client.predict("衢" * 3000, api_name="/ask")
    assert client.predict(GDP_QUESTION, api_name="/ask")["answered"]


def test_twenty_simultaneous_clients_all_get_answers(app_url):
    from concurrent.futures import ThreadPoolExecutor

    from gradio_client import Client

    questions = ["2013年衢州市生产总值是多少？", "2014年淘汰黄标车多少辆？", "2013年新增养老机构床位多少张？",
                 "2014年新增养老机构床位多少张？"] * 5

    def ask(question):
        return Client(app_url, verbose=False).predict(question, api_name="/ask")

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(ask, questions))
    assert len(results) == 20 and all(r["answered"] for r in results)
    assert all(r["citations"] for r in results)


def test_citation_panel_escapes_html(bot):
    answer = bot.ask(GDP_QUESTION)
    answer.citations[0].text += "<script>alert(1)</script>"
    panel = citations_html(answer)
    assert "<script>" not in panel and "&lt;script&gt;" in panel
    assert "<mark>全市实现生产总值 1056.6 亿元，增长 9.1%</mark>" in panel


def test_chat_handler_paths(bot):
    demo = build_app(bot)
    respond = next(fn.fn for fn in demo.fns.values() if fn.fn.__name__ == "respond")
    with pytest.warns(UserWarning, match="请输入一个关于报告的问题"):
        empty = list(respond("   ", []))
    assert empty[-1][0] == []  # no call, history unchanged
    long = list(respond("衢" * 2500, []))[-1][0]
    assert long[-1]["content"].startswith("抱歉，问题太长了（2500 字，上限 2000 字）")
    html_question = list(respond("<img src=x onerror=alert(1)>2013年衢州市生产总值是多少？", []))[-1][0]
    assert html_question[0]["content"].startswith("&lt;img")


def test_binding_beyond_localhost_needs_auth(bot):
    with pytest.raises(AssistantError, match="add --auth user:password"):
        serve(bot, host="0.0.0.0", port=_free_port(), block=False)
    with pytest.raises(AssistantError, match="user:password"):
        serve(bot, host="0.0.0.0", port=_free_port(), auth="nopassword", block=False)


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")
def test_browser_asks_and_shows_cited_paragraph(app_url):
    from playwright.sync_api import sync_playwright

    shots = REPO / "screenshots"
    shots.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(app_url)
        page.locator("#question textarea").fill(GDP_QUESTION)
        page.locator("#send").click()
        page.locator("#citations").get_by_text("quzhou-2014:p003").wait_for(timeout=30_000)
        assert "1056.6" in page.locator("#chat").inner_text()
        assert "全市实现生产总值 1056.6 亿元" in page.locator("#citations").inner_text()
        page.screenshot(path=str(shots / "chat-desktop.png"), full_page=True)
        page.locator("#question textarea").fill("<script>window.pwned=1</script>")
        page.locator("#send").click()
        page.locator("#chat").get_by_text("<script>window.pwned=1</script>").wait_for(timeout=30_000)
        assert page.evaluate("window.pwned") is None
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=str(shots / "chat-phone.png"), full_page=True)
        browser.close()


def test_chat_follow_up_and_retry(bot):
    demo = build_app(bot)
    handlers = {fn.fn.__name__: fn.fn for fn in demo.fns.values()}
    history, _, _ = list(handlers["respond"]("2013年城镇居民人均可支配收入是多少？", []))[-1]
    history, panel, _ = list(handlers["respond"]("农村居民呢？", history))[-1]
    assert "11924" in history[-1]["content"] and "quzhou-2014:p003" in panel
    retried, _, _ = list(handlers["retry"](history))[-1]
    assert [m["content"] for m in retried[:-1]] == [m["content"] for m in history[:-1]]
    assert "11924" in retried[-1]["content"]


def test_secrets_never_reach_the_page(model_bot):
    import httpx

    demo = serve(model_bot, port=_free_port(), block=False)
    try:
        page = httpx.get(demo.local_url, timeout=30).text + httpx.get(demo.local_url + "config", timeout=30).text
    finally:
        demo.close()
    assert "模型：local-model" in page
    assert "sk-test" not in page and "openai_api_key" not in page
