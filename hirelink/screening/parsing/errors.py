"""Typed, bilingual errors for résumé files (this package has no Django, so no gettext)."""

from __future__ import annotations

from typing import Final, Literal

ErrorCode = Literal[
    "empty_file",
    "too_large",
    "unsupported_type",
    "type_mismatch",
    "executable",
    "archive",
    "legacy_doc",
    "encrypted_pdf",
    "corrupt_pdf",
    "corrupt_docx",
    "zip_bomb",
    "not_text",
    "no_text",
    "image_unsupported",
]

ERROR_CODES: Final[tuple[str, ...]] = ErrorCode.__args__  # type: ignore[attr-defined]


class ResumeFileError(Exception):
    """A résumé file that cannot be read. ``code`` is stable; the two messages are for people."""

    def __init__(self, code: ErrorCode, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code: ErrorCode = code
        self.message_zh = message_zh
        self.message_en = message_en

    def message(self, language: str = "zh-hans") -> str:
        """The message for a Django language code (``zh-hans``/``zh``… → Chinese, anything else → English)."""
        return self.message_zh if language.lower().startswith("zh") else self.message_en

    def __repr__(self) -> str:
        return f"ResumeFileError({self.code!r}, {self.message_en!r})"
