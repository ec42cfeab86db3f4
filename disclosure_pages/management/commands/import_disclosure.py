"""``manage.py import_disclosure``: load catalog entries from a JSON Lines file."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from tqdm import tqdm

from ...catalog.importer import (
    BATCH_SIZE,
    EntryData,
    EntrySpool,
    ImportSetupError,
    Lookups,
    Problem,
    batches,
    existing_import_keys,
    publication_problems,
    resolve_catalog,
    resolve_reviewer,
    validate_lines,
    write_entries,
)

MAX_LISTED = 50

HELP = """\
Import catalog entries (目录条目) from a file with one JSON object per line.

Required keys: title, body (plain text), published (发布日期, YYYY-MM-DD), publisher
(发布机构: full name or code), genre (体裁分类), doc_number (文号; "" when none).
Optional: id (source id, used to recognise the entry on re-import), written (成文日期),
validity, disclosure_mode, disclosure_scope (labels or keys), summary, keywords (list
or string), classifications ({dimension: term name}; dimensions by key or label,
e.g. "topic" or "主题分类"; a topic as "一级\\\\二级" (JSON-escaped), "一级/二级" or a unique
second-level name; 服务对象分类 may be a list).

Policy: all or nothing. Every line is checked first; if any line has an error, nothing
is written and the errors are listed as "line N: field: message". Unknown keys are
warnings. Entries already imported (same id, or same publisher, 文号, title and date)
are skipped (never updated), so the same file can be imported again safely; the same
entry twice in one file is an error, and so is one publisher's 文号 (compared
normalised: [2019] = 〔2019〕) under two ids, in the file or against a stored entry.
Lines that cannot be stored are errors too: not UTF-8, not one JSON object, nested
too deeply, a NUL or a lone surrogate (\\ud800) in any value, a line over 2 MiB, a body
over 200,000 characters, and any field over its column's length. Entries are saved as drafts unless --publish
--reviewed-by USERNAME names an active confidentiality reviewer (保密审查员); a
review by that user is recorded for each published entry. Only 主动公开 entries can
be published.
"""


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        from argparse import RawDescriptionHelpFormatter

        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="JSON Lines file (UTF-8; '-' reads standard input)")
        parser.add_argument("--format", choices=["jsonl"], default="jsonl", help="input format (default: jsonl)")
        parser.add_argument(
            "--catalog",
            help="id or URL path of the CatalogIndexPage to import into (default: the only one)",
        )
        parser.add_argument("--publish", action="store_true", help="publish the entries (needs --reviewed-by)")
        parser.add_argument(
            "--reviewed-by",
            metavar="USERNAME",
            help="the confidentiality reviewer (保密审查员) whose review is recorded for each entry",
        )
        parser.add_argument("--dry-run", action="store_true", help="check the file and report; write nothing")
        parser.add_argument(
            "--progress", action="store_true", help="show a progress bar even when stderr is not a terminal"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        reviewer = None
        if options["publish"] and not options["reviewed_by"]:
            raise CommandError(_("--publish requires --reviewed-by USERNAME (发布须指定审核人)"))
        if options["reviewed_by"] and not options["publish"]:
            raise CommandError("--reviewed-by is only used with --publish")
        try:
            catalog = resolve_catalog(options["catalog"])
            if options["publish"]:
                reviewer = resolve_reviewer(options["reviewed_by"], catalog)
        except ImportSetupError as exc:
            raise CommandError(str(exc)) from exc

        lookups = Lookups.from_database()
        checks = [publication_problems] if options["publish"] else []
        # One reading: every check, the checked entries kept on disk (not in memory) for writing.
        with closing(EntrySpool()) as spool:
            try:
                with self._source(options["file"]) as stream:
                    validation = validate_lines(stream, lookups, keep_entries=False, checks=checks, spool=spool)
            except OSError as exc:
                raise CommandError(f"cannot read {options['file']}: {exc.strerror}") from exc
            self._list("warning", validation.warnings, self.stderr)
            if not validation.ok:
                raise CommandError(
                    f"{len(validation.errors)} error(s) in {options['file']}; nothing was imported "
                    f"(all or nothing):\n" + _listing(validation.errors)
                )
            self._write(iter(spool), validation.valid, options, catalog, reviewer)

    def _write(
        self, entries: Iterator[EntryData], count: int, options: dict[str, Any], catalog: Any, reviewer: Any
    ) -> None:
        if options["dry_run"]:
            self._dry_run(entries, options["verbosity"])
            return
        err = getattr(self.stderr, "_out", sys.stderr)
        show = options["progress"] or (hasattr(err, "isatty") and err.isatty())
        with tqdm(total=count, file=err, disable=not show, unit="entry", desc="import") as bar:
            result = write_entries(entries, catalog, reviewer=reviewer, on_entry=lambda _e, _c: bar.update(1))
        state = "published" if reviewer is not None else "as drafts"
        self.stdout.write(self.style.SUCCESS(f"{result.summary()}; {state}, under {catalog.url_path}"))

    def _dry_run(self, entries: Iterator[EntryData], verbosity: int) -> None:
        new = skipped = 0
        for batch in batches(entries, BATCH_SIZE):
            existing = existing_import_keys(e.import_key for e in batch)
            for entry in batch:
                known = entry.import_key in existing
                skipped += known
                new += not known
                if verbosity >= 2:
                    state = "skip (already imported)" if known else "create"
                    self.stdout.write(f"line {entry.line}: {state}: {entry.title}")
        self.stdout.write(f"dry run: would create {new}, skip {skipped} (already imported); nothing was written")

    @contextmanager
    def _source(self, path: str) -> Iterator[IO[bytes]]:
        """The named file, or standard input for "-", as bytes (read once, line by line)."""
        if path == "-":
            yield sys.stdin.buffer
            return
        with open(path, "rb") as stream:
            yield stream

    def _list(self, kind: str, problems: list[Problem], out: IO[str] | Any) -> None:
        if problems:
            out.write(f"{len(problems)} {kind}(s):\n" + _listing(problems))


def _listing(problems: list[Problem]) -> str:
    lines = [str(p) for p in problems[:MAX_LISTED]]
    if len(problems) > MAX_LISTED:
        lines.append(f"… and {len(problems) - MAX_LISTED} more")
    return "\n".join(lines)
