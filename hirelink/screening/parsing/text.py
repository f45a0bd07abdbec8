"""Shared text helpers: dates and date ranges, section splitting, line classification."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from hirelink.screening.parsing.data.lexicon import SECTION_HEADINGS

_MONTHS: Final[dict[str, int]] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
DATE_PATTERN: Final = (
    r"(?:(?P<mon>\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?),?\s*(?P<y1>" + _YEAR + r")"
    r"|(?<![\d.])(?P<m2>0?[1-9]|1[0-2])\s*/\s*(?P<y2>" + _YEAR + r")"
    r"|(?P<y3>" + _YEAR + r")(?!\d)\s*(?:(?:[./年]|-(?=\s*\d{1,2}(?!\d)))\s*(?P<m3>1[0-2]|0?[1-9])(?!\d)\s*月?"
    r"|\s*年)?)"
)
PRESENT_PATTERN: Final = r"(?:至今|迄今|今|现在|目前|present|now|current|today|ongoing)"
_SEP = r"\s*(?:-|to|至|到|~|—|–)\s*"
DATE_RE: Final = re.compile(DATE_PATTERN, re.IGNORECASE)
RANGE_RE: Final = re.compile(
    "(?P<a>" + DATE_PATTERN.replace("?P<", "?P<a_") + ")" + _SEP
    + "(?:(?P<b>" + DATE_PATTERN.replace("?P<", "?P<b_") + ")|(?P<now>" + PRESENT_PATTERN + r"))",
    re.IGNORECASE,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str | None
    end: str | None
    current: bool
    span: tuple[int, int]


def _ym(match: re.Match[str], prefix: str = "") -> str | None:
    g = match.groupdict()
    if g.get(prefix + "y1"):
        return f"{g[prefix + 'y1']}-{_MONTHS[g[prefix + 'mon'][:3].lower()]:02d}"
    if g.get(prefix + "y2"):
        return f"{g[prefix + 'y2']}-{int(g[prefix + 'm2']):02d}"
    if g.get(prefix + "y3"):
        month = g.get(prefix + "m3")
        # Year-only dates are recorded as January of that year (documented in ADR 0010).
        return f"{g[prefix + 'y3']}-{int(month) if month else 1:02d}"
    return None


def parse_date(text: str) -> str | None:
    """``2019.09``, ``2019/9``, ``2019年9月``, ``Sep 2019``, ``09/2019``, ``2019-09`` → ``"2019-09"``."""
    match = DATE_RE.search(text)
    return _ym(match) if match else None


def find_range(line: str) -> DateRange | None:
    """The first date range on a line (``2019.07 - 至今`` → current), else a single date as the end."""
    match = RANGE_RE.search(line)
    if match:
        start = _ym(match, "a_")
        if match.group("now"):
            return DateRange(start, None, True, match.span())
        end = _ym(match, "b_")
        if start and end and end < start:
            start, end = end, start
        return DateRange(start, end, False, match.span())
    single = DATE_RE.search(line)
    if single:
        return DateRange(None, _ym(single), False, single.span())
    return None


# ---------------------------------------------------------------------------------------------- sections
_DECOR = re.compile(r"^[\s\-_=#*>·•●■◆▪□◇○★☆【\[(|/]+|[\s\-_=#*·•●■◆▪□◇○★☆】\])|:/]+$")
_HEADING_INDEX: Final[dict[str, str]] = {
    alias.replace(" ", "").lower(): key for key, aliases in SECTION_HEADINGS.items() for alias in aliases
}


def _heading_key(candidate: str) -> str | None:
    key = candidate.replace(" ", "").lower()
    return _HEADING_INDEX.get(key)


def heading_of(line: str) -> tuple[str, str] | None:
    """(section key, rest of line) when the line is a section heading, e.g. ``"【教育背景】"`` or
    ``"证书：CFA 二级"`` (→ rest ``"CFA 二级"``) or ``"教育背景 Education"``."""
    stripped = _DECOR.sub("", line).strip()
    if not stripped or len(stripped) > 40:
        return None
    key = _heading_key(stripped)
    if key:
        return key, ""
    # bilingual headings: "教育背景 Education", "Education / 教育背景"
    parts = [
        p
        for p in re.split(
            r"\s*[/|]\s*|(?<=[\u4e00-\u9fff])\s*(?=[A-Za-z])|(?<=[A-Za-z])\s*(?=[\u4e00-\u9fff])", stripped
        )
        if p
    ]
    if 1 < len(parts) <= 3 and all(_heading_key(p) for p in parts):
        return _heading_key(parts[0]) or "", ""
    match = re.match(r"^([^:：|｜]{1,24}?)\s*[:：|｜]\s*(.*)$", _DECOR.sub("", line.strip(" \t")))
    if match:
        key = _heading_key(match.group(1))
        if key:
            return key, match.group(2).strip()
    return None


MAX_LINE: Final = 300


def _bounded_lines(text: str) -> list[str]:
    """Lines of at most MAX_LINE characters (split at sentence ends, then hard): keeps every regex linear."""
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= MAX_LINE:
            out.append(line)
            continue
        for sentence in re.split(r"(?<=[。；;!?！？])", line):
            out.extend(sentence[i : i + MAX_LINE] for i in range(0, len(sentence), MAX_LINE))
    return out


@dataclass(slots=True)
class Line:
    text: str
    section: str
    index: int


def split_sections(text: str) -> list[Line]:
    """Every non-empty line tagged with the section it is in (``"top"`` before the first heading)."""
    out: list[Line] = []
    section = "top"
    for index, raw in enumerate(_bounded_lines(text)):
        line = raw.strip()
        if not line:
            continue
        heading = heading_of(line)
        if heading is not None:
            section = heading[0]
            if heading[1]:
                out.append(Line(heading[1], section, index))
            continue
        out.append(Line(line, section, index))
    return out


_BULLET = re.compile(r"^(?:[-•·●▪*◦>➢✓√]|\d{1,2}\s*[.、)）]\s*(?!\d))")
_DESC_START = re.compile(
    r"^(?:负责|参与|协助|完成|主要|主导|带领|通过|获得|熟悉|掌握|配合|独立|根据|针对|利用|使用|开展|组织|"
    r"主修|核心课程|相关课程|课程|GPA|绩点|成绩|排名|荣誉|奖项|研究方向|论文|毕业论文|描述|工作内容|职责|"
    r"responsible|relevant|courses?|coursework|gpa|thesis|honou?rs|awards?|achievements?|"
    r"(?:led|built|ran|won|drove|grew|cut|wrote|made|"
    r"manage|develop|design|build|lead|work|support|analy[sz]e|prepare|conduct|assist)(?:s|ing)?\s+[a-z])",
    re.IGNORECASE,
)
_EN_VERB = re.compile(r"^[A-Z][a-z]{2,}ed\s+[a-z]")


def is_description(line: str) -> bool:
    """Bullet points and sentences describing duties, courses or grades (not entry headers)."""
    if _BULLET.match(line):
        return True
    if _DESC_START.match(line) or _EN_VERB.match(line):
        return True
    if "。" in line or (line.endswith((".", ";", "；")) and len(line) > 30):
        return True
    return len(line) > 60 and RANGE_RE.search(line) is None
