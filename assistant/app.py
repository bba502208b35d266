"""The browser chat (Gradio): streaming answers with the cited paragraphs beside them."""

from __future__ import annotations

import html
import os
import re

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no telemetry calls, ever

import gradio as gr  # noqa: E402

from assistant import Answer, Assistant, AssistantError  # noqa: E402
from assistant.text import normalize  # noqa: E402

EXAMPLES = [
    "2013年衢州市生产总值是多少？",
    "2014年淘汰黄标车多少辆？",
    "2013年新增养老机构床位多少张？",
    "报告是谁作的？",
    "What is the 2014 GDP growth target?",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
CSS = """
.citation {border-left: 3px solid #c0392b; padding: 4px 10px; margin: 8px 0; background: #fafafa; color: #222;}
.citation .meta {font-size: 0.85em; color: #555;}
.citation mark {background: #ffe08a; color: #000;}
.warning {color: #b03a2e; font-weight: 600;}
"""


def _highlight(paragraph: str, quotes: list[str], numbers: list[str]) -> str:
    """The paragraph as HTML with the cited clauses (or the answer's numbers) marked."""
    text = html.escape(paragraph)
    targets = [html.escape(q) for q in quotes if q] or [html.escape(n) for n in numbers]
    for target in sorted(set(targets), key=len, reverse=True):
        text = text.replace(target, f"<mark>{target}</mark>")
    return text


def citations_html(answer: Answer | None) -> str:
    """The side panel: warnings, then each cited paragraph with marker, document, section and id."""
    if answer is None:
        return "<p>引用的报告段落会显示在这里。</p>"
    parts = [f'<p class="warning">⚠ {html.escape(w)}</p>' for w in answer.warnings]
    if not answer.citations:
        parts.append("<p>本回答没有引用段落。</p>")
    numbers = re.findall(r"\d+(?:\.\d+)?%?", re.sub(r"\[\d+\]", "", answer.text))
    for c in answer.citations:
        quotes = [q for q in c.quote.split("；") if q]
        parts.append(
            f'<div class="citation"><div class="meta"><b>[{c.marker}]</b> {html.escape(c.document)} › '
            f"{html.escape(c.section)} · 第 {html.escape(c.paragraph_id.rsplit(':p', 1)[-1])} 段 "
            f"(<code>{html.escape(c.paragraph_id)}</code>)</div>"
            f"<p>{_highlight(c.text, quotes, [n for n in numbers if normalize(n) in normalize(c.text)])}</p></div>"
        )
    return "\n".join(parts)


def answer_payload(answer: Answer) -> dict:
    """What the /ask API returns."""
    return {
        "text": answer.text,
        "answered": answer.answered,
        "mode": answer.mode,
        "warnings": answer.warnings,
        "citations": [
            {"marker": c.marker, "paragraph_id": c.paragraph_id, "document": c.document, "section": c.section,
             "text": c.text}
            for c in answer.citations
        ],
    }


def build_app(bot: Assistant) -> gr.Blocks:
    mode = "离线摘录模式" if bot.mode == "offline" else f"模型：{bot.mode}"
    limit = bot.settings.max_question_chars

    def respond(message: str, history: list[dict]):
        """Chat handler: streams the answer into the chat and fills the citation panel."""
        history = list(history or [])
        if not message or not message.strip():
            gr.Warning("请输入一个关于报告的问题。")
            yield history, gr.skip(), message
            return
        shown = html.escape(message.strip())
        prior = [{"role": m["role"], "content": m["content"]} for m in history if isinstance(m.get("content"), str)]
        history = history + [{"role": "user", "content": shown}, {"role": "assistant", "content": ""}]
        if len(message) > limit:
            history[-1]["content"] = f"抱歉，问题太长了（{len(message)} 字，上限 {limit} 字），请缩短后再问。"
            yield history, gr.skip(), ""
            return
        try:
            text = ""
            for piece in bot.stream(message, prior):
                if isinstance(piece, Answer):
                    history[-1]["content"] = html.escape(piece.text)
                    yield history, citations_html(piece), ""
                else:
                    text += piece
                    history[-1]["content"] = html.escape(text)
                    yield history, gr.skip(), ""
        except AssistantError as error:
            history[-1]["content"] = f"⚠ {html.escape(str(error))}"
            yield history, gr.skip(), ""

    def retry(history: list[dict]):
        history = list(history or [])
        while history and history[-1]["role"] == "assistant":
            history.pop()
        if not history:
            yield history, gr.skip(), ""
            return
        question = html.unescape(history.pop()["content"])
        yield from respond(question, history)

    def ask(question: str, history: list[dict] | None = None) -> dict:
        """Answer a question about the report; returns text, answered, mode, warnings and citations."""
        try:
            return answer_payload(bot.ask(question, history or []))
        except AssistantError as error:
            raise gr.Error(str(error)) from None

    with gr.Blocks(title="政府工作报告问答", analytics_enabled=False) as demo:
        gr.Markdown(f"## 政府工作报告问答 · 2014 年衢州市政府工作报告\n当前模式：**{mode}**。每个回答都标注引用的报告段落 [n]。")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=320):
                chatbot = gr.Chatbot(label="对话", height=480, elem_id="chat")
                box = gr.Textbox(placeholder="输入问题，例如：2013年衢州市生产总值是多少？", show_label=False,
                                 elem_id="question", max_lines=4)
                with gr.Row():
                    send = gr.Button("发送", variant="primary", elem_id="send")
                    again = gr.Button("重试", elem_id="retry")
                    clear = gr.Button("新对话", elem_id="new-chat")
                gr.Examples(EXAMPLES, inputs=box, label="示例问题")
            with gr.Column(scale=2, min_width=300):
                gr.Markdown("### 引用段落")
                panel = gr.HTML(citations_html(None), elem_id="citations")
        outputs = [chatbot, panel, box]
        box.submit(respond, [box, chatbot], outputs, api_visibility="private")
        send.click(respond, [box, chatbot], outputs, api_visibility="private")
        again.click(retry, [chatbot], outputs, api_visibility="private")
        clear.click(lambda: ([], citations_html(None), ""), None, outputs, api_visibility="private")
        gr.api(ask, api_name="ask")
    return demo.queue(default_concurrency_limit=4)


def parse_auth(auth: str | None) -> tuple[str, str] | None:
    if not auth:
        return None
    user, sep, password = auth.partition(":")
    if not sep or not user or not password:
        raise AssistantError("--auth must look like user:password")
    return user, password


def serve(bot: Assistant, host: str = "127.0.0.1", port: int = 7860, share: bool = False,
          auth: str | None = None, block: bool = True) -> gr.Blocks:
    """Launch the chat; beyond localhost it refuses to run without basic auth."""
    credentials = parse_auth(auth)
    if host not in LOCAL_HOSTS and credentials is None:
        raise AssistantError(f"binding to {host} exposes the assistant: add --auth user:password (or set ASSISTANT_AUTH)")
    demo = build_app(bot)
    demo.launch(server_name=host, server_port=port, share=share, auth=credentials, quiet=True,
                prevent_thread_lock=not block, css=CSS, footer_links=["api"])
    return demo
