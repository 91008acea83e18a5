"""Rows as files for people: CSV, Markdown tables and finished XLSX workbooks, written whole or not at all.

Every table Slate writes (the UI's downloads, shot lists, schedules, call sheets) goes through these,
so each one keeps the same rules: spreadsheet formulas from a script never come alive
(`tools.cell_safety`), CSV carries a byte-order mark so Excel shows Chinese, and a file is replaced
atomically. The workbooks' own layouts (stripboards, shot-list sheets) stay with their tools.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from core.paths import atomic_write_bytes
from tools.cell_safety import neutralise_row, neutralise_workbook


def csv_text(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A header and rows as CSV text (CRLF lines, as spreadsheets write them); empty cells for None,
    and every text a spreadsheet would run as a formula neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(neutralise_row(list(headers)))
    writer.writerows(neutralise_row(["" if v is None else v for v in row]) for row in rows)
    return buffer.getvalue()


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """`csv_text` as UTF-8 with a byte-order mark (so Excel opens Chinese correctly)."""
    return csv_text(headers, rows).encode("utf-8-sig")


def markdown_cell(value: object) -> str:
    """A cell's text that cannot break its table: pipes escaped, line breaks as `<br>`."""
    return ("" if value is None else str(value)).replace("|", "\\|").replace("\n", "<br>")


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    """A Markdown (GFM) table's lines: the header, its rule, one line a row."""
    return [
        "| " + " | ".join(markdown_cell(h) for h in headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
        *("| " + " | ".join(markdown_cell(v) for v in row) + " |" for row in rows),
    ]


def workbook_bytes(book: Any, *, own_formulas: bool = False) -> bytes:
    """A finished openpyxl workbook as bytes. Formula-looking text becomes string cells first, unless
    the workbook holds formulas of its own (`own_formulas`: its writer keeps text cells as text)."""
    if not own_formulas:
        neutralise_workbook(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_table_file(path: Path, data: bytes) -> Path:
    """Write a table file whole or not at all (its folder is created); return the path."""
    atomic_write_bytes(path, data)
    return path
