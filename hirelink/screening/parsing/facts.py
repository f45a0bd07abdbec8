"""Typed résumé facts. ``ResumeFacts.to_dict()`` is the JSON stored on ``candidates.Resume.facts``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

PARSER_VERSION: Final = "1.0.0"

# Degree ladder, same numbers as hirelink.positions.vocabulary.EducationLevel (not imported: no Django here).
DEGREE_LEVELS: Final[dict[str, int]] = {"高中": 10, "中专": 20, "大专": 30, "本科": 40, "硕士": 50, "博士": 60}
DEGREE_EN: Final[dict[str, str]] = {
    "高中": "High school",
    "中专": "Vocational",
    "大专": "Associate",
    "本科": "Bachelor",
    "硕士": "Master",
    "博士": "Doctorate",
}


@dataclass(slots=True)
class Education:
    degree: str | None = None
    """Canonical Chinese level: 高中/中专/大专/本科/硕士/博士 (English in ``degree_en``)."""
    school: str | None = None
    major: str | None = None
    major_category: str | None = None
    """``"<门类>/<专业类>"``, e.g. ``"经济学/金融学类"``."""
    start: str | None = None
    end: str | None = None

    @property
    def degree_level(self) -> int | None:
        return DEGREE_LEVELS.get(self.degree) if self.degree else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "degree": self.degree,
            "school": self.school,
            "major": self.major,
            "major_category": self.major_category,
            "start": self.start,
            "end": self.end,
            "degree_en": DEGREE_EN.get(self.degree) if self.degree else None,
            "degree_level": self.degree_level,
            "major_discipline": self.major_category.split("/")[0] if self.major_category else None,
        }


@dataclass(slots=True)
class Experience:
    employer: str | None = None
    title: str | None = None
    start: str | None = None
    end: str | None = None
    """None while ``is_current`` (至今/present) or when the résumé gives no end."""
    is_internship: bool = False
    is_current: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "employer": self.employer,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "is_internship": self.is_internship,
            "is_current": self.is_current,
        }


@dataclass(slots=True)
class Certificate:
    name: str
    """Canonical label, e.g. ``银行从业资格``, ``CFA Level 2``, ``CET-6``, ``软考 系统架构设计师``."""
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        score: float | int | None = self.score
        if score is not None and float(score).is_integer():
            score = int(score)
        return {"name": self.name, "score": score}


@dataclass(slots=True)
class Language:
    language: str
    """Canonical Chinese name: 普通话, 英语, 粤语, 日语…"""
    language_en: str
    level: str | None = None
    """Best evidence: an exam (``CET-6``, ``IELTS 7.0``, ``JLPT N1``, ``一级乙等``) or a proficiency word."""
    proficiency: str | None = None
    """Normalised self-assessment: 母语/精通/熟练/良好/基础, or None."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "language_en": self.language_en,
            "level": self.level,
            "proficiency": self.proficiency,
        }


@dataclass(slots=True)
class ResumeFacts:
    name: str | None = None
    phone: str | None = None
    """Mainland mobile as 11 digits (``+86``, spaces and dashes removed); else a landline as written."""
    email: str | None = None
    education: list[Education] = field(default_factory=list)
    experience: list[Experience] = field(default_factory=list)
    experience_years: float = 0.0
    """Full-time (non-internship) years, overlapping periods merged, 至今 counted to the parse date."""
    internship_months: int = 0
    skills: list[str] = field(default_factory=list)
    certificates: list[Certificate] = field(default_factory=list)
    languages: list[Language] = field(default_factory=list)

    def highest_degree_level(self) -> int | None:
        """10 高中 … 60 博士 (``EducationLevel`` values), or None when no degree was found."""
        levels = [e.degree_level for e in self.education if e.degree_level is not None]
        return max(levels) if levels else None

    @property
    def highest_education(self) -> Education | None:
        ranked = [e for e in self.education if e.degree_level is not None]
        if not ranked:
            return self.education[0] if self.education else None
        return max(ranked, key=lambda e: (e.degree_level or 0, e.end or ""))

    @property
    def graduation_year(self) -> int | None:
        """Year the highest degree ends (or ended); else the latest education end year."""
        best = self.highest_education
        if best is not None and best.end:
            return int(best.end[:4])
        ends = [int(e.end[:4]) for e in self.education if e.end]
        return max(ends) if ends else None

    @property
    def certificate_names(self) -> list[str]:
        return [c.name for c in self.certificates]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "phone": self.phone,
            "email": self.email,
            "education": [e.to_dict() for e in self.education],
            "experience": [e.to_dict() for e in self.experience],
            "experience_years": self.experience_years,
            "skills": list(self.skills),
            "certificates": self.certificate_names,
            "languages": [lang.to_dict() for lang in self.languages],
            "certificate_details": [c.to_dict() for c in self.certificates],
            "internship_months": self.internship_months,
            "highest_degree": DEGREE_NAME_BY_LEVEL.get(self.highest_degree_level() or 0),
            "highest_degree_level": self.highest_degree_level(),
            "graduation_year": self.graduation_year,
        }


DEGREE_NAME_BY_LEVEL: Final[dict[int, str]] = {level: name for name, level in DEGREE_LEVELS.items()}


@dataclass(slots=True)
class ParsedResume:
    text: str
    """Extracted, normalised text (what the facts were read from; store it for keyword rules)."""
    facts: ResumeFacts
    source_format: str
    """``pdf``, ``docx``, ``txt`` or ``image``."""
    parser_version: str = PARSER_VERSION
    warnings: list[str] = field(default_factory=list)
    ocr_used: bool = False

    @property
    def content_type(self) -> str:
        """MIME type of the detected format (from the content, not the upload's claim)."""
        return CONTENT_TYPES.get(self.source_format, "application/octet-stream")


CONTENT_TYPES: Final[dict[str, str]] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain",
    "image": "image/*",
}
