"""Contact details, education entries and work/internship entries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from hirelink.screening.parsing.data.lexicon import (
    KNOWN_EMPLOYERS,
    ORG_SUFFIXES_EN,
    ORG_SUFFIXES_ZH,
    SECTION_HEADINGS,
    TITLE_WORDS_EN,
    TITLE_WORDS_ZH,
)
from hirelink.screening.parsing.data.majors import MAJOR_SYNONYMS_ZH, MAJORS_EN, MAJORS_ZH, Major, lookup_major
from hirelink.screening.parsing.facts import Education, Experience
from hirelink.screening.parsing.text import DateRange, Line, find_range, is_description

# ----------------------------------------------------------------------------------------------- contact
EMAIL_RE: Final = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
MOBILE_RE: Final = re.compile(r"(?<![\d.])(?:\(?\+?\s*86\)?[\s-]*)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?![\d.])")
LANDLINE_RE: Final = re.compile(r"(?<!\d)(0\d{2,3})[\s-](\d{7,8})(?!\d)")
_SURNAMES: Final = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练"
    "廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿"
    "鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_COMPOUND_SURNAMES: Final = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯")
_NOT_NAMES: Final = frozenset(
    {"个人简历", "简历", "求职简历", "应聘", "求职意向", "基本信息", "个人信息", "联系方式", "男", "女"}
)
_EN_NOT_NAME: Final = re.compile(
    r"\b(?:resume|résumé|curriculum|vitae|cv|profile|contact|education|experience|email|phone|skills|"
    r"summary|objective|university|college|bank|inc|ltd|analyst|engineer|manager)\b",
    re.IGNORECASE,
)


def find_email(text: str) -> str | None:
    match = EMAIL_RE.search(text)
    return match.group(0).lower() if match else None


def find_phone(text: str) -> str | None:
    match = MOBILE_RE.search(text)
    if match:
        return "".join(match.groups())
    land = LANDLINE_RE.search(text)
    return f"{land.group(1)}-{land.group(2)}" if land else None


def _cjk_name(token: str) -> str | None:
    token = re.sub(r"\s+", "", token)
    if token in _NOT_NAMES or not re.fullmatch(
        r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff]{1,8}", token
    ):
        return None
    if token[0] in _SURNAMES or token.startswith(_COMPOUND_SURNAMES) or "·" in token:
        return token
    return None


def find_name(lines: list[Line]) -> str | None:
    """A labelled name (``姓名：张伟``/``Name: …``), else a leading line that looks like a name."""
    for line in lines[:40]:
        match = re.search(r"(?:姓\s*名|^name)\s*[:：|]\s*([^\s|,，;；]+(?:\s+[A-Z][A-Za-z'.-]+){0,3})", line.text,
                          re.IGNORECASE)  # fmt: skip
        if match:
            value = match.group(1).strip()
            return _cjk_name(value) or value
    for line in lines[:6]:
        if line.section not in ("top", "profile"):
            continue
        first = re.split(r"\s*[|｜/,，;；:：·•]\s*|\s{2,}|\t|\s+[-–—]+\s+", line.text.strip())[0]
        cjk = _cjk_name(first)
        if cjk:
            return cjk
        if re.fullmatch(r"[A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]+){1,3}", first) and not _EN_NOT_NAME.search(first):
            return first.title() if first.isupper() else first
        if re.fullmatch(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){0,2}", line.text.strip()):
            return _cjk_name(line.text)
    return None


# --------------------------------------------------------------------------------------------- education
_DEGREE_ZH: Final = (
    ("博士", re.compile(r"博士")),
    ("硕士", re.compile(r"硕士|研究生|MBA|EMBA|MPA|MPAcc")),
    ("本科", re.compile(r"本科|学士")),
    ("大专", re.compile(r"大专|专科|高职|高专")),
    ("中专", re.compile(r"中专|中职|职高|技校|职业高中")),
    ("高中", re.compile(r"高中")),
)
_DEGREE_EN: Final = (
    ("博士", re.compile(r"\b(?:Ph\.?\s?D\.?|Doctor(?:ate)?(?:\s+of)?|D\.Phil\.?|DPhil)(?![A-Za-z])", re.I)),
    (
        "硕士",
        re.compile(
            r"\b(?:Master(?:'?s)?|M\.?Sc\.?|MSc|M\.S\.|M\.A\.|MBA|MPA|M\.?Eng\.?|MEng|MPhil|LL\.?M\.?|MFin|MPAcc|"
            r"M\.?Fin\.?|MA|MS)(?![A-Za-z])"
        ),
    ),
    (
        "本科",
        re.compile(
            r"\b(?:Bachelor(?:'?s)?|B\.?Sc\.?|BSc|B\.S\.|B\.A\.|B\.?Eng\.?|BEng|LL\.?B\.?|BBA|B\.?Com\.?|"
            r"B\.?Econ\.?|B\.?Comm?\.?|Undergraduate|BA|BS)(?![A-Za-z])"
        ),
    ),
    ("大专", re.compile(r"\b(?:Associate(?:'s)?\s+(?:Degree|of)|Junior College|Higher Diploma)\b", re.I)),
    ("中专", re.compile(r"\b(?:Vocational|Technical Secondary)\b", re.I)),
    ("高中", re.compile(r"\bHigh School\b", re.I)),
)
_SCHOOL_ZH: Final = re.compile(
    r"(?:[\u4e00-\u9fff]{2,14}?(?:大学|学院|学校|中学|高中|党校)(?:\s*[(（][\u4e00-\u9fff]{2,6}[)）])?)"
)
_SCHOOL_EN: Final = re.compile(
    # single spaces only inside a name: two or more spaces separate columns
    r"(?:(?:[A-Z][A-Za-z&'.-]*|of|and|the|at|de) )*?"
    r"(?:[A-Z][A-Za-z&'.-]* )?(?:University|College|Institute|Academy|Polytechnic|School)"
    r"(?: (?:of|for|and|at|the|in)(?: (?:[A-Z][A-Za-z&'.-]*|and|of|the))+)?"
    r"(?:, ?(?:Berkeley|Los Angeles|San Diego|Davis|Irvine|Hong Kong|Shenzhen|London|Beijing|Shanghai))?"
)
_SCHOOL_LEAD_NOISE: Final = re.compile(
    r"^(?:(?:Bachelor|Master|Doctor|Doctorate|B\.?Sc\.?|M\.?Sc\.?|BA|MA|MBA|PhD|of|Science|Arts|Engineering|in|"
    r"and|the|at|Education|Graduated|from|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z.]*\s+)+"
)
_ZH_MAJOR_RE: Final = re.compile(
    "|".join(sorted((re.escape(m) for m in [*MAJORS_ZH, *MAJOR_SYNONYMS_ZH]), key=len, reverse=True))
)
_EN_MAJOR_RE: Final = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(sorted((re.escape(m) for m in MAJORS_EN), key=len, reverse=True)) + r")(?![A-Za-z])",
    re.IGNORECASE,
)
_EN_WORDS = r"([A-Z][A-Za-z&-]*(?: (?:and |of |& )?[A-Z][A-Za-z&-]*)*)"
_EN_MAJOR_PHRASE: Final = re.compile(r"(?<![A-Za-z])in " + _EN_WORDS)
_EN_MAJOR_AFTER_DEGREE: Final = re.compile(
    r"(?<![A-Za-z])(?:B\.?Sc|BSc|B\.?A|B\.?Eng|B\.?Comm?|M\.?Sc|MSc|M\.?A|M\.?Eng|MPhil|Ph\.?D|LL\.?[BM]"
    r"|Bachelor(?:'?s)? of|Master(?:'?s)? of|Doctor of)\.?,? " + _EN_WORDS
)
_DEGREE_KINDS: Final = frozenset({"Arts", "Science", "Sciences", "Engineering", "Philosophy", "Commerce"})
_MAJOR_LABEL: Final = re.compile(r"(?:专业|major|field of study)\s*[:：]\s*([^\s|,，;；]+(?:\s[A-Za-z]+)*)", re.I)
_MAJOR_SUFFIX: Final = re.compile(r"([\u4e00-\u9fff]{2,12}?)专业")
_SEPARATORS: Final = re.compile(
    r"\s*[|｜/／;；,，·•\t]\s*|\s{2,}|\s+[-–—]\s+|\s+at\s+|\s+@\s+"
    r"|(?<=[\u4e00-\u9fff)）])\s+(?=[\u4e00-\u9fff(（])"  # Chinese has no spaces inside words
)


def _find_degree(text: str) -> str | None:
    for name, pattern in _DEGREE_ZH:
        if pattern.search(text):
            return name
    for name, pattern in _DEGREE_EN:
        if pattern.search(text):
            return name
    return None


def _find_school(text: str) -> tuple[str, tuple[int, int]] | None:
    match = _SCHOOL_ZH.search(text)
    if match:
        name = match.group(0).strip()
        # "北京大学光华管理学院" → the university; "XX大学附属中学" stays whole
        cut = name.find("大学")
        if 0 < cut < len(name) - 2 and not name.endswith(("中学", "高中")) and name[cut + 2] not in "(（":
            name = name[: cut + 2]
        name = re.sub(r"^(?:毕业于|就读于|于|在)", "", name)
        return name, match.span()
    for match in _SCHOOL_EN.finditer(text):
        name = _SCHOOL_LEAD_NOISE.sub("", match.group(0)).strip(" ,")
        if re.search(r"[A-Z]", name) and len(name.split()) >= 2:
            return name, match.span()
    return None


def _find_major(text: str) -> tuple[str | None, Major | None]:
    label = _MAJOR_LABEL.search(text)
    if label:
        value = label.group(1).strip()
        return value, lookup_major(value) or _contained_major(value)
    zh = _ZH_MAJOR_RE.search(text)
    if zh:
        value = zh.group(0)
        tail = _MAJOR_SUFFIX.match(text, zh.start())
        written = tail.group(1) if tail and len(tail.group(1)) <= len(value) + 4 else value
        major = lookup_major(value)
        if major is not None and written.endswith(("硕士", "学士", "博士")):
            written = major.name
        return written, major
    phrase = _EN_MAJOR_PHRASE.search(text) or _EN_MAJOR_AFTER_DEGREE.search(text)
    if phrase and phrase.group(1) not in _DEGREE_KINDS:
        value = phrase.group(1).strip()
        return value, lookup_major(value) or _contained_major(value)
    en = _EN_MAJOR_RE.search(text)
    if en:
        return en.group(0), lookup_major(en.group(0))
    suffix = _MAJOR_SUFFIX.search(text)
    if suffix:
        return suffix.group(1), _contained_major(suffix.group(1))
    return None, None


def _contained_major(value: str) -> Major | None:
    zh = _ZH_MAJOR_RE.search(value)
    if zh:
        return lookup_major(zh.group(0))
    en = _EN_MAJOR_RE.search(value)
    return lookup_major(en.group(0)) if en else None


@dataclass(slots=True)
class _Slots:
    """An entry being assembled from consecutive lines."""

    dates: DateRange | None = None
    org: str | None = None
    title: str | None = None
    degree: str | None = None
    major: str | None = None
    major_info: Major | None = None
    internship: bool = False
    org_guessed: bool = False
    """The organisation is an unclassified token (no suffix, not a known employer)."""
    lines: list[str] = field(default_factory=list)


def _education_fields(text: str) -> _Slots:
    slots = _Slots()
    dates = find_range(text)
    rest = text
    if dates:
        slots.dates = dates
        rest = text[: dates.span[0]] + "  " + text[dates.span[1] :]
    school = _find_school(rest)
    if school:
        slots.org = school[0]
        rest = rest[: school[1][0]] + "  " + rest[school[1][1] :]
    slots.degree = _find_degree(rest)
    slots.major, slots.major_info = _find_major(rest)
    if slots.major_info is None and slots.degree == "硕士" and re.search(r"\bMBA\b|工商管理硕士", rest):
        slots.major, slots.major_info = slots.major or "MBA", lookup_major("MBA")
    return slots


_PROFILE_LABEL: Final = re.compile(
    r"(?:^|(?<=\s)|(?<=[|｜]))(?:(?P<school>毕业院校|毕业学校|院校|学校|school|university)"
    r"|(?P<degree>最高学历|学历|学位|degree)|(?P<major>所学专业|专业|major)"
    r"|(?P<grad>毕业时间|毕业年份|毕业日期|graduation(?: date)?)"
    r"|(?P<other>[\u4e00-\u9fff]{2,4}|[A-Za-z]{3,12}))\s*[:：|｜]\s*",
    re.IGNORECASE,
)


def _profile_education(lines: list[Line]) -> Education | None:
    """``毕业院校：… 学历：… 专业：… 毕业时间：…`` in a personal-information block (no education section)."""
    values: dict[str, str] = {}
    for line in lines:
        if line.section not in ("top", "profile"):
            continue
        marks = list(_PROFILE_LABEL.finditer(line.text))
        for i, mark in enumerate(marks):
            kind = next(k for k in ("school", "degree", "major", "grad", "other") if mark.group(k))
            end = marks[i + 1].start() if i + 1 < len(marks) else len(line.text)
            value = re.split(r"\s{2,}|\s*[|｜]\s*", line.text[mark.end() : end].strip())[0].strip()
            if kind != "other" and value:
                values.setdefault(kind, value)
    degree = _find_degree(values.get("degree", ""))
    school = _find_school(values["school"]) if "school" in values else None
    if school is None and degree is None:
        return None
    major_text, major = _find_major(values["major"]) if "major" in values else (None, None)
    if "major" in values and major_text is None:
        major_text = values["major"]
    grad = find_range(values.get("grad", ""))
    return Education(
        degree=degree,
        school=school[0] if school else None,
        major=major_text,
        major_category=major.category if major else None,
        start=None,
        end=grad.end if grad else None,
    )


def extract_education(lines: list[Line]) -> list[Education]:
    section = [ln for ln in lines if ln.section == "education"]
    if not section:
        profile = _profile_education(lines)
        if profile is not None:
            return [profile]
        section = [ln for ln in lines if ln.section in ("top", "profile") and _find_school(ln.text)]
    entries: list[_Slots] = []
    current: _Slots | None = None
    for line in section:
        if is_description(line.text) and not _find_school(line.text):
            continue
        found = _education_fields(line.text)
        if not (found.dates or found.org or found.degree or found.major):
            continue
        clash = current is not None and (
            (found.org and current.org) or (found.dates and current.dates and found.dates.start)
        )
        if current is None or clash:
            current = _Slots()
            entries.append(current)
        if found.dates and (current.dates is None or current.dates.start is None):
            current.dates = found.dates
        current.org = current.org or found.org
        current.degree = current.degree or found.degree
        if current.major is None and found.major:
            current.major, current.major_info = found.major, found.major_info
    result: list[Education] = []
    for slots in entries:
        if not (slots.org or slots.degree):
            continue
        result.append(
            Education(
                degree=slots.degree,
                school=slots.org,
                major=slots.major,
                major_category=slots.major_info.category if slots.major_info else None,
                start=slots.dates.start if slots.dates else None,
                end=slots.dates.end if slots.dates else None,
            )
        )
    return result


# -------------------------------------------------------------------------------------------- experience
_ORG_ZH_RE: Final = re.compile(
    r"[\u4e00-\u9fffA-Za-z()（）]{2,30}?(?:"
    + "|".join(sorted((re.escape(s) for s in ORG_SUFFIXES_ZH), key=len, reverse=True))
    + r")(?:[\u4e00-\u9fff]{2,8}(?:分行|支行|分公司|营业部|部|中心))?"
)
_ORG_EN_SUFFIX: Final = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(re.escape(s) for s in ORG_SUFFIXES_EN) + r")(?![A-Za-z])", re.IGNORECASE
)
_KNOWN_RE: Final = re.compile("|".join(sorted((re.escape(k) for k in KNOWN_EMPLOYERS), key=len, reverse=True)))
_TITLE_ZH_RE: Final = re.compile("|".join(sorted(TITLE_WORDS_ZH, key=len, reverse=True)))
_TITLE_EN_RE: Final = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(sorted(TITLE_WORDS_EN, key=len, reverse=True)) + r")s?(?![A-Za-z])",
    re.IGNORECASE,
)
_INTERN_RE: Final = re.compile(
    r"实习|\bintern(?:ship)?s?\b|暑期实践|\bsummer (?:analyst|associate|intern)\b|\bco-?op\b", re.IGNORECASE
)
_LABELS: Final = re.compile(
    r"(?P<org>公司名称|单位名称|工作单位|任职公司|所在公司|公司|单位|雇主|机构|company|employer)"
    r"|(?P<title>职位名称|担任职位|职位|岗位|职务|担任|job title|title|position|role)"
    r"|(?P<other>时间|起止时间|工作时间|在职时间|工作描述|工作内容|所属行业|行业|部门|地点|period|dates?|location)",
    re.IGNORECASE,
)
_LABEL_RE: Final = re.compile(r"(?:^|(?<=\s)|(?<=[|｜]))(" + _LABELS.pattern + r")\s*[:：]\s*", re.IGNORECASE)


def _labelled(text: str) -> dict[str, str]:
    """``公司名称：X 职位：Y 时间：Z`` → {"org": X, "title": Y}; values run to the next label."""
    marks = list(_LABEL_RE.finditer(text))
    out: dict[str, str] = {}
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        kind = next(k for k in ("org", "title", "other") if mark.group(k))
        value = _clean(re.split(r"\s{2,}|\s*[|｜]\s*", text[mark.end() : end].strip())[0])
        if value and kind != "other":
            out.setdefault(kind, value)
    return out


_LOCATIONS: Final = frozenset(
    {
        "北京",
        "上海",
        "深圳",
        "广州",
        "杭州",
        "南京",
        "成都",
        "武汉",
        "西安",
        "天津",
        "重庆",
        "苏州",
        "长沙",
        "郑州",
        "济南",
        "青岛",
        "厦门",
        "福州",
        "合肥",
        "香港",
        "中国",
        "beijing",
        "shanghai",
        "shenzhen",
        "guangzhou",
        "hangzhou",
        "nanjing",
        "chengdu",
        "wuhan",
        "london",
        "singapore",
        "china",
        "remote",
        "hong kong",
        "new york",
    }
)
_HEADING_WORDS: Final = frozenset(a.lower() for aliases in SECTION_HEADINGS.values() for a in aliases)


def _is_org(token: str) -> bool:
    if _KNOWN_RE.search(token):
        return True
    if re.search(r"[\u4e00-\u9fff]", token):
        return bool(re.search(r"(?:" + "|".join(ORG_SUFFIXES_ZH) + r")(?:[\u4e00-\u9fff]{0,8})$", token)) and not (
            _TITLE_ZH_RE.search(token) and _TITLE_ZH_RE.search(token).end() == len(token)  # type: ignore[union-attr]
        )
    return bool(_ORG_EN_SUFFIX.search(token)) and not _TITLE_EN_RE.search(token)


def _is_title(token: str) -> bool:
    if re.search(r"[\u4e00-\u9fff]", token):
        return bool(_TITLE_ZH_RE.search(token)) and len(token) <= 16
    return bool(_TITLE_EN_RE.search(token)) and len(token.split()) <= 6


def _split_org_title(token: str) -> tuple[str, str] | None:
    """``招商银行北京分行客户经理`` → (``招商银行北京分行``, ``客户经理``)."""
    if not re.search(r"[\u4e00-\u9fff]", token):
        words = token.split()
        for cut in range(1, len(words)):
            head, tail = " ".join(words[:cut]), " ".join(words[cut:])
            if _is_org(head) and _is_title(tail) and not _is_org(tail):
                return head, tail
            if _is_title(head) and not _is_org(head) and _is_org(tail) and not _is_title(tail):
                return tail, head
        return None
    exact: tuple[str, str] | None = None
    loose: tuple[str, str] | None = None
    for end in range(4, len(token) - 1):
        head, tail = token[:end], token[end:]
        if _is_org(head) and _is_title(tail) and not _is_org(tail):
            loose = loose or (head, tail)
            if head.endswith(ORG_SUFFIXES_ZH) or _KNOWN_RE.fullmatch(head):
                exact = (head, tail)  # the longest head that ends on an organisation suffix
    return exact or loose


def _clean(token: str) -> str:
    return token.strip(" ()（）[]【】:：-–—|,，")


def _work_fields(text: str, labelled_only: bool) -> _Slots:
    slots = _Slots()
    labelled = _labelled(text)
    if labelled:
        slots.org = labelled.get("org")
        slots.title = labelled.get("title")
    if slots.org or slots.title:
        dates = find_range(text)
        slots.dates = dates if dates and dates.start else None
        return slots
    dates = find_range(text)
    rest = text
    if dates and dates.start:
        slots.dates = dates
        rest = text[: dates.span[0]] + "  " + text[dates.span[1] :]
    rest = re.sub(r"[(（]\s*\)|[(（]\s*）", " ", rest)
    tokens = [_clean(t) for t in _SEPARATORS.split(rest)]
    tokens = [t for t in tokens if t and t.lower() not in _LOCATIONS and t.lower() not in _HEADING_WORDS]
    unclassified: list[str] = []
    for token in tokens:
        if re.fullmatch(r"[(（]?(?:实习|intern(?:ship)?)[)）]?", token, re.IGNORECASE):
            continue
        split = _split_org_title(token)
        if split and slots.org is None and slots.title is None:
            slots.org, slots.title = split
        elif slots.org is None and _is_org(token):
            slots.org = token
        elif slots.title is None and _is_title(token):
            slots.title = token
        else:
            unclassified.append(token)
    if slots.dates is not None and not labelled_only:
        for token in unclassified:
            if len(token) > 40 or re.fullmatch(r"[\d\s.年月-]+", token):
                continue
            if slots.org is None:
                slots.org = token
                slots.org_guessed = True
            elif slots.title is None:
                slots.title = token
    return slots


def extract_experience(lines: list[Line]) -> list[Experience]:
    work_sections = ("work", "internship")
    section = [ln for ln in lines if ln.section in work_sections]
    if not section:
        section = [ln for ln in lines if ln.section in ("top", "profile") and find_range(ln.text)]
    entries: list[_Slots] = []
    current: _Slots | None = None
    for line in section:
        if is_description(line.text):
            continue
        found = _work_fields(line.text, labelled_only=False)
        if not (found.dates or found.org or found.title):
            continue
        if found.org_guessed and current is not None and current.org and current.dates is None:
            # "Ernst & Young, Shanghai" then "Audit Senior, Sep 2017 – Feb 2021": the guess is the title
            found.title, found.org = found.title or found.org, None
        clash = current is not None and (
            (found.dates and current.dates) or (found.org and current.org and found.org != current.org)
        )
        if current is None or clash:
            current = _Slots(internship=line.section == "internship")
            entries.append(current)
        current.dates = current.dates or found.dates
        current.org = current.org or found.org
        current.title = current.title or found.title
        current.lines.append(line.text)
    result: list[Experience] = []
    for slots in entries:
        if slots.dates is None or not (slots.org or slots.title):
            continue
        internship = slots.internship or any(_INTERN_RE.search(t) for t in slots.lines)
        title = slots.title
        if title:
            title = re.sub(r"\s*[(（]\s*(?:实习|intern)\s*[)）]\s*$", "", title, flags=re.IGNORECASE).strip() or title
        result.append(
            Experience(
                employer=slots.org,
                title=title,
                start=slots.dates.start,
                end=None if slots.dates.current else slots.dates.end,
                is_internship=internship,
                is_current=slots.dates.current,
            )
        )
    return result


def merged_months(periods: list[tuple[str, str]]) -> int:
    """Months covered by inclusive ``YYYY-MM`` periods, overlaps merged (2019-07..2021-06 is 24 months)."""
    spans = sorted((_index(a), _index(b)) for a, b in periods if _index(b) >= _index(a))
    total = 0
    cur_start: int | None = None
    cur_end = 0
    for start, end in spans:
        if cur_start is None or start > cur_end + 1:
            if cur_start is not None:
                total += cur_end - cur_start + 1
            cur_start, cur_end = start, end
        else:
            cur_end = max(cur_end, end)
    if cur_start is not None:
        total += cur_end - cur_start + 1
    return total


def _index(ym: str) -> int:
    return int(ym[:4]) * 12 + int(ym[5:7]) - 1
