"""`assistant` command line: a thin layer over the public API."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from assistant import Answer, Assistant, AssistantError, Settings


def _settings(offline: bool = False, knowledge: Path | None = None) -> Settings:
    try:
        settings = Settings()
    except ValueError as error:  # pydantic's ValidationError names the field
        raise AssistantError(f"invalid setting: {str(error).splitlines()[1].strip()}: fix the ASSISTANT_* variable")
    update = {"offline": True} if offline else {}
    if knowledge:
        update["knowledge_dir"] = knowledge
    return settings.model_copy(update=update)


class _Group(click.Group):
    """Turns an AssistantError into one line on stderr and its exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except AssistantError as error:
            if os.environ.get("ASSISTANT_RAISE_ERRORS"):
                raise
            click.echo(f"error: {error}", err=True)
            ctx.exit(error.exit_code)


@click.group(cls=_Group)
def main():
    """Ask questions about government work reports; answers cite the report's paragraphs."""


def format_answer(answer: Answer) -> str:
    """Plain text: the answer, then each cited paragraph with its section and id."""
    lines = [answer.text]
    if answer.warnings:
        lines += [f"warning: {w}" for w in answer.warnings]
    for citation in answer.citations:
        lines += ["", f"[{citation.marker}] {citation.document} › {citation.section} ({citation.paragraph_id})",
                  citation.text]
    return "\n".join(lines)


def _print_rich(answer: Answer) -> None:
    from rich.console import Console
    from rich.panel import Panel
    from rich.text import Text

    console = Console()
    style = "bold" if answer.answered else "yellow"
    console.print(Panel(Text(answer.text, style=style), title=f"答案 · {answer.mode}", expand=False))
    for warning in answer.warnings:
        console.print(Text(f"⚠ {warning}", style="red"))
    for citation in answer.citations:
        body = Text(citation.text)
        for quote in filter(None, citation.quote.split("；")):
            body.highlight_words([quote], style="bold cyan")
        console.print(Panel(body, title=f"[{citation.marker}] {citation.section}",
                            subtitle=f"{citation.document} · {citation.paragraph_id}", title_align="left"))


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
@click.option("--offline", is_flag=True, help="Never call a model; answer by extracting from the report.")
@click.option("--knowledge", type=click.Path(path_type=Path), help="Another folder of reports.")
def ask(question, as_json, offline, knowledge):
    """Answer QUESTION from the report, citing paragraphs."""
    bot = Assistant(settings=_settings(offline, knowledge))
    if as_json or not sys.stdout.isatty():
        answer = bot.ask(question)
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2) if as_json else format_answer(answer))
        return
    answer = None
    for piece in bot.stream(question):
        if isinstance(piece, Answer):
            answer = piece
        elif bot.mode != "offline":
            click.echo(piece, nl=False)
    if bot.mode != "offline":
        click.echo()
    _print_rich(answer)


@main.command()
@click.option("--knowledge", type=click.Path(path_type=Path), help="Another folder of reports.")
@click.option("--list", "listing", is_flag=True, help="Also list every paragraph: id, section, opening words.")
def index(knowledge, listing):
    """Build (or refresh) the index and print counts."""
    settings = _settings(True, knowledge)
    bot = Assistant(settings=settings)
    for p in bot.paragraphs if listing else ():  # the ids an eval set's "gold" names
        click.echo(f"{p.paragraph_id}\t{p.section}\t{p.text[:40]}")
    documents = len({p.source for p in bot.paragraphs})
    clauses = sum(len(c) for c in bot.index.clause_texts)
    click.echo(
        f"{documents} document(s), {len(bot.paragraphs)} paragraphs, {clauses} clauses; "
        f"{bot.index.embedded} texts embedded, the rest from the cache in {settings.cache_dir}"
    )


@main.command(name="eval")
@click.option("--set", "eval_set", type=click.Path(path_type=Path), help="Eval set (JSONL).")
@click.option("--json", "json_path", type=click.Path(path_type=Path), help="Write the full results as JSON here.")
@click.option("--report", "report_path", type=click.Path(path_type=Path), default=Path("eval-report.md"),
              show_default=True, help="Write the Markdown report here.")
@click.option("--offline", is_flag=True, help="Measure the offline extractive mode even when a model is configured.")
@click.option("--judge", is_flag=True, help="Also let the configured model grade each answer (CorrectnessEvaluator).")
def evaluate(eval_set, json_path, report_path, offline, judge):
    """Score the assistant on the eval set, per question type."""
    from rich.console import Console
    from rich.progress import track

    from assistant.evaluation import load_eval_set, make_judge, run_eval, to_markdown, write_json

    settings = _settings(offline)
    items = load_eval_set(eval_set or settings.knowledge_dir.parent / "evals" / "quzhou-2014.jsonl")
    bot = Assistant(settings=settings)
    progress = iter(track(range(len(items)), description=f"eval ({bot.mode})", console=Console(stderr=True)))
    if judge and bot.mode == "offline":
        raise AssistantError("--judge needs a model: set OPENAI_API_KEY or OPENAI_BASE_URL, and drop --offline")
    report = run_eval(bot, items, on_item=lambda _: next(progress, None), judge=make_judge(bot) if judge else None)
    next(progress, None)
    markdown = to_markdown(report)
    click.echo(markdown)
    Path(report_path).write_text(markdown, encoding="utf-8")
    if json_path:
        write_json(report, json_path)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind; beyond localhost needs --auth.")
@click.option("--port", default=7860, show_default=True, type=int)
@click.option("--share", is_flag=True, help="Open a public Gradio share link (off by default).")
@click.option("--auth", envvar="ASSISTANT_AUTH", help="user:password for basic auth (or ASSISTANT_AUTH).")
@click.option("--offline", is_flag=True, help="Never call a model.")
def serve(host, port, share, auth, offline):
    """Start the browser chat."""
    from assistant.app import serve as serve_app

    serve_app(Assistant(settings=_settings(offline)), host=host, port=port, share=share, auth=auth)




if __name__ == "__main__":
    main()
