"""Reading uploaded tables: CSV (UTF-8 with or without BOM, or GB18030/GBK as Excel saves it in China) and
Excel .xlsx, into rows of stripped strings. Callers turn TableError codes into their own user messages."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import Any

# An .xlsx is a ZIP: refuse ones that would expand absurdly before openpyxl reads them.
XLSX_MAX_UNCOMPRESSED = 200 * 1024 * 1024
XLSX_MAX_RATIO = 200


class TableError(ValueError):
    """code: "bad_type" (not CSV/XLSX), "corrupt" (unreadable), "too_large" (archive bomb)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _default_archive_check(archive: zipfile.ZipFile, compressed_size: int) -> None:
    total = sum(info.file_size for info in archive.infolist())
    if total > XLSX_MAX_UNCOMPRESSED or total / max(compressed_size, 1) > XLSX_MAX_RATIO:
        raise TableError("too_large")


def table_rows(
    data: bytes,
    filename: str,
    *,
    check_archive: Callable[[zipfile.ZipFile, int], None] = _default_archive_check,
) -> list[list[str]]:
    """All rows (header included) as lists of strings; blank rows dropped."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        rows = _xlsx_rows(data, check_archive)
    elif name.endswith((".csv", ".txt")):
        rows = _csv_rows(data)
    else:
        raise TableError("bad_type")
    return [row for row in rows if any(row)]


def _csv_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="strict") if _is_gb(data) else ""
        if not text:
            raise TableError("corrupt") from None
    if "\x00" in text:
        raise TableError("bad_type")
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]


def _is_gb(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def _xlsx_rows(data: bytes, check_archive: Callable[[zipfile.ZipFile, int], None]) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        check_archive(zipfile.ZipFile(io.BytesIO(data)), len(data))
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        if isinstance(exc, TableError):
            raise
        raise TableError("corrupt") from exc
    try:
        return [[cell_text(v) for v in row] for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
