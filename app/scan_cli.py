"""`bulwark scan`: its arguments, what it says on standard error, and where its output goes."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import shutil
import sys
from pathlib import Path
from typing import TextIO

from analyzers import regex_cache
from analyzers.base import Severity

EXIT_CODES = """\
exit status:
  0  nothing fails: no finding the policy blocks, none at or above --fail-on, and every check ran
  1  a finding the repository's policy blocks, or one at or above --fail-on
  2  a usage error (not a git repository, an unknown revision, an invalid policy on the base)
  3  the analysis did not finish (a check failed, ran out of time or met a file past its bounds) and
     nothing fails: every finding found is still printed, with what did not run, where and why"""

DESCRIPTION = """\
Analyse a change the way the App analyses a pull request: from the merge base of --base to --head.
With no --head, the working tree is the head: staged and unstaged changes, and new files that
.gitignore does not exclude (--tracked-only leaves those out). Nothing in the repository is written."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    scan = sub.add_parser(
        "scan",
        help="analyse local changes like a pull request",
        description=DESCRIPTION,
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    scan.add_argument("--repo", default=".", help="the git repository (default: the current directory)")
    scan.add_argument("--base", required=True, help="the revision the change goes into (a branch, a commit)")
    scan.add_argument(
        "--head",
        metavar="REV",
        help="the revision to analyse (default: the working tree, uncommitted work included)",
    )
    scan.add_argument(
        "--tracked-only",
        action="store_true",
        help="with no --head, leave out files git does not track (what a commit of the index holds)",
    )
    scan.add_argument(
        "--fail-on",
        choices=[s.label for s in reversed(Severity)],
        metavar="SEVERITY",
        help="exit 1 on a finding at or above this severity: critical, high, medium, low or info "
        "(default: only findings the repository's policy blocks)",
    )
    scan.add_argument("--format", choices=["text", "json", "sarif"], default="text", help="default: text")
    scan.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="text: also why each finding matters, how to fix it, and its rule's page",
    )
    scan.add_argument(
        "--offline",
        action="store_true",
        help="ask no package registry (the checks that need one are named as not run)",
    )
    scan.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")
    scan.set_defaults(func=cmd_scan)


def cmd_scan(args: argparse.Namespace) -> int:
    regex_cache.install()
    try:
        return _scan(args)
    finally:
        regex_cache.keep()  # after rendering too: it imports modules of its own


def _scan(args: argparse.Namespace) -> int:
    # The modules imported here live as long as the process: the collector need not walk them at
    # every collection the imports trigger, nor at every one the analysis does.
    gc.disable()
    from app.analysis_limits import limits_from_environment
    from app.scan import ScanUsageError, exit_code, render, run_scan, write_output
    from app.settings_error import SettingsError

    gc.freeze()
    gc.enable()
    logging.basicConfig(level=logging.WARNING)
    try:
        limits = limits_from_environment()
    except SettingsError as error:
        print(f"bulwark scan: {error}", file=sys.stderr)
        return 2
    try:
        result = run_scan(
            Path(args.repo),
            args.base,
            args.head,
            offline=args.offline,
            progress=sys.stderr.isatty(),
            untracked=not args.tracked_only,
            limits=limits,
        )
    except ScanUsageError as error:
        print(f"bulwark scan: {error}", file=sys.stderr)
        return 2
    print(f"bulwark scan: {compared_line(len(result.ctx.files), args)}", file=sys.stderr)
    width = None if args.output else text_width(sys.stdout)
    color = width is not None and not os.environ.get("NO_COLOR")  # a terminal, unless told not to
    text = render(result, args.format, width=width, verbose=args.verbose, color=color)
    write_output(text, args.output, sys.stdout)
    return exit_code(result, Severity.parse(args.fail_on) if args.fail_on else None)


def compared_line(compared: int, args: argparse.Namespace) -> str:
    """`compared 3 files, main...the working tree (…)`: what was compared with what."""
    files = f"compared {compared} file{'s' * (compared != 1)}"
    if args.head:
        return f"{files}, {args.base}...{args.head}"
    extra = "staged and unstaged changes" + ("" if args.tracked_only else ", untracked files")
    return f"{files}, {args.base}...the working tree ({extra})"


def text_width(stream: TextIO) -> int | None:
    """The width to wrap text to: a terminal's (`COLUMNS` when set, as `shutil.get_terminal_size`
    reads it); None (no wrapping: one line per message, for logs and grep) when not a terminal."""
    try:
        is_terminal = stream.isatty()
    except (AttributeError, ValueError):
        is_terminal = False
    return shutil.get_terminal_size().columns if is_terminal else None
