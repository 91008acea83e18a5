"""Cast and location lists: who and where, in both languages, with rates and unavailable dates.

Crews keep these in spreadsheets, so CSV is first-class; YAML (a list, or a mapping with a `cast:`
or `locations:` key) is accepted too. Multi-value cells (aliases, dates) are separated by `;` or
`|`. Dates are ISO (`2027-03-02`) or inclusive ranges (`2027-03-02..2027-03-04`).

Errors name the file, the row (CSV line or YAML entry) and the bad value.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field

from core.errors import InputFileError, ParseError
from knowledge.encoding import read_text
from knowledge.limits import csv_guard, csv_source, nesting_guard

_SPLIT = re.compile(r"\s*[;|；]\s*")


class CastMember(BaseModel):
    """One character and the actor who plays them."""

    id: str = Field(description="The character as cued in the script, e.g. 'INSPECTOR LAU'.")
    names: list[str] = Field(default_factory=list, description="Aliases in any language: 劉督察, 劉Sir.")
    actor: str | None = None
    daily_rate: float = Field(0, ge=0, description="Cost of one day on the payroll (HKD).")
    unavailable: list[date] = Field(default_factory=list)
    notes: str | None = None

    def all_names(self) -> list[str]:
        """The id first, then aliases, without duplicates."""
        return list(dict.fromkeys([self.id, *self.names]))


class LocationEntry(BaseModel):
    """One shooting location (a set as the script names it, and where it really is)."""

    id: str = Field(description="The set as the script names it, e.g. 'ROOFTOP'.")
    names: list[str] = Field(default_factory=list, description="Aliases in any language: 天台.")
    address: str | None = None
    int_ext: Literal["INT", "EXT", "INT/EXT"] | None = None
    unavailable: list[date] = Field(default_factory=list)
    contact: str | None = None
    notes: str | None = None

    def all_names(self) -> list[str]:
        return list(dict.fromkeys([self.id, *self.names]))


def normalise_name(name: str) -> str:
    """The key names are matched on: NFKC (full-width → half-width), case-folded, spaces squeezed."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return re.sub(r"\s+", " ", text).strip(" .")


def parse_dates(value: Any, *, file: Path, line: int | None, field: str) -> list[date]:
    """Dates from a cell: a date, a list, `a;b`, or `start..end` ranges (inclusive)."""
    if value is None or value == "":
        return []
    items: Iterable[Any]
    if isinstance(value, (list, tuple)):
        items = value
    elif isinstance(value, date):
        items = [value]
    else:
        items = _SPLIT.split(str(value).strip())
    out: list[date] = []
    for item in items:
        if isinstance(item, date):
            out.append(item)
            continue
        text = str(item).strip()
        if not text:
            continue
        start_text, sep, end_text = text.partition("..")
        try:
            start = date.fromisoformat(start_text.strip())
            end = date.fromisoformat(end_text.strip()) if sep else start
        except ValueError:
            raise ParseError(
                f"{field!r} holds a value that is not a date (use YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)",
                file=file,
                line=line,
                value=text,
            ) from None
        if end < start:
            raise ParseError(
                f"{field!r} has a date range that ends before it starts", file=file, line=line, value=text
            )
        out.extend(start + timedelta(days=i) for i in range((end - start).days + 1))
    return sorted(set(out))


def _split_names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part for part in _SPLIT.split(str(value).strip()) if part]


def _rows(path: Path) -> Iterator[tuple[int | None, dict[str, Any]]]:
    """(line, row) pairs from a CSV or YAML list file; keys lower-cased."""
    text = read_text(path).text
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml", ".json"):
        try:
            with nesting_guard(path, "The list"):
                data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ParseError(
                f"Not valid YAML: {getattr(exc, 'problem', exc)}",
                file=path,
                line=mark.line + 1 if mark else None,
            ) from None
        if isinstance(data, dict):
            data = data.get("cast") or data.get("locations") or data.get("characters")
        if not isinstance(data, list):
            raise ParseError(
                "Expected a list of entries (or a mapping with a `cast:`/`locations:` list)", file=path
            )
        for number, entry in enumerate(data, start=1):
            if not isinstance(entry, dict):
                raise ParseError(f"Entry {number} is not a mapping", file=path, value=entry)
            yield None, {str(k).strip().lower(): v for k, v in entry.items()}
        return
    if suffix not in (".csv", ".tsv"):
        raise InputFileError("Cast and location lists must be .csv, .tsv, .yaml or .json", file=path)
    reader = csv.DictReader(io.StringIO(csv_source(text)), delimiter="\t" if suffix == ".tsv" else ",")
    with csv_guard(path, lambda: reader.line_num or None):
        if not reader.fieldnames:
            raise ParseError("The list has no header row", file=path, line=1)
        rows = [(reader.line_num, row) for row in reader]  # read inside the guard; lists are small
    for line, row in rows:
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        yield (
            line,
            {
                str(k).strip().lower(): (v.strip() if isinstance(v, str) else v)
                for k, v in row.items()
                if k is not None
            },
        )


# The columns that name a card's character or place (the rest describe it: actor, address, notes).
CAST_ID_COLUMNS = ("id", "character", "role")
LOCATION_ID_COLUMNS = ("id", "location", "set")
NAME_COLUMNS = ("names", "aliases")
IDENTITY_COLUMNS = frozenset({*CAST_ID_COLUMNS, *LOCATION_ID_COLUMNS, *NAME_COLUMNS, "name_zh"})


def _first(row: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if row.get(key) not in (None, ""):
            return row[key]
    return None


def load_cast_list(path: str | Path) -> list[CastMember]:
    """Read a cast list. Columns: id (or character), names/aliases, name_zh, actor, daily_rate,
    unavailable, notes."""
    file = Path(path)
    members: list[CastMember] = []
    seen: dict[str, int | None] = {}
    for number, (line, row) in enumerate(_rows(file), start=1):
        ident = _first(row, *CAST_ID_COLUMNS)
        if not ident:
            raise ParseError(
                "A cast entry has no `id` (the character's name in the script)",
                file=file,
                line=line,
                value=row,
            )
        ident = str(ident).strip()
        if normalise_name(ident) in seen:
            raise ParseError(f"Character {ident!r} is listed twice", file=file, line=line, value=ident)
        seen[normalise_name(ident)] = line
        rate_raw = _first(row, "daily_rate", "rate")
        try:
            rate = float(str(rate_raw).replace(",", "")) if rate_raw is not None else 0.0
        except ValueError:
            raise ParseError("`daily_rate` is not a number", file=file, line=line, value=rate_raw) from None
        if rate < 0:
            raise ParseError("`daily_rate` cannot be negative", file=file, line=line, value=rate_raw)
        names = _split_names(_first(row, *NAME_COLUMNS)) + _split_names(row.get("name_zh"))
        members.append(
            CastMember(
                id=ident,
                names=list(dict.fromkeys(n for n in names if n != ident)),
                actor=_first(row, "actor", "cast"),
                daily_rate=rate,
                unavailable=parse_dates(
                    row.get("unavailable"), file=file, line=line or number, field="unavailable"
                ),
                notes=row.get("notes") or None,
            )
        )
    return members


def load_location_list(path: str | Path) -> list[LocationEntry]:
    """Read a locations list. Columns: id (or location), names/aliases, name_zh, address, int_ext,
    unavailable, contact, notes."""
    file = Path(path)
    entries: list[LocationEntry] = []
    for number, (line, row) in enumerate(_rows(file), start=1):
        ident = _first(row, *LOCATION_ID_COLUMNS)
        if not ident:
            raise ParseError(
                "A location entry has no `id` (the set as the script names it)",
                file=file,
                line=line,
                value=row,
            )
        int_ext = _first(row, "int_ext", "i/e")
        if int_ext is not None:
            int_ext = str(int_ext).upper().replace(".", "").replace(" ", "")
            int_ext = {"I/E": "INT/EXT", "EXT/INT": "INT/EXT", "內": "INT", "外": "EXT"}.get(int_ext, int_ext)
            if int_ext not in ("INT", "EXT", "INT/EXT"):
                raise ParseError("`int_ext` must be INT, EXT or INT/EXT", file=file, line=line, value=int_ext)
        names = _split_names(_first(row, *NAME_COLUMNS)) + _split_names(row.get("name_zh"))
        entries.append(
            LocationEntry(
                id=str(ident).strip(),
                names=list(dict.fromkeys(names)),
                address=_first(row, "address"),
                int_ext=int_ext,
                unavailable=parse_dates(
                    row.get("unavailable"), file=file, line=line or number, field="unavailable"
                ),
                contact=_first(row, "contact"),
                notes=row.get("notes") or None,
            )
        )
    return entries
