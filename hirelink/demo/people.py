# ruff: noqa: E501 - data tables of Chinese/English names read better one pair per entry
"""Fictional demo candidates: names drawn from surname/given-name lists (not real people), fictional phone
numbers, e-mail addresses on reserved example domains, resident ID numbers with a valid check digit, and
résumé facts in the shape the résumé parser produces. Pure Python, deterministic for a given random source."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from hirelink.demo.identity import mobile_make, national_id_make
from hirelink.positions.vocabulary import EducationLevel

SURNAMES: dict[str, str] = {
    "王": "Wang", "李": "Li", "张": "Zhang", "刘": "Liu", "陈": "Chen", "杨": "Yang", "黄": "Huang",
    "赵": "Zhao", "吴": "Wu", "周": "Zhou", "徐": "Xu", "孙": "Sun", "马": "Ma", "朱": "Zhu", "胡": "Hu",
    "郭": "Guo", "何": "He", "林": "Lin", "罗": "Luo", "高": "Gao", "郑": "Zheng", "梁": "Liang",
    "谢": "Xie", "宋": "Song", "唐": "Tang", "许": "Xu", "韩": "Han", "冯": "Feng", "邓": "Deng",
    "曹": "Cao", "彭": "Peng", "曾": "Zeng", "肖": "Xiao", "田": "Tian", "董": "Dong", "潘": "Pan",
    "袁": "Yuan", "蔡": "Cai", "蒋": "Jiang", "余": "Yu", "杜": "Du", "叶": "Ye", "程": "Cheng",
    "魏": "Wei", "苏": "Su", "吕": "Lyu", "丁": "Ding", "沈": "Shen", "钟": "Zhong", "崔": "Cui",
    "谭": "Tan", "陆": "Lu", "范": "Fan", "廖": "Liao", "方": "Fang", "邹": "Zou", "熊": "Xiong",
}  # fmt: skip

GIVEN_FEMALE: dict[str, str] = {
    "婷": "ting", "静": "jing", "敏": "min", "丽": "li", "娜": "na", "雪": "xue", "琳": "lin", "欣": "xin",
    "怡": "yi", "雨": "yu", "桐": "tong", "佳": "jia", "慧": "hui", "颖": "ying", "晴": "qing", "萱": "xuan",
    "思": "si", "梦": "meng", "瑶": "yao", "诗": "shi", "可": "ke", "悦": "yue", "彤": "tong", "璐": "lu",
    "晓": "xiao", "文": "wen", "月": "yue", "紫": "zi", "涵": "han", "蕾": "lei",
}  # fmt: skip

GIVEN_MALE: dict[str, str] = {
    "伟": "wei", "强": "qiang", "磊": "lei", "军": "jun", "洋": "yang", "勇": "yong", "杰": "jie",
    "涛": "tao", "明": "ming", "超": "chao", "浩": "hao", "宇": "yu", "鹏": "peng", "辉": "hui", "博": "bo",
    "俊": "jun", "晨": "chen", "子": "zi", "轩": "xuan", "睿": "rui", "志": "zhi", "建": "jian", "嘉": "jia",
    "凯": "kai", "航": "hang", "泽": "ze", "天": "tian", "一": "yi", "文": "wen", "思": "si",
}  # fmt: skip

# Region codes (6 digits) used for fictional ID numbers, with the city a candidate lives in.
REGIONS: list[tuple[str, str]] = [
    ("440304", "深圳"), ("440305", "深圳"), ("440306", "深圳"), ("440106", "广州"), ("440104", "广州"),
    ("441302", "惠州"), ("440605", "佛山"), ("430102", "长沙"), ("420106", "武汉"), ("360102", "南昌"),
    ("450103", "南宁"), ("410105", "郑州"), ("510107", "成都"), ("350102", "福州"), ("370102", "济南"),
]  # fmt: skip

EMAIL_DOMAINS = ["example.com", "example.net", "example.org"]

# (major, category) per field; the categories follow the undergraduate catalogue (专业类).
FINANCE_MAJORS = [
    ("金融学", "金融学类"), ("金融工程", "金融学类"), ("投资学", "金融学类"), ("保险学", "金融学类"),
    ("经济学", "经济学类"), ("经济统计学", "经济学类"), ("会计学", "工商管理类"), ("财务管理", "工商管理类"),
    ("国际经济与贸易", "经济与贸易类"),
]  # fmt: skip
FINANCE_COLLEGE_MAJORS = [("金融服务与管理", "金融类"), ("大数据与会计", "财务会计类")]
TECH_MAJORS = [
    ("计算机科学与技术", "计算机类"), ("软件工程", "计算机类"), ("信息安全", "计算机类"),
    ("数据科学与大数据技术", "计算机类"), ("人工智能", "计算机类"), ("网络工程", "计算机类"),
    ("电子信息工程", "电子信息类"), ("通信工程", "电子信息类"),
]  # fmt: skip
OTHER_MAJORS = [
    ("汉语言文学", "中国语言文学类"), ("旅游管理", "旅游管理类"), ("机械设计制造及其自动化", "机械类"),
    ("土木工程", "土木类"), ("市场营销", "工商管理类"), ("环境工程", "环境科学与工程类"),
]  # fmt: skip

FINANCE_SCHOOLS = [
    "深圳大学", "暨南大学", "中南财经政法大学", "江西财经大学", "广东财经大学", "西南财经大学", "湖南大学",
    "中山大学", "华南师范大学", "广东外语外贸大学", "广东金融学院",
]  # fmt: skip
COLLEGE_SCHOOLS = ["深圳职业技术大学", "深圳信息职业技术学院", "广州番禺职业技术学院", "广东科学技术职业学院"]
TECH_SCHOOLS = [
    "华南理工大学", "中山大学", "哈尔滨工业大学（深圳）", "南方科技大学", "电子科技大学", "华中科技大学",
    "武汉大学", "西安电子科技大学", "北京邮电大学", "深圳大学",
]  # fmt: skip

TELLER_INTERNSHIPS = [
    ("中国建设银行深圳分行", "大堂助理（实习）"), ("平安银行深圳分行", "柜员实习生"),
    ("深圳农村商业银行", "综合柜员实习生"), ("交通银行深圳分行", "客户经理助理（实习）"),
    ("中国邮政储蓄银行深圳分行", "营业厅实习生"), ("招联消费金融有限公司", "客户服务实习生"),
]  # fmt: skip
TELLER_JOBS = [
    ("深圳农村商业银行", "综合柜员"), ("东莞银行深圳分行", "柜员"), ("中国邮政储蓄银行惠州分行", "储蓄柜员"),
]  # fmt: skip
TECH_INTERNSHIPS = [
    ("腾讯科技（深圳）有限公司", "后台开发实习生"), ("华为技术有限公司", "软件开发实习生"),
    ("平安科技（深圳）有限公司", "Java开发实习生"), ("深圳前海微众银行", "测试开发实习生"),
    ("金蝶软件（中国）有限公司", "后端开发实习生"), ("顺丰科技有限公司", "数据开发实习生"),
]  # fmt: skip
TECH_JOBS = [
    ("深圳市中兴软件有限责任公司", "Java开发工程师"), ("东软集团（深圳）", "软件工程师"),
    ("广州市某金融科技公司", "后端开发工程师"),
]  # fmt: skip
OTHER_JOBS = [("深圳市某连锁零售有限公司", "店员"), ("某房地产经纪公司", "置业顾问")]

TELLER_SKILLS = ["点钞", "小键盘盲打", "Excel", "客户服务", "反洗钱知识", "理财产品知识", "PowerPoint", "粤语沟通"]
TECH_SKILLS = [
    "Java", "Spring Boot", "Python", "Go", "MySQL", "Redis", "Kafka", "Linux", "Docker", "Kubernetes",
    "Vue.js", "Git", "数据结构与算法", "分布式系统",
]  # fmt: skip
TELLER_CERTS = ["证券从业资格证", "基金从业资格证", "初级会计专业技术资格"]
TECH_CERTS = ["软考中级（软件设计师）", "软考高级（系统架构设计师）", "华为认证 HCIA", "软考初级（程序员）"]

# English names used on English-language résumés.
SCHOOL_EN: dict[str, str] = {
    "深圳大学": "Shenzhen University", "暨南大学": "Jinan University",
    "中南财经政法大学": "Zhongnan University of Economics and Law", "江西财经大学": "Jiangxi University of Finance and Economics",
    "广东财经大学": "Guangdong University of Finance and Economics", "西南财经大学": "Southwestern University of Finance and Economics",
    "湖南大学": "Hunan University", "中山大学": "Sun Yat-sen University", "华南师范大学": "South China Normal University",
    "广东外语外贸大学": "Guangdong University of Foreign Studies", "广东金融学院": "Guangdong University of Finance",
    "华南理工大学": "South China University of Technology", "哈尔滨工业大学（深圳）": "Harbin Institute of Technology, Shenzhen",
    "南方科技大学": "Southern University of Science and Technology",
    "电子科技大学": "University of Electronic Science and Technology of China",
    "华中科技大学": "Huazhong University of Science and Technology", "武汉大学": "Wuhan University",
    "西安电子科技大学": "Xidian University", "北京邮电大学": "Beijing University of Posts and Telecommunications",
}  # fmt: skip
MAJOR_EN: dict[str, str] = {
    "金融学": "Finance", "金融工程": "Financial Engineering", "投资学": "Investment", "保险学": "Insurance",
    "经济学": "Economics", "经济统计学": "Economic Statistics", "会计学": "Accounting",
    "财务管理": "Financial Management", "国际经济与贸易": "International Economics and Trade",
    "计算机科学与技术": "Computer Science and Technology", "软件工程": "Software Engineering",
    "信息安全": "Information Security", "数据科学与大数据技术": "Data Science and Big Data Technology",
    "人工智能": "Artificial Intelligence", "网络工程": "Network Engineering",
    "电子信息工程": "Electronic Information Engineering", "通信工程": "Communication Engineering",
}  # fmt: skip
EMPLOYER_EN: dict[str, str] = {
    "中国建设银行深圳分行": "China Construction Bank, Shenzhen Branch", "平安银行深圳分行": "Ping An Bank, Shenzhen Branch",
    "深圳农村商业银行": "Shenzhen Rural Commercial Bank", "交通银行深圳分行": "Bank of Communications, Shenzhen Branch",
    "中国邮政储蓄银行深圳分行": "Postal Savings Bank of China, Shenzhen Branch",
    "招联消费金融有限公司": "Merchants Union Consumer Finance", "腾讯科技（深圳）有限公司": "Tencent (Shenzhen)",
    "华为技术有限公司": "Huawei Technologies", "平安科技（深圳）有限公司": "Ping An Technology (Shenzhen)",
    "深圳前海微众银行": "WeBank", "金蝶软件（中国）有限公司": "Kingdee Software (China)", "顺丰科技有限公司": "SF Technology",
}  # fmt: skip
CITY_EN: dict[str, str] = {
    "深圳": "Shenzhen", "广州": "Guangzhou", "惠州": "Huizhou", "佛山": "Foshan", "长沙": "Changsha", "武汉": "Wuhan",
    "南昌": "Nanchang", "南宁": "Nanning", "郑州": "Zhengzhou", "成都": "Chengdu", "福州": "Fuzhou", "济南": "Jinan",
}  # fmt: skip
LANGUAGE_EN: dict[str, str] = {"英语": "English", "普通话": "Putonghua", "粤语": "Cantonese"}
SKILL_EN: dict[str, str] = {
    "点钞": "Cash counting", "小键盘盲打": "Numeric keypad touch-typing", "客户服务": "Customer service",
    "反洗钱知识": "Anti-money-laundering rules", "理财产品知识": "Wealth-management products", "粤语沟通": "Cantonese",
    "数据结构与算法": "Data structures and algorithms", "分布式系统": "Distributed systems",
}  # fmt: skip
LEVEL_EN: dict[str, str] = {"二级甲等": "Level 2-A", "二级乙等": "Level 2-B", "一级乙等": "Level 1-B", "流利": "fluent"}

_DEGREE = {
    EducationLevel.VOCATIONAL: "中专",
    EducationLevel.JUNIOR_COLLEGE: "大专",
    EducationLevel.BACHELOR: "本科",
    EducationLevel.MASTER: "硕士",
}
_DEGREE_EN = {EducationLevel.BACHELOR: "Bachelor", EducationLevel.MASTER: "Master"}


@dataclass
class Person:
    """One fictional candidate and their résumé facts."""

    name: str
    name_en: str
    gender: str  # "female" / "male"
    birth: dt.date
    national_id: str
    phone: str
    email: str
    city: str
    language: str  # "zh" or "en": the language of the résumé and of messages
    highest_education: int
    education: list[dict[str, Any]] = field(default_factory=list)
    experience: list[dict[str, Any]] = field(default_factory=list)
    experience_years: float = 0.0
    skills: list[str] = field(default_factory=list)
    certificates: list[str] = field(default_factory=list)
    languages: list[dict[str, str]] = field(default_factory=list)
    ability: float = 0.5  # latent quality driving test, interview and performance figures

    @property
    def last_education(self) -> dict[str, Any]:
        return self.education[-1]

    @property
    def graduation_year(self) -> int:
        return int(str(self.last_education["end"])[:4])

    def facts(self) -> dict[str, Any]:
        return {
            "name": self.name_en if self.language == "en" else self.name,
            "phone": self.phone,
            "email": self.email,
            "education": self.education,
            "experience": self.experience,
            "experience_years": self.experience_years,
            "skills": self.skills,
            "certificates": self.certificates,
            "languages": self.languages,
        }


class PersonFactory:
    """Draws unique fictional people from a seeded random source."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._names: set[str] = set()
        self._phones: set[str] = set()
        self._serial = 0

    def _name(self, female: bool) -> tuple[str, str]:
        given_pool = GIVEN_FEMALE if female else GIVEN_MALE
        while True:
            surname = self.rng.choice(sorted(SURNAMES))
            count = 1 if self.rng.random() < 0.3 else 2
            chars = self.rng.sample(sorted(given_pool), count)
            name = surname + "".join(chars)
            if name not in self._names:
                self._names.add(name)
                given_en = "".join(given_pool[c] for c in chars)
                return name, f"{given_en.capitalize()} {SURNAMES[surname]}"

    def _phone(self) -> str:
        while True:
            phone = mobile_make(self.rng)
            if phone not in self._phones:
                self._phones.add(phone)
                return phone

    def make(
        self,
        *,
        track: str,
        qualified: bool,
        graduation: int,
        ability: float,
        language: str = "zh",
        employed_until: str = "",
        extra_degree: tuple[str, str, str] | None = None,
    ) -> Person:
        """A person for a track ("teller" or "tech") who does or does not meet its requirements.
        `graduation` is the year of the last degree; `employed_until` ("YYYY-MM") adds a job held from that
        summer until then; `extra_degree` adds a master's (school, major, category)."""
        rng = self.rng
        self._serial += 1
        female = rng.random() < (0.62 if track == "teller" else 0.35)
        name, name_en = self._name(female)
        region, city = rng.choice(REGIONS)
        level, school, major, category = self._education(track, qualified)
        if extra_degree is not None:
            level = EducationLevel.MASTER
        first_end = graduation - (3 if extra_degree is not None else 0)
        years = 3 if level == EducationLevel.JUNIOR_COLLEGE else 4
        first_level = EducationLevel.BACHELOR if extra_degree is not None else level
        age_at_grad = 21 if first_level == EducationLevel.JUNIOR_COLLEGE else 22
        birth = dt.date(first_end - age_at_grad - rng.choice([0, 0, 1]), rng.randint(1, 12), rng.randint(1, 28))
        education = [self._degree(first_level, school, major, category, first_end, years, language)]
        if extra_degree is not None:
            m_school, m_major, m_category = extra_degree
            education.append(
                self._degree(EducationLevel.MASTER, m_school, m_major, m_category, graduation, 2, language)
            )
        experience = self._experience(track, qualified, first_end, graduation, employed_until, language)
        work_months = sum(_months(e["start"], e["end"]) for e in experience if not e["is_internship"])
        certificates, languages = self._credentials(track, qualified, language)
        skills = rng.sample(TELLER_SKILLS if track == "teller" else TECH_SKILLS, rng.randint(3, 5))
        if language == "en":
            skills = [SKILL_EN.get(skill, skill) for skill in skills]
        local = name_en.lower().replace(" ", ".")
        email = f"{local}{self._serial:02d}@{rng.choice(EMAIL_DOMAINS)}"
        return Person(
            name=name,
            name_en=name_en if language == "en" else "",
            gender="female" if female else "male",
            birth=birth,
            national_id=national_id_make(region=region, birth=birth, sequence=rng.randrange(1000), female=female),
            phone=self._phone(),
            email=email,
            city=city,
            language=language,
            highest_education=int(level),
            education=education,
            experience=experience,
            experience_years=round(work_months / 12, 1),
            skills=skills,
            certificates=certificates,
            languages=languages,
            ability=ability,
        )

    def _education(self, track: str, qualified: bool) -> tuple[int, str, str, str]:
        rng = self.rng
        if track == "teller":
            if not qualified:
                if rng.random() < 0.5:
                    return EducationLevel.VOCATIONAL, "深圳市第一职业技术学校", "会计事务", "财经商贸类"
                major, category = rng.choice(OTHER_MAJORS)
                return EducationLevel.BACHELOR, rng.choice(FINANCE_SCHOOLS), major, category
            if rng.random() < 0.25:
                major, category = rng.choice(FINANCE_COLLEGE_MAJORS)
                return EducationLevel.JUNIOR_COLLEGE, rng.choice(COLLEGE_SCHOOLS), major, category
            major, category = rng.choice(FINANCE_MAJORS)
            return EducationLevel.BACHELOR, rng.choice(FINANCE_SCHOOLS), major, category
        if not qualified:
            if rng.random() < 0.5:
                return EducationLevel.JUNIOR_COLLEGE, "深圳信息职业技术学院", "软件技术", "计算机类"
            major, category = rng.choice(OTHER_MAJORS)
            return EducationLevel.BACHELOR, rng.choice(TECH_SCHOOLS), major, category
        major, category = rng.choice(TECH_MAJORS)
        return EducationLevel.BACHELOR, rng.choice(TECH_SCHOOLS), major, category

    @staticmethod
    def _degree(
        level: int, school: str, major: str, category: str, end_year: int, years: int, language: str
    ) -> dict[str, Any]:
        degree = (
            _DEGREE_EN.get(EducationLevel(level), _DEGREE[EducationLevel(level)])
            if language == "en"
            else _DEGREE[EducationLevel(level)]
        )
        if language == "en":
            school, major = SCHOOL_EN.get(school, school), MAJOR_EN.get(major, major)
        return {
            "degree": degree,
            "school": school,
            "major": major,
            "major_category": category,
            "start": f"{end_year - years}-09",
            "end": f"{end_year}-06" if years != 2 else f"{end_year}-07",
        }

    def _experience(
        self, track: str, qualified: bool, first_end: int, graduation: int, employed_until: str, language: str
    ) -> list[dict[str, Any]]:
        rng = self.rng
        entries: list[dict[str, Any]] = []
        if qualified:
            employer, title = rng.choice(TELLER_INTERNSHIPS if track == "teller" else TECH_INTERNSHIPS)
            month = rng.choice([1, 7])
            year = first_end - 1
            entries.append(
                {
                    "employer": employer if language == "zh" else EMPLOYER_EN.get(employer, employer),
                    "title": title if language == "zh" else _intern_title_en(track),
                    "start": f"{year}-{month:02d}",
                    "end": f"{year}-{month + 2:02d}",
                    "is_internship": True,
                }
            )
        if employed_until:
            employer, title = rng.choice((TELLER_JOBS if track == "teller" else TECH_JOBS) if qualified else OTHER_JOBS)
            entries.append(
                {
                    "employer": employer,
                    "title": title,
                    "start": f"{graduation}-07",
                    "end": employed_until,
                    "is_internship": False,
                }
            )
        return entries

    def _credentials(self, track: str, qualified: bool, language: str) -> tuple[list[str], list[dict[str, str]]]:
        rng = self.rng
        certificates: list[str] = []
        languages: list[dict[str, str]] = []
        if track == "teller":
            if qualified and rng.random() < 0.7:
                certificates.append("银行从业资格证")
            if rng.random() < 0.35:
                certificates.append(rng.choice(TELLER_CERTS))
            languages.append({"language": "普通话", "level": rng.choice(["二级甲等", "二级乙等", "一级乙等"])})
            languages.append({"language": "英语", "level": rng.choice(["CET-4", "CET-6"])})
            if rng.random() < 0.3:
                languages.append({"language": "粤语", "level": "流利"})
        else:
            if qualified:
                languages.append({"language": "英语", "level": "CET-6"})
                if rng.random() < 0.4:
                    certificates.append(rng.choice(TECH_CERTS))
            else:
                languages.append({"language": "英语", "level": "CET-4"})
            languages.append({"language": "普通话", "level": "二级乙等"})
        if language == "en":
            languages.append({"language": "英语", "level": "IELTS 7.5"})
        return certificates, languages


def _intern_title_en(track: str) -> str:
    return "Branch operations intern" if track == "teller" else "Software engineering intern"


def _months(start: str, end: str) -> int:
    sy, sm = (int(x) for x in start.split("-"))
    ey, em = (int(x) for x in end.split("-"))
    return (ey - sy) * 12 + (em - sm)


def resume_text(person: Person, *, position_title: str) -> str:
    """A plain-text résumé for the person, in their language."""
    if person.language == "en":
        return _resume_text_en(person, position_title=position_title)
    lines = [
        f"{person.name}",
        f"求职意向：{position_title}",
        f"电话：{person.phone}    邮箱：{person.email}    现居：{person.city}",
        f"出生年月：{person.birth:%Y.%m}    性别：{'女' if person.gender == 'female' else '男'}",
        "",
        "【教育背景】",
    ]
    for e in person.education:
        lines.append(f"{_dot(e['start'])} - {_dot(e['end'])}  {e['school']}  {e['major']}  {e['degree']}")
    if person.experience:
        lines += ["", "【工作与实习经历】"]
        for x in person.experience:
            lines.append(f"{_dot(x['start'])} - {_dot(x['end'])}  {x['employer']}  {x['title']}")
    lines += ["", "【技能证书】"]
    if person.certificates:
        lines.append("证书：" + "、".join(person.certificates))
    lines.append("语言：" + "、".join(f"{lang['language']}（{lang['level']}）" for lang in person.languages))
    lines.append("技能：" + "、".join(person.skills))
    return "\n".join(lines)


def _resume_text_en(person: Person, *, position_title: str) -> str:
    lines = [
        f"{person.name_en.upper()} ({person.name})",
        f"Objective: {position_title}",
        f"Mobile: +86 {person.phone} | Email: {person.email} | Location: {CITY_EN.get(person.city, person.city)}",
        "",
        "EDUCATION",
    ]
    for e in person.education:
        lines.append(f"{e['start']} – {e['end']}  {e['degree']}, {e['major']}, {e['school']}")
    if person.experience:
        lines += ["", "EXPERIENCE"]
        for x in person.experience:
            lines.append(f"{x['start']} – {x['end']}  {x['title']}, {x['employer']}")
    lines += ["", "SKILLS & CERTIFICATES"]
    if person.certificates:
        lines.append("Certificates: " + ", ".join(person.certificates))
    lines.append(
        "Languages: "
        + ", ".join(
            f"{LANGUAGE_EN.get(lang['language'], lang['language'])} ({LEVEL_EN.get(lang['level'], lang['level'])})"
            for lang in person.languages
        )
    )
    lines.append("Skills: " + ", ".join(person.skills))
    return "\n".join(lines)


def _dot(yyyymm: str) -> str:
    return yyyymm.replace("-", ".")
