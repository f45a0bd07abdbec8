"""The facts a rule set is evaluated against, prepared once per application from parsed résumé facts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hirelink.screening.rules.vocabulary import (
    category_tokens,
    education_level_of,
    language_of,
    level_score,
    normalise_certificate,
    normalise_city,
)

_YEAR = re.compile(r"(19|20)\d{2}")
_CITY = re.compile(
    r"(?:现居|居住地|所在城市|所在地|现居住地|current city|location|based in)\s*[:：]?\s*([^\s,，;；|/]{2,20})", re.I
)
_WILLING = re.compile(
    r"服从(?:分配|调剂)|接受(?:调剂|外派|异地|全国)|愿意(?:到|去|接受)?(?:异地|外地|外派|调剂)"
    r"|willing to relocate|open to relocation",
    re.I,
)
_LANGUAGE_HINT = re.compile(
    r"(?:ielts|雅思|toefl|托福|cet[\s-]?[46]|英语[四六]级|大学英语[四六]级|tem[\s-]?[48]|专[四八]|jlpt\s*n[1-5]|日语[一二三四五1-5]级|普通话[一二三]级[甲乙]等)[^\n,，;；]{0,12}",
    re.I,
)


@dataclass(slots=True)
class Subject:
    education_level: int | None = None
    majors: tuple[str, ...] = ()
    major_categories: frozenset[str] = frozenset()
    experience_years: float = 0.0
    certificates: tuple[str, ...] = ()
    certificates_normalised: tuple[tuple[str, str], ...] = ()
    languages: dict[str, tuple[float, str]] = field(default_factory=dict)
    graduation_year: int | None = None
    city: str = ""
    city_key: str = ""
    willing_to_relocate: bool = False
    text: str = ""
    skills: tuple[str, ...] = ()


def _year(value: Any) -> int | None:
    match = _YEAR.search(str(value or ""))
    return int(match.group(0)) if match else None


def _as_text(item: Any) -> str:
    if isinstance(item, dict):
        return " ".join(str(v) for v in item.values() if v)
    return str(item or "")


def text_language_hints(text: str) -> list[str]:
    return [m.group(0) for m in _LANGUAGE_HINT.finditer(text)]


def text_city(text: str) -> str:
    match = _CITY.search(text)
    return match.group(1) if match else ""


def enrich_facts(facts: dict[str, Any], *, text: str) -> dict[str, Any]:
    """Facts plus what the rule engine would otherwise read from the text on every evaluation (city, willingness
    to relocate, language certificates mentioned in the text). Done once at intake and stored with the résumé."""
    enriched = dict(facts)
    if not enriched.get("city"):
        enriched["city"] = text_city(text)
    if not isinstance(enriched.get("willing_to_relocate"), bool):
        enriched["willing_to_relocate"] = bool(_WILLING.search(text))
    enriched["text_languages"] = text_language_hints(text)
    return enriched


def subject_from_facts(facts: dict[str, Any], *, text: str = "") -> Subject:
    """Build the evaluation subject. Accepts the parser's facts dict (extra keys allowed: `highest_degree_level`,
    `graduation_year`, `city`, `willing_to_relocate`) plus the résumé text for keyword and language rules."""
    education = [e for e in facts.get("education") or [] if isinstance(e, dict)]
    levels = [education_level_of(str(e.get("degree") or "")) for e in education]
    known_levels = [lvl for lvl in levels if lvl is not None]
    level = facts.get("highest_degree_level")
    if not isinstance(level, int):
        level = max(known_levels) if known_levels else None
    graduation = facts.get("graduation_year")
    if not isinstance(graduation, int):
        years = [y for y in (_year(e.get("end")) for e in education) if y is not None]
        graduation = max(years) if years else None
    categories: set[str] = set()
    for entry in education:
        categories |= category_tokens(str(entry.get("major_category") or ""))
    majors = tuple(str(e.get("major") or "").strip() for e in education if e.get("major"))
    certificates = tuple(_as_text(c) for c in facts.get("certificates") or [] if _as_text(c))
    language_texts = [
        f"{item.get('language') or ''} {item.get('level') or item.get('proficiency') or ''}".strip()
        if isinstance(item, dict)
        else _as_text(item)
        for item in facts.get("languages") or []
    ]
    language_texts += list(certificates)
    hints = facts.get("text_languages")
    language_texts += hints if isinstance(hints, list) else text_language_hints(text)
    languages: dict[str, tuple[float, str]] = {}
    for item in dict.fromkeys(language_texts):
        code = language_of(item)
        if code is None:
            continue
        score = level_score(code, item)
        if score is not None and (code not in languages or score > languages[code][0]):
            languages[code] = (score, item.strip()[:40])
    city = str(facts["city"] or "") if "city" in facts else text_city(text)
    willing = facts.get("willing_to_relocate")
    if not isinstance(willing, bool):
        willing = bool(_WILLING.search(text))
    try:
        experience = float(facts.get("experience_years") or 0)
    except (TypeError, ValueError):
        experience = 0.0
    skills = tuple(str(s) for s in facts.get("skills") or [])
    return Subject(
        education_level=level,
        majors=majors,
        major_categories=frozenset(categories),
        experience_years=experience,
        certificates=certificates,
        certificates_normalised=tuple((c, normalise_certificate(c)) for c in certificates),
        languages=languages,
        graduation_year=graduation,
        city=city,
        city_key=normalise_city(city) if city else "",
        willing_to_relocate=willing,
        text=(text + "\n" + " ".join(skills)).lower(),
        skills=skills,
    )
