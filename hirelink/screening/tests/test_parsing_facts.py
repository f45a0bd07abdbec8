"""Fact extraction from résumé text: dates, contact, education, experience, skills, certificates, languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hirelink.screening.parsing import extract_facts, lookup_major
from hirelink.screening.parsing.data.majors import MAJORS_ZH, all_categories
from hirelink.screening.parsing.entries import merged_months
from hirelink.screening.parsing.text import find_range, parse_date

TODAY = dt.date(2026, 6, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019.09", "2019-09"),
        ("2019/9", "2019-09"),
        ("2019年9月", "2019-09"),
        ("Sep 2019", "2019-09"),
        ("September, 2019", "2019-09"),
        ("09/2019", "2019-09"),
        ("2019-09", "2019-09"),
        ("2019", "2019-01"),
        ("2019年", "2019-01"),
        ("无日期", None),
    ],
)
def test_parse_date_formats(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("2019.07 - 至今", "2019-07", None, True),
        ("Jul 2019 – Present", "2019-07", None, True),
        ("2019-09 - 2021-06", "2019-09", "2021-06", False),
        ("2015 - 2019", "2015-01", "2019-01", False),
        ("2018年6月—2020年1月", "2018-06", "2020-01", False),
        ("2021.06 毕业", None, "2021-06", False),
    ],
)
def test_find_range(text, start, end, current):
    found = find_range(text.replace("–", "-").replace("—", "-"))
    assert found is not None
    assert (found.start, found.end, found.current) == (start, end, current)


@pytest.mark.parametrize(
    ("line", "phone"),
    [
        ("电话：138 1234 5678", "13812345678"),
        ("Tel: +86 139-1234-5678", "13912345678"),
        ("手机 (+86)13712345678", "13712345678"),
        ("+8615012345678", "15012345678"),
        ("电话：010-62751234", "010-62751234"),
        ("学号 20191234567890", None),
    ],
)
def test_phone_forms(line, phone):
    assert extract_facts(f"张伟\n{line}").phone == phone


def test_email_is_lowercased():
    assert extract_facts("张伟\nEmail: Zhang.Wei@Example.COM").email == "zhang.wei@example.com"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("个人简历\n姓名：王小明\n电话：13812345678", "王小明"),
        ("欧阳娜娜 | 求职意向：柜员\n13812345678", "欧阳娜娜"),
        ("张  伟\n13812345678", "张伟"),
        ("JOHN SMITH\njohn@example.com", "John Smith"),
        ("Curriculum Vitae\nName: Emily Chen\n", "Emily Chen"),
        ("教育背景\n2015.09-2019.06 复旦大学 金融学 本科", None),
    ],
)
def test_name(text, name):
    assert extract_facts(text).name == name


@pytest.mark.parametrize(
    ("line", "degree", "level"),
    [
        ("2015.09-2019.06 复旦大学 金融学 本科", "本科", 40),
        ("2015.09-2019.06 复旦大学 金融学 学士", "本科", 40),
        ("2019.09-2022.06 复旦大学 金融学 硕士研究生", "硕士", 50),
        ("2019.09-2022.06 复旦大学 金融学 研究生", "硕士", 50),
        ("2019.09-2024.06 复旦大学 金融学 博士研究生", "博士", 60),
        ("2012.09-2015.06 深圳职业技术学院 金融学 专科", "大专", 30),
        ("2009.09-2012.06 福州财政金融职业中专学校 会计 中专", "中专", 20),
        ("2009.09-2012.06 北京市第四中学 高中", "高中", 10),
        ("B.Sc. in Finance, Fudan University, 2015 - 2019", "本科", 40),
        ("Bachelor of Arts in Economics, Peking University, 2015 - 2019", "本科", 40),
        ("MSc Finance, University of Manchester, 2019 - 2020", "硕士", 50),
        ("MBA, China Europe International Business School, 2019 - 2021", "硕士", 50),
        ("Ph.D. in Statistics, Stanford University, 2015 - 2020", "博士", 60),
    ],
)
def test_degree_normalisation(line, degree, level):
    facts = extract_facts(f"教育背景\n{line}")
    assert [e.degree for e in facts.education] == [degree]
    assert facts.highest_degree_level() == level


@pytest.mark.parametrize(
    ("line", "school", "major", "category"),
    [
        ("2015.09-2019.06 中央财经大学 金融学 本科", "中央财经大学", "金融学", "经济学/金融学类"),
        ("2015.09-2019.06 北京大学光华管理学院 会计学专业 本科", "北京大学", "会计学", "管理学/工商管理类"),
        ("2015.09-2019.06 浙江大学 计算机科学与技术 本科", "浙江大学", "计算机科学与技术", "工学/计算机类"),
        ("2015.09-2019.06 浙江大学 计算机 本科", "浙江大学", "计算机", "工学/计算机类"),
        ("2015.09-2019.06 香港中文大学（深圳） 经济学 本科", "香港中文大学(深圳)", "经济学", "经济学/经济学类"),
        ("B.Sc. in Computer Science, Shanghai Jiao Tong University, 2015 - 2019", "Shanghai Jiao Tong University",
         "Computer Science", "工学/计算机类"),
        ("Bachelor of Laws, University of California, Berkeley, 2015 - 2019", "University of California, Berkeley",
         "Laws", "法学/法学类"),
        ("2015.09-2019.06 某某大学 古生物学专业 本科", "某某大学", "古生物学", None),
    ],
)  # fmt: skip
def test_school_major_and_category(line, school, major, category):
    facts = extract_facts(f"教育背景\n{line}")
    entry = facts.education[0]
    assert (entry.school, entry.major, entry.major_category) == (school, major, category)


def test_education_across_lines_and_order_of_fields():
    # given entries written school-first on one line and degree/major on the next
    text = "教育背景\n复旦大学    2019.09 - 2022.06\n金融学  硕士\n武汉大学    2015.09 - 2019.06\n统计学  本科\n"

    # when parsed
    facts = extract_facts(text)

    # then each entry keeps its own dates, major and degree
    assert [e.to_dict() for e in facts.education] == [
        {
            "degree": "硕士", "school": "复旦大学", "major": "金融学", "major_category": "经济学/金融学类",
            "start": "2019-09", "end": "2022-06", "degree_en": "Master", "degree_level": 50,
            "major_discipline": "经济学",
        },
        {
            "degree": "本科", "school": "武汉大学", "major": "统计学", "major_category": "理学/统计学类",
            "start": "2015-09", "end": "2019-06", "degree_en": "Bachelor", "degree_level": 40,
            "major_discipline": "理学",
        },
    ]  # fmt: skip
    assert facts.graduation_year == 2022


def test_course_lines_do_not_become_majors():
    text = "教育背景\n2015.09-2019.06 复旦大学 金融学 本科\n主修课程：会计学、统计学、计量经济学\n"
    facts = extract_facts(text)
    assert [(e.school, e.major) for e in facts.education] == [("复旦大学", "金融学")]


def test_experience_current_job_internship_and_years_without_double_counting():
    # given a job to date, an overlapping earlier job, and an internship during the first job
    text = (
        "工作经历\n"
        "2018.07 - 2021.06  招商银行深圳分行  客户经理\n"
        "- 负责零售客户维护\n"
        "2021.01 - 至今  平安银行深圳分行  理财经理\n"
        "实习经历\n"
        "2017.07 - 2017.09  中信银行深圳分行  大堂实习生\n"
    )

    # when parsed on 2026-06-15
    facts = extract_facts(text, today=TODAY)

    # then the overlap (2021-01..06) is counted once and the internship not at all
    assert [e.to_dict() for e in facts.experience] == [
        {"employer": "招商银行深圳分行", "title": "客户经理", "start": "2018-07", "end": "2021-06",
         "is_internship": False, "is_current": False},
        {"employer": "平安银行深圳分行", "title": "理财经理", "start": "2021-01", "end": None,
         "is_internship": False, "is_current": True},
        {"employer": "中信银行深圳分行", "title": "大堂实习生", "start": "2017-07", "end": "2017-09",
         "is_internship": True, "is_current": False},
    ]  # fmt: skip
    assert facts.experience_years == 8.0
    assert facts.internship_months == 3


def test_intern_title_in_work_section_is_an_internship():
    text = "Work Experience\nSummer Analyst Intern, Goldman Sachs    Jun 2018 - Aug 2018\n"
    facts = extract_facts(text, today=TODAY)
    assert [(e.employer, e.title, e.is_internship) for e in facts.experience] == [
        ("Goldman Sachs", "Summer Analyst Intern", True)
    ]
    assert facts.experience_years == 0.0


def test_employer_and_title_run_together_are_split():
    text = "工作经历\n2020.07-至今招商银行北京分行客户经理\n"
    facts = extract_facts(text, today=TODAY)
    assert [(e.employer, e.title) for e in facts.experience] == [("招商银行北京分行", "客户经理")]


def test_labelled_title_on_the_next_line():
    text = "工作经历\n国泰君安证券股份有限公司    2021.07 - 至今\n职位：数据分析师\n- 搭建模型\n"
    facts = extract_facts(text, today=TODAY)
    assert [(e.employer, e.title, e.start) for e in facts.experience] == [
        ("国泰君安证券股份有限公司", "数据分析师", "2021-07")
    ]


@pytest.mark.parametrize(
    ("periods", "months"),
    [
        ([("2019-07", "2021-06")], 24),
        ([("2019-07", "2021-06"), ("2021-01", "2022-06")], 36),
        ([("2019-07", "2021-06"), ("2021-07", "2021-12")], 30),
        ([("2019-07", "2019-12"), ("2021-01", "2021-06")], 12),
        ([("2019-07", "2020-06"), ("2019-09", "2019-10")], 12),
        ([("2021-06", "2019-07")], 0),
    ],
)
def test_merged_months(periods, months):
    assert merged_months(periods) == months


def test_certificates_with_levels_and_scores():
    # given a certificate line with levels and exam scores
    text = (
        "证书\nCFA 二级、FRM Part I、CET-6（562）、雅思 7.5、TOEFL 105、银行从业资格、证券从业、"
        "软考系统架构设计师、PMP\n"
    )

    # when parsed
    facts = extract_facts(text)

    # then names are canonical and scores are kept in the details
    assert facts.certificate_names == [
        "CFA Level 2", "FRM Part 1", "CET-6", "IELTS", "TOEFL", "银行从业资格", "证券从业资格",
        "软考 系统架构设计师", "PMP",
    ]  # fmt: skip
    assert [c.to_dict() for c in facts.certificates][2:5] == [
        {"name": "CET-6", "score": 562},
        {"name": "IELTS", "score": 7.5},
        {"name": "TOEFL", "score": 105},
    ]


def test_exam_title_outside_certificate_context_is_a_job_not_a_certificate():
    text = "工作经历\n2019.07-至今 华为技术有限公司 网络工程师\n"
    assert extract_facts(text).certificate_names == []


def test_higher_cfa_level_wins():
    text = "证书：CFA Level I（2019）\n技能：通过 CFA 三级考试\n"
    assert extract_facts(text).certificate_names == ["CFA Level 3"]


def test_languages_with_levels_and_exam_evidence():
    # given self-assessed languages plus an English exam and a JLPT level
    text = "语言能力\n英语（熟练），普通话（一级乙等），粤语（母语），日语 N2\n证书：CET-6 580\n"

    # when parsed
    facts = extract_facts(text)

    # then the exam is the English level and the self-assessment is kept as proficiency
    assert [lang.to_dict() for lang in facts.languages] == [
        {"language": "英语", "language_en": "English", "level": "CET-6", "proficiency": "熟练"},
        {"language": "普通话", "language_en": "Mandarin", "level": "一级乙等", "proficiency": None},
        {"language": "粤语", "language_en": "Cantonese", "level": "母语", "proficiency": "母语"},
        {"language": "日语", "language_en": "Japanese", "level": "JLPT N2", "proficiency": None},
    ]


def test_english_major_does_not_make_a_language():
    text = "教育背景\n2015.09-2019.06 北京外国语大学 英语 本科\n"
    assert extract_facts(text).languages == []


def test_skills_are_canonical_and_case_aware():
    # given skills in mixed case, aliases, and words that must not match (R&D, "react quickly")
    text = "技能：python、SQL、Golang、k8s、R语言、EXCEL、Word文档\n负责 R&D 团队；能 react quickly\n"

    # when parsed / then canonical names in order of first mention
    assert extract_facts(text).skills == ["Python", "SQL", "Go", "Kubernetes", "R", "Excel", "Word"]


def test_to_dict_has_the_contract_keys():
    facts = extract_facts("张伟\n教育背景\n2015.09-2019.06 复旦大学 金融学 本科\n")
    data = facts.to_dict()
    assert set(data) >= {
        "name", "phone", "email", "education", "experience", "experience_years", "skills", "certificates",
        "languages",
    }  # fmt: skip
    assert set(data["education"][0]) >= {"degree", "school", "major", "major_category", "start", "end"}


def test_no_education_gives_no_level_and_no_graduation_year():
    facts = extract_facts("张伟\n13812345678")
    assert facts.highest_degree_level() is None
    assert facts.graduation_year is None


def test_major_table_covers_the_catalogue():
    # given the major table / then it has the common catalogue majors and English names map to the same class
    assert len(MAJORS_ZH) >= 150
    assert lookup_major("Finance") == lookup_major("金融学")
    computer_science = lookup_major("computer science")
    assert computer_science is not None
    assert computer_science.category == "工学/计算机类"
    assert ("经济学/金融学类", "Economics/Finance") in all_categories()


def test_job_board_style_chinese_resume():
    # given a 智联/BOSS-style résumé: key-value header, degree in brackets, 今 as the end date
    text = (
        "个人简历\n"
        "姓    名：李明          性    别：男\n"
        "出生年月：1995.03       民    族：汉\n"
        "手    机：13912345678   邮    箱：liming@163.com\n"
        "教育经历\n"
        "2013.09-2017.06      东北财经大学          金融学（本科）\n"
        "工作经历\n"
        "2017.07-2020.06      中国银行大连分行      对公客户经理\n"
        "工作内容：1、负责对公客户营销；2、贷后管理。\n"
        "2020.07-今           大连银行              公司业务部副经理\n"
        "技能证书：银行从业资格（初级）、英语六级、C1驾照\n"
    )

    # when parsed
    facts = extract_facts(text, today=TODAY)

    # then
    assert (facts.name, facts.phone, facts.email) == ("李明", "13912345678", "liming@163.com")
    assert [(e.degree, e.school, e.major, e.start, e.end) for e in facts.education] == [
        ("本科", "东北财经大学", "金融学", "2013-09", "2017-06")
    ]
    assert [(e.employer, e.title, e.start, e.end, e.is_current) for e in facts.experience] == [
        ("中国银行大连分行", "对公客户经理", "2017-07", "2020-06", False),
        ("大连银行", "公司业务部副经理", "2020-07", None, True),
    ]
    assert facts.experience_years == 9.0
    assert facts.certificate_names == ["银行从业资格", "CET-6"]


def test_english_resume_with_pipes_and_year_only_dates():
    # given an English résumé: year-only education dates, pipe-separated jobs, a summer internship
    text = (
        "JANE DOE\nToronto, ON | jane.doe@mail.com | +86 188-1234-5678\n\n"
        "EDUCATION\n"
        "2015 – 2019    University of Toronto    B.Comm in Finance\n"
        "2019 – 2020    University of Oxford    MSc Mathematical Finance\n\n"
        "EXPERIENCE\n"
        "Scotiabank | Toronto | Credit Risk Analyst | Jul 2020 – Present\n"
        "- Built PD models using Python and SAS\n"
        "RBC Capital Markets | Summer Analyst | May 2018 – Aug 2018\n\n"
        "LANGUAGES\nEnglish (Native), French (Intermediate), Mandarin (Conversational)\n"
    )

    # when parsed
    facts = extract_facts(text, today=TODAY)

    # then year-only dates are January, the summer analyst role is an internship, years exclude it
    assert facts.name == "Jane Doe"
    assert [(e.degree, e.school, e.major, e.major_category, e.start, e.end) for e in facts.education] == [
        ("本科", "University of Toronto", "Finance", "经济学/金融学类", "2015-01", "2019-01"),
        ("硕士", "University of Oxford", "Mathematical Finance", "经济学/金融学类", "2019-01", "2020-01"),
    ]
    assert [(e.employer, e.title, e.is_internship) for e in facts.experience] == [
        ("Scotiabank", "Credit Risk Analyst", False),
        ("RBC Capital Markets", "Summer Analyst", True),
    ]
    assert facts.experience_years == 6.0
    assert [(lang.language, lang.level) for lang in facts.languages] == [
        ("英语", "母语"),
        ("法语", "良好"),
        ("普通话", "良好"),
    ]


def test_key_value_table_resume_uses_the_labelled_sections():
    # given a table template flattened to "label | value" rows
    text = (
        "姓名 | 王强 | 性别 | 男 | 出生年月 | 1996.05\n"
        "毕业院校 | 西南财经大学 | 学历 | 本科\n"
        "专业 | 金融学 | 联系电话 | 15912345678\n"
        "教育经历 | 2014.09-2018.06 西南财经大学 金融学 本科\n"
        "工作经历 | 2018.07-至今 成都银行 客户经理\n"
        "证书 | 银行从业资格、CET-4\n"
    )

    # when parsed
    facts = extract_facts(text, today=TODAY)

    # then the labelled rows give one education and one job
    assert facts.name == "王强"
    assert [(e.school, e.major, e.degree, e.start) for e in facts.education] == [
        ("西南财经大学", "金融学", "本科", "2014-09")
    ]
    assert [(e.employer, e.title, e.is_current) for e in facts.experience] == [("成都银行", "客户经理", True)]
    assert facts.certificate_names == ["银行从业资格", "CET-4"]


def test_parsing_package_imports_no_django():
    # given a fresh interpreter / when the package and its parsers are imported
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, hirelink.screening.parsing as p; "
        "p.parse_resume_bytes('张伟 北京大学 本科'.encode() * 3, 'a.txt'); "
        "print(sorted(m.split('.')[0] for m in sys.modules if m.split('.')[0] in ('django', 'ninja')))"
    )
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True, timeout=60
    )

    # then Django was never imported
    assert result.stdout.strip() == "[]"


def test_labelled_experience_fields_on_one_line():
    # given 前程无忧-style labelled fields, the values running up to the next label
    text = (
        "陈晨\n男 | 28岁 | 本科 | 5年工作经验\n"
        "工作经历：\n"
        "公司名称：上海浦东发展银行 职位：个人客户经理 时间：2019年7月至今\n"
        "工作描述：负责个人客户资产配置\n"
        "公司名称：东方证券股份有限公司 职位：投资顾问 时间：2017年7月-2019年6月\n"
        "教育背景：\n本科 | 金融学 | 上海财经大学 | 2013-2017\n"
    )

    # when parsed
    facts = extract_facts(text, today=TODAY)

    # then each labelled value is one field
    assert [(e.employer, e.title, e.start, e.end) for e in facts.experience] == [
        ("上海浦东发展银行", "个人客户经理", "2019-07", None),
        ("东方证券股份有限公司", "投资顾问", "2017-07", "2019-06"),
    ]
    assert [(e.degree, e.school, e.major, e.start) for e in facts.education] == [
        ("本科", "上海财经大学", "金融学", "2013-01")
    ]


def test_employer_line_then_title_and_dates_line():
    # given English entries written as "Employer, City" over "Title, dates"
    text = (
        "Emily Chen — Financial Analyst\n"
        "Professional Experience\n"
        "Bank of China (Hong Kong) Limited, Hong Kong\n"
        "Senior Financial Analyst, Mar 2021 – Present\n"
        "Ernst & Young, Shanghai\n"
        "Audit Senior, Sep 2017 – Feb 2021\n"
        "Education\n"
        "The Chinese University of Hong Kong — Master of Accountancy, 2016 – 2017\n"
    )

    # when parsed
    facts = extract_facts(text, today=TODAY)

    # then
    assert facts.name == "Emily Chen"
    assert [(e.employer, e.title, e.start, e.end) for e in facts.experience] == [
        ("Bank of China (Hong Kong) Limited", "Senior Financial Analyst", "2021-03", None),
        ("Ernst & Young", "Audit Senior", "2017-09", "2021-02"),
    ]
    assert [(e.degree, e.school, e.major, e.major_category) for e in facts.education] == [
        ("硕士", "The Chinese University of Hong Kong", "Accountancy", "管理学/工商管理类")
    ]


def test_education_from_a_personal_information_block():
    # given a résumé whose education is only in the 基本信息 block
    text = (
        "基本信息\n"
        "姓名：孙悦        性别：女\n"
        "毕业院校：中南财经政法大学    学历：本科\n"
        "专业：财务管理    毕业时间：2024年6月\n"
        "工作经历\n"
        "2024.07-至今 湖北银行 综合柜员\n"
    )

    # when parsed
    facts = extract_facts(text, today=TODAY)

    # then one entry is assembled from the labelled fields
    assert [(e.degree, e.school, e.major, e.major_category, e.start, e.end) for e in facts.education] == [
        ("本科", "中南财经政法大学", "财务管理", "管理学/工商管理类", None, "2024-06")
    ]
    assert facts.graduation_year == 2024
    assert facts.name == "孙悦"
