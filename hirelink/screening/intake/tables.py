"""Rows of a bulk-intake table (CSV in UTF-8/GBK, or Excel .xlsx), with Chinese or English headers."""

from __future__ import annotations

from hirelink.core.tables import TableError, table_rows
from hirelink.screening.errors import IntakeError
from hirelink.screening.intake.archive import check_zip_limits
from hirelink.screening.intake.limits import limit

# Canonical column → accepted headers (lower-cased).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "姓名", "候选人", "candidate"),
    "phone": ("phone", "手机", "手机号", "电话", "mobile"),
    "email": ("email", "e-mail", "邮箱", "电子邮箱"),
    "position": ("position", "position_code", "岗位", "岗位编码", "职位"),
    "resume_text": ("resume_text", "resume", "简历", "简历内容", "简历文本"),
    "resume_file": ("resume_file", "file", "简历文件", "文件", "附件"),
}


def _canonical(header: str) -> str | None:
    key = header.strip().lower()
    for column, names in COLUMNS.items():
        if key in names:
            return column
    return None


def _bad_table() -> IntakeError:
    return IntakeError(
        "bad_table",
        "表格无法读取：请上传 UTF-8 编码的 CSV 或 Excel（.xlsx）文件。",
        "The table cannot be read: upload a UTF-8 CSV or an Excel (.xlsx) file.",
    )


def _raw_rows(data: bytes, filename: str) -> list[list[str]]:
    try:
        return table_rows(
            data, filename, check_archive=lambda archive, size: check_zip_limits(archive, compressed_size=size)
        )
    except TableError as exc:
        raise _bad_table() from exc


def read_rows(data: bytes, filename: str) -> list[dict[str, str]]:
    """Data rows keyed by canonical column. Raises IntakeError when the table is unusable as a whole."""
    rows = [row for row in _raw_rows(data, filename) if any(cell for cell in row)]
    if not rows:
        raise IntakeError("empty_table", "表格没有内容。", "The table is empty.")
    header = [_canonical(h) for h in rows[0]]
    if "name" not in header or ("resume_text" not in header and "resume_file" not in header):
        raise IntakeError(
            "bad_header",
            "表头须包含“姓名”以及“简历内容”或“简历文件”列（也可用 name、resume_text、resume_file）。",
            "The header must have a name column and a resume_text or resume_file column.",
        )
    if len(rows) - 1 > limit("TABLE_MAX_ROWS"):
        raise IntakeError(
            "too_many_rows",
            f"行数过多（上限 {limit('TABLE_MAX_ROWS')} 行）。",
            f"Too many rows (limit {limit('TABLE_MAX_ROWS')}).",
        )
    out: list[dict[str, str]] = []
    for row in rows[1:]:
        item = {col: row[i][:20000] for i, col in enumerate(header) if col and i < len(row)}
        out.append({col: item.get(col, "") for col in COLUMNS})
    return out
