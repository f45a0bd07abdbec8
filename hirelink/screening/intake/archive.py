"""Safe ZIP handling. Everything is decided from the central directory BEFORE a byte is decompressed:
entry count, total declared size, compression ratio (zip bombs), names (path traversal, absolute paths,
backslashes), nested archives and encrypted entries. Reading an entry is then capped at the declared size, so a
lying header cannot inflate past the limits either."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from hirelink.screening.errors import IntakeError
from hirelink.screening.intake.limits import limit

NESTED_ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".jar", ".cab")
TABLE_SUFFIXES = (".csv", ".xlsx")
_DRIVE = re.compile(r"^[a-zA-Z]:")
_JUNK = ("__macosx/", ".ds_store", "thumbs.db")


@dataclass(frozen=True)
class Entry:
    name: str
    size: int
    error: IntakeError | None = None

    @property
    def is_table(self) -> bool:
        return self.name.lower().endswith(TABLE_SUFFIXES)


def _bad_name(name: str) -> IntakeError | None:
    if "\\" in name or name.startswith("/") or _DRIVE.match(name) or "\x00" in name:
        return IntakeError(
            "unsafe_path",
            f"压缩包中的文件名不安全（{name[:80]}），已跳过。",
            f"Unsafe file name in the archive ({name[:80]}); skipped.",
        )
    if any(part == ".." for part in name.split("/")) or posixpath.normpath(name).startswith(".."):
        return IntakeError(
            "unsafe_path",
            f"压缩包中的文件名包含路径穿越（{name[:80]}），已跳过。",
            f"Path traversal in the archive's file name ({name[:80]}); skipped.",
        )
    return None


def open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IntakeError(
            "corrupt_archive", "压缩包已损坏，无法读取。", "The archive is corrupt and cannot be read."
        ) from exc


def check_zip_limits(archive: zipfile.ZipFile, *, compressed_size: int) -> None:
    """Refuse the whole archive when it looks like a bomb. Uses only the central directory."""
    infos = archive.infolist()
    if len(infos) > limit("ZIP_MAX_ENTRIES"):
        raise IntakeError(
            "zip_too_many_entries",
            f"压缩包内文件过多（{len(infos)} 个，上限 {limit('ZIP_MAX_ENTRIES')} 个），未处理任何文件。",
            f"The archive holds too many files ({len(infos)}, limit {limit('ZIP_MAX_ENTRIES')}); "
            "nothing was processed.",
        )
    total = sum(info.file_size for info in infos)
    if total > limit("ZIP_MAX_TOTAL_BYTES"):
        mb = limit("ZIP_MAX_TOTAL_BYTES") // (1024 * 1024)
        raise IntakeError(
            "zip_too_large",
            f"压缩包解压后过大（上限 {mb} MB），疑似压缩炸弹，未处理任何文件。",
            f"The archive expands beyond {mb} MB (possible zip bomb); nothing was processed.",
        )
    ratio_limit = limit("ZIP_MAX_RATIO")
    overall = total / max(compressed_size, 1)
    worst = max(
        (info.file_size / max(info.compress_size, 1) for info in infos if info.file_size > 64 * 1024),
        default=0.0,
    )
    if overall > ratio_limit or worst > ratio_limit:
        raise IntakeError(
            "zip_bomb",
            f"压缩包压缩比异常（超过 {ratio_limit}:1），疑似压缩炸弹，未处理任何文件。",
            f"The archive's compression ratio exceeds {ratio_limit}:1 (possible zip bomb); nothing was processed.",
        )


def list_entries(archive: zipfile.ZipFile) -> list[Entry]:
    """Every file entry with a per-entry refusal when it cannot be used (the others go on)."""
    entries: list[Entry] = []
    max_bytes = limit("RESUME_MAX_BYTES")
    for info in archive.infolist():
        name = info.filename
        lowered = name.lower()
        if info.is_dir() or any(lowered.startswith(j) or lowered.endswith(j) for j in _JUNK):
            continue
        base = posixpath.basename(name)
        if base.startswith("._"):
            continue
        error = _bad_name(name)
        if error is None and lowered.endswith(NESTED_ARCHIVE_SUFFIXES):
            error = IntakeError(
                "nested_archive",
                f"不支持压缩包嵌套（{base}），请解压后单独上传。",
                f"Nested archives are not supported ({base}); extract it and upload its files.",
            )
        if error is None and info.flag_bits & 0x1:
            error = IntakeError(
                "encrypted_entry",
                f"文件已加密（{base}），请去除密码后重新上传。",
                f"The file is password-protected ({base}); remove the password and upload again.",
            )
        if error is None and info.file_size > max_bytes:
            error = IntakeError(
                "too_large",
                f"文件过大（{base}，上限 {max_bytes // (1024 * 1024)} MB）。",
                f"The file is too large ({base}, limit {max_bytes // (1024 * 1024)} MB).",
            )
        entries.append(Entry(name=name, size=info.file_size, error=error))
    return entries


def read_entry(archive: zipfile.ZipFile, name: str, *, max_bytes: int) -> bytes:
    """Read one member, never more than `max_bytes` (+1 to detect a lying header)."""
    error = _bad_name(name)
    if error is not None:
        raise error
    try:
        with archive.open(name) as handle:
            data = handle.read(max_bytes + 1)
    except KeyError as exc:
        raise IntakeError(
            "missing_entry", f"压缩包中找不到文件：{name[:80]}", f"File not found in the archive: {name[:80]}"
        ) from exc
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as exc:
        raise IntakeError(
            "corrupt_entry", f"压缩包中的文件已损坏：{name[:80]}", f"The file in the archive is corrupt: {name[:80]}"
        ) from exc
    if len(data) > max_bytes:
        raise IntakeError(
            "too_large",
            f"文件过大（{posixpath.basename(name)}，上限 {max_bytes // (1024 * 1024)} MB）。",
            f"The file is too large ({posixpath.basename(name)}, limit {max_bytes // (1024 * 1024)} MB).",
        )
    return data
