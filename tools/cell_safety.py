"""Spreadsheet formula neutralisation for every CSV and XLSX Slate writes.

A character cue or note such as `+SUM(A1:A9)` or `=HYPERLINK(...)` would otherwise open in Excel,
Numbers or LibreOffice as a live formula (CSV/formula injection). Following the OWASP rule:

- CSV: a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a
  leading `'`, so spreadsheets open it as text (`restore_cell` strips it when Slate reads it back).
- XLSX: cells have types, so such text is stored as a string cell (never a formula), unchanged;
  openpyxl would otherwise store any string starting with `=` as a formula.

Numbers stay numbers (a negative number is not text). Only the files change: tool results, UI tables
and JSON exports keep the original text.
"""

from __future__ import annotations

from typing import TypeVar

FORMULA_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")

T = TypeVar("T")


def neutralise_cell(value: T) -> T | str:
    """The value to write in a spreadsheet cell: text that a spreadsheet would run gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def neutralise_row(row: list[T] | tuple[T, ...]) -> list[T | str]:
    """`neutralise_cell` over one row."""
    return [neutralise_cell(value) for value in row]


def neutralise_workbook(book: object) -> None:
    """Make every formula-looking text cell of an openpyxl workbook a string cell, before saving.

    For workbooks built only from data (no formulas of Slate's own): visiting the finished workbook
    catches every sheet and every `append`, whoever wrote them. The shown text is unchanged.
    """
    for sheet in getattr(book, "worksheets", []):
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS):
                    cell.data_type = "s"


def restore_cell(text: str) -> str:
    """Undo `neutralise_cell` when a file Slate wrote is read back (`'+SUM(...)` → `+SUM(...)`)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text
