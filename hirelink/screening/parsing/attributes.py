"""Skills, certificates and languages — dictionary and pattern based, Chinese and English."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from hirelink.screening.parsing.data.lexicon import LANGUAGES, PROFICIENCY_WORDS, SKILLS, SKILLS_CASE_SENSITIVE
from hirelink.screening.parsing.facts import Certificate, Language
from hirelink.screening.parsing.text import Line

# ------------------------------------------------------------------------------------------------ skills


def _alias_pattern(alias: str) -> str:
    escaped = re.escape(alias)
    if re.search(r"[\u4e00-\u9fff]", alias):
        return escaped + r"(?!师)"  # 项目管理师, 理财规划师 are certificates, not the skill
    return r"(?<![A-Za-z0-9])" + escaped + r"(?![A-Za-z0-9+#&])"


def _build_skill_regex(case_sensitive: bool) -> tuple[re.Pattern[str], dict[str, str]]:
    lookup: dict[str, str] = {}
    for canonical, aliases in SKILLS.items():
        names = (canonical, *aliases) if canonical in SKILLS_CASE_SENSITIVE else (canonical.lower(), *aliases)
        for alias in names:
            strict = canonical in SKILLS_CASE_SENSITIVE and alias == canonical
            if strict == case_sensitive:
                lookup[alias if case_sensitive else alias.lower()] = canonical
    pattern = "|".join(_alias_pattern(a) for a in sorted(lookup, key=len, reverse=True))
    return re.compile(pattern, 0 if case_sensitive else re.IGNORECASE), lookup


_SKILL_CI, _SKILL_CI_MAP = _build_skill_regex(case_sensitive=False)
_SKILL_CS, _SKILL_CS_MAP = _build_skill_regex(case_sensitive=True)


def extract_skills(text: str) -> list[str]:
    """Canonical skill names in order of first mention."""
    found: list[tuple[int, str]] = []
    for match in _SKILL_CI.finditer(text):
        found.append((match.start(), _SKILL_CI_MAP[match.group(0).lower()]))
    for match in _SKILL_CS.finditer(text):
        found.append((match.start(), _SKILL_CS_MAP[match.group(0)]))
    seen: list[str] = []
    for _pos, name in sorted(found):
        if name not in seen:
            seen.append(name)
    return seen


# ------------------------------------------------------------------------------------------ certificates
_LEVEL_WORDS: Final[dict[str, int]] = {
    "一": 1, "二": 2, "三": 3, "1": 1, "2": 2, "3": 3, "i": 1, "ii": 2, "iii": 3,
}  # fmt: skip
_ROMAN_OR_DIGIT = r"(?:III|II|I|[123一二三])"


@dataclass(frozen=True, slots=True)
class _CertPattern:
    regex: re.Pattern[str]
    name: str
    needs_context: bool = False
    """Ambiguous with a job title or school subject: only counted in certificate/skill lines."""


def _p(pattern: str, name: str, *, context: bool = False, flags: int = re.IGNORECASE) -> _CertPattern:
    return _CertPattern(re.compile(pattern, flags), name, context)


_SOFT_EXAMS: Final = (
    "系统架构设计师", "系统分析师", "信息系统项目管理师", "网络规划设计师", "系统规划与管理师",
    "软件设计师", "网络工程师", "信息安全工程师", "数据库系统工程师", "系统集成项目管理工程师",
    "嵌入式系统设计师", "软件评测师", "程序员",
)  # fmt: skip
_CERTS: Final[tuple[_CertPattern, ...]] = (
    _p(r"银行(?:业)?(?:专业人员)?(?:职业)?从业资格|银行业专业人员职业资格|银行从业", "银行从业资格"),
    _p(r"证券(?:业)?从业(?:资格|人员)?|证券从业|\bSAC\b", "证券从业资格"),
    _p(r"基金(?:业)?从业(?:资格)?|基金从业", "基金从业资格"),
    _p(r"期货(?:业)?从业(?:资格)?", "期货从业资格"),
    _p(r"保险(?:业)?从业(?:资格)?|保险代理人资格", "保险从业资格"),
    _p(r"会计从业资格", "会计从业资格"),
    _p(r"初级会计(?:职称|师|专业技术资格)", "初级会计职称"),
    _p(r"中级会计(?:职称|师|专业技术资格)", "中级会计职称"),
    _p(r"(?<![A-Za-z])CPA(?![A-Za-z])|注册会计师(?!协会)", "CPA"),
    _p(r"(?<![A-Za-z])ACCA(?![A-Za-z])", "ACCA"),
    _p(r"(?<![A-Za-z])CMA(?![A-Za-z])|美国注册管理会计师", "CMA"),
    _p(r"(?<![A-Za-z])CIA(?![A-Za-z])|国际注册内部审计师", "CIA"),
    _p(r"(?<![A-Za-z])CISA(?![A-Za-z])", "CISA"),
    _p(r"(?<![A-Za-z])CFA(?![A-Za-z])|特许金融分析师", "CFA"),
    _p(r"(?<![A-Za-z])FRM(?![A-Za-z])|金融风险管理师", "FRM"),
    _p(r"(?<![A-Za-z])CFP(?![A-Za-z])|国际金融理财师", "CFP"),
    _p(r"(?<![A-Za-z])AFP(?![A-Za-z])|(?<!国际)金融理财师", "AFP"),
    _p(r"(?<![A-Za-z])PMP(?![A-Za-z])|项目管理专业人士", "PMP"),
    _p(r"法律职业资格|司法考试|(?<![A-Za-z])法考", "法律职业资格"),
    _p(r"教师资格", "教师资格"),
    _p(r"(?:企业)?人力资源管理师", "人力资源管理师"),
    _p(r"CET\s*-?\s*6|(?:大学)?英语六级|(?<![\u4e00-\u9fff])六级", "CET-6"),
    _p(r"CET\s*-?\s*4|(?:大学)?英语四级|(?<![\u4e00-\u9fff])四级(?=\s*[(（:：]?\s*\d{3})", "CET-4"),
    _p(r"TEM\s*-?\s*8|(?:英语)?专业八级|英语专八|专八", "TEM-8"),
    _p(r"TEM\s*-?\s*4|(?:英语)?专业四级|英语专四|专四", "TEM-4"),
    _p(r"(?<![A-Za-z])IELTS(?![A-Za-z])|雅思", "IELTS"),
    _p(r"(?<![A-Za-z])TOEFL(?![A-Za-z])|托福", "TOEFL"),
    _p(
        r"(?<![A-Za-z])JLPT\s*N?[1-5]|日语(?:能力(?:考试|测试)?)?\s*[(（]?\s*N[1-5]|(?<![A-Za-z0-9])N[1-5](?=\s*(?:级|证书|日语))",
        "JLPT",
    ),
    _p(r"(?:全国)?计算机(?:等级)?(?:考试)?\s*(?:[一二三四1-4])\s*级|NCRE", "计算机等级考试"),
    _p(r"软考|计算机技术与软件专业技术资格", "软考"),
    *(_p(re.escape(exam), f"软考 {exam}", context=True, flags=0) for exam in _SOFT_EXAMS),
)
_CERT_CONTEXT_SECTIONS: Final = frozenset({"certificates", "skills", "languages", "awards"})
_CERT_CONTEXT_WORDS: Final = re.compile(r"软考|证书|资格|通过|获得|持有|certified|certificate", re.IGNORECASE)


def _cert_label(pattern: _CertPattern, line: str, start: int) -> tuple[str, float | None]:
    window = line[start : start + 40]
    if pattern.name in ("CFA", "FRM"):
        lv = re.search(
            r"^(?:CFA|FRM|特许金融分析师|金融风险管理师)\s*(?:Level|Part|L)?\s*("
            + _ROMAN_OR_DIGIT
            + r")(?![A-Za-z])\s*级?",
            window,
            re.IGNORECASE,
        ) or re.search(r"^(?:CFA|FRM)[^\n,，;；|]{0,12}?(?:Level|Part)\s*(" + _ROMAN_OR_DIGIT + r")\b", window)
        if lv:
            level = _LEVEL_WORDS[lv.group(1).lower()]
            return (f"CFA Level {level}" if pattern.name == "CFA" else f"FRM Part {level}"), None
        return pattern.name, None
    if pattern.name == "JLPT":
        lv = re.search(r"N([1-5])", window)
        return (f"JLPT N{lv.group(1)}" if lv else "JLPT"), None
    if pattern.name == "计算机等级考试":
        lv = re.search(r"([一二三四1-4])\s*级", window)
        names = {"1": "一", "2": "二", "3": "三", "4": "四"}
        return (f"计算机等级考试{names.get(lv.group(1), lv.group(1))}级" if lv else pattern.name), None
    if pattern.name in ("CET-6", "CET-4", "TEM-8", "TEM-4"):
        score = re.search(r"^\S*?[^\d]{0,8}?(?<!\d)([2-6]\d{2}|7[01]\d)(?!\d)", window)
        return pattern.name, float(score.group(1)) if score else None
    if pattern.name == "IELTS":
        score = re.search(r"(?<![\d.])([4-9](?:\.[05])?)(?![\d])", window)
        return pattern.name, float(score.group(1)) if score else None
    if pattern.name == "TOEFL":
        score = re.search(r"(?<!\d)(\d{2,3})(?!\d)", window)
        value = float(score.group(1)) if score else None
        return pattern.name, value if value is not None and value <= 120 else None
    return pattern.name, None


def extract_certificates(lines: list[Line]) -> list[Certificate]:
    found: list[tuple[int, int, Certificate]] = []
    for line in lines:
        context = line.section in _CERT_CONTEXT_SECTIONS or bool(_CERT_CONTEXT_WORDS.search(line.text))
        taken: list[tuple[int, int]] = []
        for pattern in sorted(_CERTS, key=lambda p: p.needs_context):
            if pattern.needs_context and not context:
                continue
            for match in pattern.regex.finditer(line.text):
                if any(a <= match.start() < b for a, b in taken):
                    continue
                label, score = _cert_label(pattern, line.text, match.start())
                found.append((line.index, match.start(), Certificate(label, score)))
                taken.append(match.span())
    result: list[Certificate] = []
    for _i, _pos, cert in sorted(found, key=lambda f: (f[0], f[1])):
        same = next((c for c in result if _base(c.name) == _base(cert.name)), None)
        if same is None:
            if cert.name == "软考" and any(c.name.startswith("软考 ") for c in result):
                continue
            result.append(cert)
        elif _rank(cert.name) > _rank(same.name) or (same.score is None and cert.score is not None):
            result[result.index(same)] = Certificate(
                cert.name if _rank(cert.name) >= _rank(same.name) else same.name, cert.score or same.score
            )
    if any(c.name.startswith("软考 ") for c in result):
        result = [c for c in result if c.name != "软考"]
    return result


def _base(name: str) -> str:
    return name.split(" Level ")[0].split(" Part ")[0].split(" N")[0] if not name.startswith("软考") else name


def _rank(name: str) -> int:
    match = re.search(r"(\d)$", name)
    return int(match.group(1)) if match and ("Level" in name or "Part" in name) else 0


# --------------------------------------------------------------------------------------------- languages
_LANG_ALIASES: Final[dict[str, str]] = {
    alias.lower(): zh for zh, (_en, aliases) in LANGUAGES.items() for alias in aliases
}
_LANG_RE: Final = re.compile(
    "|".join(
        (re.escape(a) if re.search(r"[\u4e00-\u9fff]", a) else r"(?<![A-Za-z])" + re.escape(a) + r"(?![A-Za-z])")
        for a in sorted(_LANG_ALIASES, key=len, reverse=True)
    ),
    re.IGNORECASE,
)
_PROF_RE: Final = re.compile(
    "|".join(
        (re.escape(w) if re.search(r"[\u4e00-\u9fff]", w) else r"(?<![A-Za-z])" + re.escape(w) + r"(?![A-Za-z])")
        for w in sorted(PROFICIENCY_WORDS, key=len, reverse=True)
    ),
    re.IGNORECASE,
)
_EXAM_LANGUAGE: Final[dict[str, str]] = {
    "CET-6": "英语", "CET-4": "英语", "TEM-8": "英语", "TEM-4": "英语", "IELTS": "英语", "TOEFL": "英语",
    "JLPT": "日语",
}  # fmt: skip
_EXAM_STRENGTH: Final[dict[str, int]] = {"TEM-8": 6, "IELTS": 5, "TOEFL": 5, "CET-6": 4, "TEM-4": 3, "CET-4": 2}
_LANG_LINE_SECTIONS: Final = frozenset({"languages", "skills", "certificates", "profile", "top"})


def extract_languages(lines: list[Line], certificates: list[Certificate]) -> list[Language]:
    found: dict[str, Language] = {}
    order: list[tuple[int, int, str]] = []
    for line in lines:
        in_lang_section = line.section == "languages"
        segments = re.split(r"\s*[;；,，、|｜]\s*|\s{2,}", line.text)
        for segment in segments:
            for match in _LANG_RE.finditer(segment):
                zh = _LANG_ALIASES[match.group(0).lower()]
                window = segment[match.end() : match.end() + 24]
                prof = _PROF_RE.search(window) or _PROF_RE.search(segment[: match.start()][-12:])
                explicit = in_lang_section or (prof is not None and line.section in _LANG_LINE_SECTIONS)
                explicit = explicit or (zh == "普通话" and prof is not None)
                explicit = explicit or (bool(re.match(r"\s*[:：]", window)) and line.section in _LANG_LINE_SECTIONS)
                if not explicit:
                    continue
                proficiency = PROFICIENCY_WORDS[prof.group(0).lower()] if prof else None
                level = proficiency if proficiency in ("一级甲等", "一级乙等", "二级甲等", "二级乙等") else None
                if zh not in found:
                    found[zh] = Language(zh, LANGUAGES[zh][0], level=level, proficiency=None)
                    order.append((line.index, match.start() + len(order) * 1000, zh))
                lang = found[zh]
                if level:
                    lang.level = level
                elif proficiency and lang.proficiency is None:
                    lang.proficiency = proficiency
    for cert in certificates:
        base = "JLPT" if cert.name.startswith("JLPT") else cert.name
        exam_language = _EXAM_LANGUAGE.get(base)
        if exam_language is None:
            continue
        zh = exam_language
        if zh not in found:
            found[zh] = Language(zh, LANGUAGES[zh][0])
            order.append((10**9, len(order), zh))
        lang = found[zh]
        label = cert.name
        if cert.score is not None and base in ("IELTS", "TOEFL"):
            label = f"{cert.name} {cert.score:g}" if base == "TOEFL" else f"{cert.name} {cert.score:.1f}"
        if lang.level is None or _EXAM_STRENGTH.get(base, 0) > _EXAM_STRENGTH.get(lang.level.split(" ")[0], 0):
            lang.level = label
    for lang in found.values():
        if lang.level is None:
            lang.level = lang.proficiency
    return [found[zh] for _i, _j, zh in sorted(order)]
