"""Text → ``ResumeFacts``."""

from __future__ import annotations

import datetime as dt

from hirelink.screening.parsing.attributes import extract_certificates, extract_languages, extract_skills
from hirelink.screening.parsing.entries import (
    extract_education,
    extract_experience,
    find_email,
    find_name,
    find_phone,
    merged_months,
)
from hirelink.screening.parsing.facts import ResumeFacts
from hirelink.screening.parsing.files import normalise_text
from hirelink.screening.parsing.text import split_sections


def extract_facts(text: str, *, today: dt.date | None = None) -> ResumeFacts:
    """Facts from résumé text. ``today`` closes 至今/present periods (default: the current date)."""
    text = normalise_text(text)
    lines = split_sections(text)
    education = extract_education(lines)
    experience = extract_experience(lines)
    certificates = extract_certificates(lines)
    now = today or dt.date.today()  # noqa: DTZ011 - a calendar month, not an instant
    now_ym = f"{now.year:04d}-{now.month:02d}"

    def periods(internship: bool) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for job in experience:
            if job.is_internship != internship or job.start is None:
                continue
            end = now_ym if job.is_current else job.end
            if end is not None:
                out.append((job.start, min(end, now_ym)))
        return out

    return ResumeFacts(
        name=find_name(lines),
        phone=find_phone(text),
        email=find_email(text),
        education=education,
        experience=experience,
        experience_years=round(merged_months(periods(internship=False)) / 12, 1),
        internship_months=merged_months(periods(internship=True)),
        skills=extract_skills(text),
        certificates=certificates,
        languages=extract_languages(lines, certificates),
    )
