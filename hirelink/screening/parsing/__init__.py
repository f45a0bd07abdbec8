"""Résumé parsing: file bytes → text → ``ResumeFacts``. Pure Python, no Django (tested and benchmarked alone).

Public API::

    parse_resume_bytes(data, filename, *, max_bytes=10 MiB, today=None) -> ParsedResume   # may raise ResumeFileError
    extract_facts(text, *, today=None) -> ResumeFacts
    ResumeFacts.to_dict() / .highest_degree_level() / .graduation_year
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from hirelink.screening.parsing.data.majors import all_categories, lookup_major
from hirelink.screening.parsing.errors import ERROR_CODES, ResumeFileError
from hirelink.screening.parsing.extract import extract_facts
from hirelink.screening.parsing.facts import (
    DEGREE_EN,
    DEGREE_LEVELS,
    PARSER_VERSION,
    Certificate,
    Education,
    Experience,
    Language,
    ParsedResume,
    ResumeFacts,
)
from hirelink.screening.parsing.files import DEFAULT_MAX_BYTES, extract_text, normalise_text, sniff

logger = logging.getLogger(__name__)

MAX_TEXT_CHARS = 60_000

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEGREE_EN",
    "DEGREE_LEVELS",
    "ERROR_CODES",
    "PARSER_VERSION",
    "Certificate",
    "Education",
    "Experience",
    "Language",
    "ParsedResume",
    "ResumeFacts",
    "ResumeFileError",
    "all_categories",
    "extract_facts",
    "lookup_major",
    "parse_resume_bytes",
    "sniff",
]


def parse_resume_bytes(
    data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES, today: dt.date | None = None
) -> ParsedResume:
    """Validate a résumé file by content, extract its text and facts. Raises ``ResumeFileError``."""
    started = time.perf_counter()
    extracted = extract_text(data, filename, max_bytes=max_bytes)
    text = normalise_text(extracted.text)
    warnings = list(extracted.warnings)
    if len(text) > MAX_TEXT_CHARS:  # ~30 pages: anything longer is not a résumé; keep parse time bounded
        text = text[:MAX_TEXT_CHARS]
        warnings.append("text_truncated")
    facts = extract_facts(text, today=today)
    if facts.name is None:
        warnings.append("name_not_found")
    if not facts.education:
        warnings.append("education_not_found")
    if any(job.start is None for job in facts.experience):
        warnings.append("experience_dates_missing")
    logger.info(
        "screening.resume.parsed",
        extra={
            "source_format": extracted.source_format,
            "bytes": len(data),
            "ms": round((time.perf_counter() - started) * 1000, 1),
            "ocr": extracted.ocr_used,
        },
    )
    return ParsedResume(
        text=text,
        facts=facts,
        source_format=extracted.source_format,
        parser_version=PARSER_VERSION,
        warnings=warnings,
        ocr_used=extracted.ocr_used,
    )
