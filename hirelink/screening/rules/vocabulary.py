"""Plain-Python vocabulary for the rule engine: education levels, language level equivalences, certificate and
city aliases. No Django here, so compiled evaluators stay fast and the benchmark measures the engine alone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Same numbers as hirelink.positions.vocabulary.EducationLevel (higher = higher degree); labels in both
# languages because verdict reasons are stored bilingually.
EDUCATION_LABELS: dict[int, tuple[str, str]] = {
    10: ("高中", "High school"),
    20: ("中专", "Secondary vocational"),
    30: ("大专", "Associate"),
    40: ("本科", "Bachelor"),
    50: ("硕士", "Master"),
    60: ("博士", "Doctorate"),
}

# Checked in order: the first pattern that matches a degree text decides its level.
_DEGREE_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (60, re.compile(r"博士|ph\.?\s?d|doctor|doctorate|d\.phil", re.I)),
    (50, re.compile(r"硕士|研究生|master|mba|m\.?sc|m\.?eng|\bm\.?s\b|\bm\.?a\b|mphil", re.I)),
    (40, re.compile(r"本科|学士|bachelor|undergraduate|b\.?sc|b\.?eng|\bb\.?s\b|\bb\.?a\b", re.I)),
    (30, re.compile(r"大专|专科|高职|associate|junior college|college diploma|higher diploma", re.I)),
    (20, re.compile(r"中专|职高|技校|中职|vocational|technical secondary", re.I)),
    (10, re.compile(r"高中|high school|secondary school", re.I)),
)


@lru_cache(maxsize=8192)
def education_level_of(degree: str | None) -> int | None:
    """The EducationLevel number of a degree text ("本科", "Master of Science", "MBA"), or None."""
    if not degree:
        return None
    for level, pattern in _DEGREE_PATTERNS:
        if pattern.search(degree):
            return level
    return None


def education_label(level: int | None) -> tuple[str, str]:
    if level is None:
        return ("未知", "unknown")
    return EDUCATION_LABELS.get(level, (str(level), str(level)))


# --- Languages -------------------------------------------------------------------------------------------
# Each language has its own scale. English uses the IELTS band as the common scale; the equivalences below are
# the ones Chinese banks commonly publish in campus-hiring notices (CET-6 ≈ IELTS 6.5, TEM-8 ≈ IELTS 7.5).
# Self-described levels ("流利", "fluent") are mapped conservatively so that a claim never beats a certificate.


@dataclass(frozen=True)
class LanguageSpec:
    code: str
    zh: str
    en: str
    aliases: tuple[str, ...]
    # Level choices offered in the rule editor: (label, score on this language's scale).
    levels: tuple[tuple[str, float], ...]


CLAIM_LEVELS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"母语|native", re.I), 9.0),
    (re.compile(r"精通|流利|fluent|proficient|advanced", re.I), 6.5),
    (re.compile(r"熟练|良好|good|intermediate|working", re.I), 5.5),
    (re.compile(r"一般|基础|basic|elementary|beginner", re.I), 4.0),
)

LANGUAGES: dict[str, LanguageSpec] = {
    "en": LanguageSpec(
        "en",
        "英语",
        "English",
        ("英语", "英文", "english", "cet", "ielts", "雅思", "toefl", "托福", "tem-", "专四", "专八", "四级", "六级"),
        (
            ("CET-4", 5.5),
            ("CET-6", 6.5),
            ("TEM-4", 6.5),
            ("TEM-8", 7.5),
            ("IELTS 5.5", 5.5),
            ("IELTS 6.0", 6.0),
            ("IELTS 6.5", 6.5),
            ("IELTS 7.0", 7.0),
            ("IELTS 7.5", 7.5),
            ("TOEFL 80", 6.5),
            ("TOEFL 95", 7.0),
            ("TOEFL 100", 7.5),
        ),
    ),
    "ja": LanguageSpec(
        "ja",
        "日语",
        "Japanese",
        ("日语", "日文", "japanese", "jlpt"),
        (("JLPT N5", 1), ("JLPT N4", 2), ("JLPT N3", 3), ("JLPT N2", 4), ("JLPT N1", 5)),
    ),
    "zh": LanguageSpec(
        "zh",
        "普通话",
        "Mandarin (Putonghua)",
        ("普通话", "putonghua", "mandarin"),
        (
            ("三级乙等", 1),
            ("三级甲等", 2),
            ("二级乙等", 3),
            ("二级甲等", 4),
            ("一级乙等", 5),
            ("一级甲等", 6),
        ),
    ),
    "yue": LanguageSpec("yue", "粤语", "Cantonese", ("粤语", "广东话", "cantonese"), ()),
    "ko": LanguageSpec("ko", "韩语", "Korean", ("韩语", "韩文", "korean", "topik"), ()),
    "fr": LanguageSpec("fr", "法语", "French", ("法语", "法文", "french", "delf", "dalf"), ()),
    "de": LanguageSpec("de", "德语", "German", ("德语", "德文", "german"), ()),
}
GENERIC_LEVELS: tuple[tuple[str, float], ...] = (("基础", 4.0), ("熟练", 5.5), ("流利", 6.5), ("母语", 9.0))

_IELTS = re.compile(r"(?:ielts|雅思)\D{0,6}(\d(?:\.\d)?)", re.I)
_TOEFL = re.compile(r"(?:toefl|托福)\D{0,8}(\d{2,3})", re.I)
_CET = re.compile(r"cet[\s-]?([46])|大学英语([四六])级|英语([四六])级|(?<![\w专])([四六])级", re.I)
_TEM = re.compile(r"tem[\s-]?([48])|专业英语([四八])级|英语专业([四八])级|专([四八])", re.I)
_CEFR = re.compile(r"(?:cefr\s*)?(?<![a-z])([abc][12])(?![0-9a-z])", re.I)
_JLPT = re.compile(
    r"(?:jlpt\s*)?(?<![a-z])n([1-5])(?![0-9])|日语能力(?:考试)?([一二三四五1-5])级|日语([一二三四五1-5])级", re.I
)
_PTH = re.compile(r"([一二三])级([甲乙])等")
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "八": 8}
_CEFR_BAND = {"a1": 3.0, "a2": 4.0, "b1": 5.0, "b2": 6.0, "c1": 7.0, "c2": 8.5}


def _toefl_band(score: int) -> float:
    for floor, band in ((110, 8.0), (102, 7.5), (94, 7.0), (79, 6.5), (60, 6.0), (46, 5.5), (35, 5.0)):
        if score >= floor:
            return band
    return 4.0


def _digit(value: str) -> int:
    return _CN_DIGIT.get(value, 0) or int(value)


@lru_cache(maxsize=8192)
def language_of(text: str) -> str | None:
    lowered = text.lower()
    for spec in LANGUAGES.values():
        if any(alias in lowered for alias in spec.aliases):
            return spec.code
    if _JLPT.search(text):
        return "ja"
    return None


@lru_cache(maxsize=8192)
def level_score(language: str, text: str) -> float | None:
    """The best score a text states for one language ("CET-6 560" → 6.5, "雅思7.0" → 7.0, "N2" → 4)."""
    scores: list[float] = []
    if language == "en":
        scores += [float(m) for m in _IELTS.findall(text) if 0 < float(m) <= 9]
        scores += [_toefl_band(int(m)) for m in _TOEFL.findall(text) if int(m) <= 120]
        for groups in _CET.findall(text):
            digit = next(g for g in groups if g)
            scores.append(6.5 if _digit(digit) == 6 else 5.5)
        for groups in _TEM.findall(text):
            digit = next(g for g in groups if g)
            scores.append(7.5 if _digit(digit) == 8 else 6.5)
        scores += [_CEFR_BAND[m.lower()] for m in _CEFR.findall(text)]
    elif language == "ja":
        for groups in _JLPT.findall(text):
            digit = next(g for g in groups if g)
            scores.append(float(6 - _digit(digit)))
    elif language == "zh":
        for grade, sub in _PTH.findall(text):
            scores.append(float((3 - _digit(grade)) * 2 + (2 if sub == "甲" else 1)))
    if not scores:
        for pattern, score in CLAIM_LEVELS:
            if pattern.search(text):
                scores.append(score)
                break
    return max(scores) if scores else None


def language_levels(spec: LanguageSpec) -> tuple[tuple[str, float], ...]:
    return spec.levels or GENERIC_LEVELS


# --- Certificates ------------------------------------------------------------------------------------------

CERTIFICATE_ALIASES: dict[str, tuple[str, ...]] = {
    "软考": (
        "软考",
        "软件设计师",
        "系统分析师",
        "系统架构设计师",
        "网络工程师",
        "信息系统项目管理师",
        "软件评测师",
        "数据库系统工程师",
        "信息安全工程师",
        "网络规划设计师",
    ),
    "注册会计师": ("注册会计师", "cpa", "cicpa"),
    "银行从业资格": ("银行从业", "银行业专业人员职业资格"),
    "证券从业资格": ("证券从业",),
    "基金从业资格": ("基金从业",),
    "法律职业资格": ("法律职业资格", "司法考试"),
}
_CERT_NOISE = re.compile(r"[\s·•\-_/（）()【】\[\]:：,，、.]+")


@lru_cache(maxsize=8192)
def normalise_certificate(value: str) -> str:
    text = _CERT_NOISE.sub("", value.lower())
    for suffix in ("资格证书", "证书", "资格证", "证", "资格", "certificate", "certification"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    return text


_ALIAS_GROUPS: list[tuple[str, frozenset[str]]] = [
    (normalise_certificate(key), frozenset(normalise_certificate(v) for v in values))
    for key, values in CERTIFICATE_ALIASES.items()
]


def certificate_aliases(required: str) -> frozenset[str]:
    """Normalised names that satisfy a required certificate ("软考" → every 软考 qualification)."""
    wanted = normalise_certificate(required)
    aliases = {wanted}
    for key, values in _ALIAS_GROUPS:
        if wanted == key or wanted in values:
            aliases |= values
    return frozenset(a for a in aliases if a)


def certificate_matches_normalised(aliases: frozenset[str], held: tuple[tuple[str, str], ...]) -> str | None:
    """The held certificate (as written) whose normalised form matches one of `aliases`, or None."""
    for written, have in held:
        if have and any(alias in have or (len(have) >= 3 and have in alias) for alias in aliases):
            return written
    return None


def certificate_matches(required: str, held: list[str]) -> str | None:
    """The held certificate that satisfies `required`, or None."""
    normalised = tuple((c, normalise_certificate(c)) for c in held)
    return certificate_matches_normalised(certificate_aliases(required), normalised)


# --- Cities ------------------------------------------------------------------------------------------------

CITY_ALIASES: dict[str, str] = {
    "beijing": "北京",
    "shanghai": "上海",
    "shenzhen": "深圳",
    "guangzhou": "广州",
    "hangzhou": "杭州",
    "nanjing": "南京",
    "chengdu": "成都",
    "wuhan": "武汉",
    "xian": "西安",
    "xi'an": "西安",
    "tianjin": "天津",
    "chongqing": "重庆",
    "suzhou": "苏州",
    "hong kong": "香港",
    "hongkong": "香港",
    "changsha": "长沙",
    "qingdao": "青岛",
    "xiamen": "厦门",
    "zhengzhou": "郑州",
    "jinan": "济南",
    "hefei": "合肥",
    "fuzhou": "福州",
    "dongguan": "东莞",
    "foshan": "佛山",
}


@lru_cache(maxsize=8192)
def normalise_city(value: str) -> str:
    text = value.strip().lower()
    text = CITY_ALIASES.get(text, text)
    for suffix in ("市", "省", " city"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
    return text


# --- Majors ------------------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def category_tokens(value: str) -> frozenset[str]:
    """ "经济学/金融学类" → {"经济学", "金融学"}: a category may name several disciplines."""
    tokens = set()
    for part in re.split(r"[/、,，;；|]+", value):
        token = part.strip().lower()
        if token.endswith("类") and len(token) > 1:
            token = token[:-1]
        if token:
            tokens.add(token)
    return frozenset(tokens)
