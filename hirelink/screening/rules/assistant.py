"""Requirements assistant: draft conditions from a pasted job description (zh or en).

Pattern-based and offline on purpose: it proposes, HR confirms. Every sentence that says 优先 / preferred /
a plus turns its conditions into *preferred* ones."""

from __future__ import annotations

import re
from typing import Any

from hirelink.screening.rules.vocabulary import LANGUAGES, education_level_of

_CLAUSES = re.compile(r"[。；;\n！!，]|\.(?=\s|$)")
_PREFERRED = re.compile(r"优先|加分|者佳|preferred|a plus|an advantage|advantageous|nice to have|desirable", re.I)
_EDU_ZH = re.compile(r"(全日制)?(大学本科|本科|学士|硕士研究生|硕士|研究生|博士|大专|专科|中专|高中)")
_EDU_EN = re.compile(
    r"(bachelor|master|ph\.?\s?d|doctorate|associate)['’]?s?\s*(?:degree)?(\s+or\s+(?:above|higher))?", re.I
)
_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_EXP_ZH = re.compile(r"([0-9]+(?:\.[0-9])?|[一二两三四五六七八九十])\s*年(?:以上|及以上)?[\u4e00-\u9fa5]{0,10}经验")
_EXP_EN = re.compile(
    r"(?:at least|minimum of|min\.?)?\s*(\d+(?:\.\d)?)\+?\s*(?:years?|yrs?)['’]?\s*"
    r"(?:of\s+)?(?:[a-z\-]+\s+){0,3}experience",
    re.I,
)
_MAJOR_ZH = re.compile(r"([\u4e00-\u9fa5、/，,及和或与]{2,40}?)(?:等)?(?:相关)?专业")
_MAJOR_EN = re.compile(
    r"(?:degree|major|background)(?:\s+or\s+(?:above|higher))?\s+in\s+([a-z ,/&]+?)"
    r"(?:,?\s+or\s+(?:a\s+)?related|\s+or\s+similar|$)",
    re.I,
)
_MAJOR_SPLIT = re.compile(r"[、/，,]|及|和|或|与|\band\b|\bor\b", re.I)
_MAJOR_STOP = {"相关", "等", "以上", "全日制", "本科", "硕士", "学历", "统招", "专业", "所学", "要求", "a", "the"}
CATEGORY_HINTS: dict[str, str] = {
    "金融": "金融学类",
    "finance": "金融学类",
    "经济": "经济学类",
    "economics": "经济学类",
    "计算机": "计算机类",
    "computer": "计算机类",
    "软件": "计算机类",
    "software": "计算机类",
    "数学": "数学类",
    "mathematics": "数学类",
    "统计": "统计学类",
    "statistics": "统计学类",
    "法学": "法学类",
    "法律": "法学类",
    "law": "法学类",
    "电子": "电子信息类",
    "通信": "电子信息类",
}
CERTIFICATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("银行从业资格", re.compile(r"银行从业|banking qualification", re.I)),
    ("证券从业资格", re.compile(r"证券从业", re.I)),
    ("基金从业资格", re.compile(r"基金从业", re.I)),
    ("CFA", re.compile(r"(?<![A-Za-z])CFA(?![A-Za-z])|特许金融分析师", re.I)),
    ("FRM", re.compile(r"(?<![A-Za-z])FRM(?![A-Za-z])", re.I)),
    ("注册会计师", re.compile(r"(?<![A-Za-z])CPA(?![A-Za-z])|注册会计师|(?<![A-Za-z])CICPA(?![A-Za-z])", re.I)),
    ("ACCA", re.compile(r"(?<![A-Za-z])ACCA(?![A-Za-z])", re.I)),
    ("软考", re.compile(r"软考|软件设计师|系统架构设计师", re.I)),
    ("PMP", re.compile(r"(?<![A-Za-z])PMP(?![A-Za-z])", re.I)),
    ("法律职业资格", re.compile(r"法律职业资格|司法考试", re.I)),
    ("CISSP", re.compile(r"(?<![A-Za-z])CISSP(?![A-Za-z])", re.I)),
)
_LANG_PATTERNS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("en", "TEM-8", re.compile(r"专业?八级|专八|TEM[\s-]?8", re.I)),
    ("en", "TEM-4", re.compile(r"专业?四级|专四|TEM[\s-]?4", re.I)),
    ("en", "CET-6", re.compile(r"CET[\s-]?6|英语六级|大学英语六级|六级", re.I)),
    ("en", "CET-4", re.compile(r"CET[\s-]?4|英语四级|大学英语四级|四级", re.I)),
    ("ja", "JLPT N1", re.compile(r"(?<![A-Za-z])N1(?![0-9])|日语一级", re.I)),
    ("ja", "JLPT N2", re.compile(r"(?<![A-Za-z])N2(?![0-9])|日语二级", re.I)),
    ("zh", "二级甲等", re.compile(r"普通话二级甲等|普通话二甲")),
    ("zh", "一级乙等", re.compile(r"普通话一级乙等|普通话一乙")),
)
_IELTS = re.compile(r"(?:IELTS|雅思)\D{0,6}(\d(?:\.\d)?)", re.I)
_TOEFL = re.compile(r"(?:TOEFL|托福)\D{0,8}(\d{2,3})", re.I)


def _condition(ctype: str, operator: str, params: dict[str, Any], *, preferred: bool) -> dict[str, Any]:
    return {"type": ctype, "operator": operator, "params": params, "required": not preferred}


def _nearest_ielts(score: float) -> str:
    labels = [label for label, _v in LANGUAGES["en"].levels if label.startswith("IELTS")]
    best = max((lab for lab in labels if float(lab.split()[1]) <= score), default=labels[0], key=lambda s: s)
    return best


def _toefl_label(score: int) -> str:
    return "TOEFL 100" if score >= 100 else "TOEFL 95" if score >= 95 else "TOEFL 80"


def draft_conditions(description: str) -> dict[str, Any]:
    """A definition tree (AND at the root) drafted from a job description. Returns an empty AND group with no
    children when nothing is recognised; callers show a message instead of saving that."""
    required_levels: list[int] = []
    preferred_levels: list[int] = []
    years: list[tuple[float, bool]] = []
    majors: list[str] = []
    certificates: dict[str, bool] = {}
    languages: dict[tuple[str, str], bool] = {}
    for clause in (c.strip() for c in _CLAUSES.split(description)):
        if not clause:
            continue
        preferred = bool(_PREFERRED.search(clause))
        for match in _EDU_ZH.finditer(clause):
            level = education_level_of(match.group(2))
            if level is not None:
                (preferred_levels if preferred else required_levels).append(level)
        for match in _EDU_EN.finditer(clause):
            level = education_level_of(match.group(1))
            if level is not None:
                (preferred_levels if preferred else required_levels).append(level)
        for match in _EXP_ZH.finditer(clause):
            raw = match.group(1)
            years.append((float(_CN_NUM.get(raw, 0) or raw), preferred))
        for match in _EXP_EN.finditer(clause):
            years.append((float(match.group(1)), preferred))
        for match in [*_MAJOR_ZH.finditer(clause), *_MAJOR_EN.finditer(clause)]:
            for part in _MAJOR_SPLIT.split(match.group(1)):
                word = part.strip().strip("等").strip()
                for stop in ("所学", "学历", "本科", "硕士", "全日制", "统招", "要求", "具有", "具备"):
                    word = word.replace(stop, "")
                if len(word) >= 2 and word.lower() not in _MAJOR_STOP and word not in majors:
                    majors.append(word)
        for name, pattern in CERTIFICATES:
            if pattern.search(clause):
                certificates[name] = certificates.get(name, True) and preferred
        for code, label, pattern in _LANG_PATTERNS:
            if pattern.search(clause):
                languages[(code, label)] = languages.get((code, label), True) and preferred
        for raw in _IELTS.findall(clause):
            languages[("en", _nearest_ielts(float(raw)))] = preferred
        for raw in _TOEFL.findall(clause):
            languages[("en", _toefl_label(int(raw)))] = preferred

    children: list[dict[str, Any]] = []
    if required_levels:
        children.append(_condition("education", "gte", {"level": min(required_levels)}, preferred=False))
    higher = [lvl for lvl in preferred_levels if not required_levels or lvl > min(required_levels)]
    if higher:
        children.append(_condition("education", "gte", {"level": min(higher)}, preferred=True))
    if years:
        required_years = [y for y, pref in years if not pref]
        value = min(required_years) if required_years else min(y for y, _p in years)
        children.append(_condition("experience", "gte", {"years": value}, preferred=not required_years))
    if majors:
        categories = sorted({cat for word in majors for key, cat in CATEGORY_HINTS.items() if key in word.lower()})
        children.append(_condition("major", "in", {"majors": majors[:12], "categories": categories}, preferred=False))
    for name, preferred in certificates.items():
        children.append(_condition("certificate", "any", {"certificates": [name]}, preferred=preferred))
    # Keep only the strictest English level among the required ones; every distinct preferred one stays.
    english_required = [lvl for (code, lvl), pref in languages.items() if code == "en" and not pref]
    scores = dict(LANGUAGES["en"].levels)
    strictest = max(english_required, key=lambda lvl: scores[lvl]) if english_required else None
    for (code, label), preferred in languages.items():
        if code == "en" and not preferred and label != strictest:
            continue
        children.append(_condition("language", "gte", {"language": code, "level": label}, preferred=preferred))
    return {"logic": "and", "children": children}
