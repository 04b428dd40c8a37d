"""The `briefing` command: open the TUI, print an analysis, or write a brief.

    briefing [PATHS...]                   open the terminal app (no paths: today's stored articles
                                          when `sources:` is configured, else the bundled seeds)
    briefing analyze [PATHS...] [--json]  articles, stories, summaries, digest, quotes, status
    briefing build [PATHS...] [-o FILE]   write an automatic one-page brief
    briefing fetch                        read the configured sources into the local store
    briefing history                      the saved briefs, newest first
    --story ID                            (analyze, build) which story: its id or number

Exit codes: 0 success (also when some inputs were skipped with a warning),
1 nothing usable / the brief could not be written, 2 bad configuration or
usage. Anything a user can cause is reported in one line on stderr, never as
a traceback; programming errors still raise, so tests see them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from briefing import __version__
from briefing.config import ALGORITHMS, ENV_VAR, ConfigError, Settings, find_config, load_settings, seeds_dir
from briefing.ingest.sanitize import sanitize_line

if TYPE_CHECKING:
    from briefing.models import Analysis, Article

COMMANDS = ("analyze", "build", "fetch", "history")
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UserError(Exception):
    """Something the user can fix; printed as `error: ...` with an exit code."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


# --------------------------------------------------------------------------- parsing


def _config_description(argv: Sequence[str]) -> str:
    """Which config file would be read, for --help (resolved the same way as a real run)."""
    explicit = None
    for i, arg in enumerate(argv):
        if arg == "--config" and i + 1 < len(argv):
            explicit = argv[i + 1]
        elif arg.startswith("--config="):
            explicit = arg.split("=", 1)[1]
    try:
        found = find_config(explicit)
    except OSError:
        found = None
    where = str(found) if found else "none found, built-in defaults only"
    return (
        f"configuration: {where}\n"
        f"  (lookup: --config FILE, ${ENV_VAR}, ./briefing.yaml, $XDG_CONFIG_HOME/briefing/config.yaml)"
    )


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="FILE", help="read settings from FILE (see below for the lookup)")
    common.add_argument("--algorithm", choices=ALGORITHMS, help="summary algorithm (overrides the config)")
    length = common.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=int, metavar="N", help="summary length in sentences")
    length.add_argument("--ratio", type=float, metavar="R", help="summary length as a share of the article (0-1]")
    length.add_argument("--words", type=int, metavar="N", help="summary length in words")
    common.add_argument("--version", action="version", version=f"briefing {__version__}")
    return common


_STORY_HELP = ("which story the digest, quotes, status and brief describe: its id or its number as "
               "`briefing analyze` lists it (default: the largest)")


def build_parser(argv: Sequence[str] = ()) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser (TUI) and one parser per subcommand."""
    common = _common()
    epilog = _config_description(argv)
    formatter = argparse.RawDescriptionHelpFormatter
    top = argparse.ArgumentParser(
        prog="briefing",
        parents=[common],
        formatter_class=formatter,
        description="Open the briefing terminal app on news articles (files, folders, feeds, URLs).\n\n"
        "commands:\n"
        "  briefing [PATHS...]                  open the app (no paths: today's stored articles when\n"
        "                                       sources are configured, else the bundled sample)\n"
        "  briefing analyze [PATHS...] [--json] print articles, summaries, digest, quotes and status\n"
        "  briefing build [PATHS...] [-o FILE]  write an automatic one-page brief (Markdown)\n"
        "  briefing fetch                       read the configured sources into the local store\n"
        "  briefing history                     the saved briefs, newest first",
        epilog=epilog,
    )
    top.add_argument("paths", nargs="*", metavar="PATHS", help="articles to open")
    _add_since(top)
    analyze = argparse.ArgumentParser(
        prog="briefing analyze", parents=[common], formatter_class=formatter, epilog=epilog,
        description="Analyse articles and print a readable report, or the JSON object with --json.",
    )  # fmt: skip
    analyze.add_argument("paths", nargs="*", metavar="PATHS", help="files, folders, feeds or http(s) URLs")
    analyze.add_argument("--json", action="store_true", help="print the stable JSON object instead of text")
    analyze.add_argument("--story", metavar="ID", help=_STORY_HELP)
    _add_since(analyze)
    build = argparse.ArgumentParser(
        prog="briefing build", parents=[common], formatter_class=formatter, epilog=epilog,
        description="Write an automatic one-page brief as Markdown (for cron jobs).",
    )  # fmt: skip
    build.add_argument("paths", nargs="*", metavar="PATHS", help="files, folders, feeds or http(s) URLs")
    build.add_argument("-o", "--output", metavar="FILE", help="where to write (default: brief.output_dir/brief-DATE.md)")
    build.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    build.add_argument("--story", metavar="ID", help=_STORY_HELP)
    _add_since(build)
    return top, {"analyze": analyze, "build": build, **_daily_parsers(epilog)}


def _add_since(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since",
        metavar="WHEN",
        help="without PATHS: the stored articles fetched since WHEN (24h, 2d, 1w or a date such as 2024-05-01; "
        "default: since the last saved brief, else the last 24 hours)",
    )


def _daily_parsers(epilog: str) -> dict[str, argparse.ArgumentParser]:
    """`fetch` and `history`: the daily loop's own commands (no summary options: they summarise nothing)."""
    base = argparse.ArgumentParser(add_help=False)
    base.add_argument("--config", metavar="FILE", help="read settings from FILE (see below for the lookup)")
    base.add_argument("--version", action="version", version=f"briefing {__version__}")
    formatter = argparse.RawDescriptionHelpFormatter
    fetch = argparse.ArgumentParser(
        prog="briefing fetch", parents=[base], formatter_class=formatter, epilog=epilog,
        description="Read the configured sources (feeds, pages, folders) into the local article store:\n"
        "one line per source, then the total. Exit 0 when at least one source answered.",
    )  # fmt: skip
    history = argparse.ArgumentParser(
        prog="briefing history", parents=[base], formatter_class=formatter, epilog=epilog,
        description="List the saved briefs, newest first: their date, when saved, items, the articles\n"
        "loaded, story and file.",
    )  # fmt: skip
    history.add_argument("-n", "--limit", type=int, metavar="N", help="only the N newest")
    return {"fetch": fetch, "history": history}


def _split_command(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """The subcommand (the first word that is not an option or an option's value) and the rest."""
    takes_value = {"--config", "--algorithm", "--sentences", "--ratio", "--words", "--story", "--since"}
    skip = False
    for i, arg in enumerate(argv):
        if skip:
            skip = False
            continue
        if arg in takes_value:
            skip = True
            continue
        if arg == "--" or arg.startswith("-"):
            if arg == "--":
                return None, list(argv)
            continue
        if arg in COMMANDS:
            return arg, [*argv[:i], *argv[i + 1 :]]
        return None, list(argv)
    return None, list(argv)


# --------------------------------------------------------------------------- running


def _overrides(args: argparse.Namespace) -> dict[str, object]:
    flags = {"algorithm": args.algorithm, "sentences": args.sentences, "ratio": args.ratio, "words": args.words}
    return {f"summary.{k}": v for k, v in flags.items() if v is not None}


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(args.config, _overrides(args))


def _progress(label: str, stream: TextIO) -> Callable[[int, int], None] | None:
    """A one-line counter on stderr, only when a person is watching it."""
    if not stream.isatty():
        return None

    def report(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        stream.write(f"\r{label} {done}/{total}{end}")
        stream.flush()

    return report


def _load_and_analyze(
    paths: Sequence[str], settings: Settings, stderr: TextIO, since: str | None = None, story: str | None = None
) -> Analysis:
    from briefing.analysis.pipeline import analyze
    from briefing.analysis.warm import warm_up_meanwhile
    from briefing.ingest import load_paths

    stored = _stored_today(paths, settings, since, stderr)
    if stored is not None:
        analysis = analyze(stored, settings, progress=_progress("analysing", stderr))
        return analysis if story is None else _choose_story(analysis, story)
    result = load_paths(
        paths or [str(seeds_dir())],  # no PATHS and no sources: the bundled sample
        settings.ingest,
        progress=_progress("loading", stderr),
        language=settings.summary.language,
        cache=settings.cache,
        meanwhile=lambda: warm_up_meanwhile(settings),  # the analysis's tables, while files are built
    )
    for warning in result.warnings:
        stderr.write(f"warning: {sanitize_line(warning.location)}: {sanitize_line(warning.reason)}\n")
    if not result.articles:
        raise UserError("nothing to analyse: none of the given paths could be loaded")
    analysis = analyze(result.articles, settings, progress=_progress("analysing", stderr), warnings=result.warnings)
    return analysis if story is None else _choose_story(analysis, story)


def _choose_story(analysis: Analysis, wanted: str) -> Analysis:
    """`--story ID`: the analysis with its top-level results describing that story."""
    from briefing.stories.choice import StoryNotFound, pick_story

    try:
        return analysis.for_story(pick_story(analysis.stories, wanted).id)
    except StoryNotFound as exc:
        raise UserError(f"--story: {exc}", EXIT_USAGE) from None


def _run_analyze(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from briefing.report import analysis_to_json, format_report

    analysis = _load_and_analyze(args.paths, _settings(args), stderr, args.since, args.story)
    if args.json:
        stdout.write(json.dumps(analysis_to_json(analysis), ensure_ascii=False, indent=2))  # one write: 0.24 s -> 0.08 s
        stdout.write("\n")
    else:
        from briefing.store.since_last import since_last_brief

        since = since_last_brief(analysis.articles)  # each count against the story's earlier briefs
        stdout.write(format_report(analysis, lambda f: since.change(f, analysis.status.figures)))
    return EXIT_OK


def _run_build(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    settings = _settings(args)
    try:
        from briefing.brief.build import build_brief_file
        from briefing.brief.save import BriefSaveError, check_target, default_brief_path
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("briefing.brief"):
            raise
        raise UserError("`briefing build` is not available in this installation (the brief module is missing)") from None
    output = Path(args.output).expanduser() if args.output else None
    try:  # a target that will be refused (exists, a pipe, a dangling link) is reported before the analysis
        check_target(output or default_brief_path(settings), args.force)
    except BriefSaveError as exc:
        raise UserError(exc.strerror or str(exc)) from None
    analysis = _load_and_analyze(args.paths, settings, stderr, args.since, args.story)
    try:
        written = build_brief_file(analysis, settings, output, args.force, warn=_warner(stderr))
    except BriefSaveError as exc:  # BriefExistsError included; its message names the file and --force
        raise UserError(exc.strerror or str(exc)) from None
    stdout.write(f"wrote {written}\n")
    return EXIT_OK


def _run_tui(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    settings = _settings(args)
    stored = _stored_today(args.paths, settings, args.since, stderr)
    paths = list(args.paths) or ([] if stored is not None else [str(seeds_dir())])
    try:
        from briefing.tui.app import run_tui
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("briefing.tui"):
            raise
        raise UserError(
            "the terminal app is not available in this installation yet; "
            f"try: briefing analyze {' '.join(paths)}"
        ) from None
    return run_tui(paths, settings, articles=stored or ())


# --------------------------------------------------------------------------- the daily loop


def _stored_today(paths: Sequence[str], settings: Settings, since: str | None, stderr: TextIO) -> list[Article] | None:
    """No PATHS with `sources:` configured: the stored articles of today (see briefing.store.since).
    None when PATHS are given, or no sources are configured (then no PATHS means the bundled seeds)."""
    if paths or not settings.sources:
        if since is not None:
            why = "PATHS are given" if paths else "no `sources:` are configured, so nothing is stored to choose from"
            raise UserError(f"--since chooses among the stored articles; it does not apply here: {why}", EXIT_USAGE)
        return None
    from briefing.store.daily import today_articles
    from briefing.store.db import StoreError
    from briefing.store.since import SinceError

    try:
        today = today_articles(settings, since)
    except SinceError as exc:
        raise UserError(str(exc), EXIT_USAGE) from None
    except StoreError as exc:
        raise UserError(str(exc)) from None
    if not today.stored:
        raise UserError(today.empty_message())
    if stderr.isatty():
        stderr.write(f"{today.describe()}\n")
    return today.articles


def _run_fetch(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from briefing.store.daily import fetch_all
    from briefing.store.db import StoreError
    from briefing.store.fetch import SourceReport

    settings = load_settings(args.config)
    if not settings.sources:
        where = settings.source or "your config file (briefing --help says which one is read)"
        raise UserError(f"no sources to fetch: list feeds, pages or folders under `sources:` in {where}", EXIT_USAGE)

    def report(done: SourceReport) -> None:
        stdout.write(done.line() + "\n")
        stdout.flush()
        for warning in done.warnings:
            stderr.write(f"warning: {sanitize_line(done.source.label)}: {sanitize_line(warning)}\n")

    try:
        total = fetch_all(settings, on_report=report)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    stdout.write(total.line() + "\n")
    return EXIT_OK if total.answered else EXIT_FAILED


def _run_history(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from briefing.store.daily import history_table, saved_briefs
    from briefing.store.db import StoreError

    load_settings(args.config)  # a broken config is reported here too, as by every command
    if args.limit is not None and args.limit < 1:
        raise UserError("--limit must be a positive number", EXIT_USAGE)
    try:
        briefs = saved_briefs(args.limit)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    if not briefs:
        stdout.write("no saved briefs yet: a brief saved with ctrl+s in the app, or written by briefing build, is listed here\n")
        return EXIT_OK
    stdout.write(history_table(briefs))
    return EXIT_OK


def _warner(stderr: TextIO) -> Callable[[str], None]:
    def warn(message: str) -> None:
        stderr.write(f"warning: {sanitize_line(message)}\n")

    return warn


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Entry point of `briefing` and `python -m briefing`; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    command, rest = _split_command(argv)
    top, subparsers = build_parser(argv)
    parser = subparsers[command] if command else top
    try:
        args = parser.parse_args(rest)
    except SystemExit as exc:  # --help, --version, usage errors: argparse has printed them
        return int(exc.code or 0)
    runner = {"analyze": _run_analyze, "build": _run_build, "fetch": _run_fetch, "history": _run_history,
              None: _run_tui}[command]
    try:
        return runner(args, stdout, stderr)
    except ConfigError as exc:
        stderr.write(f"error: {exc}\n")  # already shows control characters as escapes
        return EXIT_USAGE
    except UserError as exc:
        stderr.write(f"error: {sanitize_line(str(exc))}\n")
        return exc.code
    except KeyboardInterrupt:
        stderr.write("interrupted\n")
        return 130
    except BrokenPipeError:  # `briefing analyze ... | head`: the reader left, not an error
        _silence_stdout()
        return EXIT_OK


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
