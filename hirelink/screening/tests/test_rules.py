"""The rule engine on plain facts dicts: every condition type, AND/OR nesting, required vs preferred, the
language equivalence table and the requirements assistant. No database."""

from __future__ import annotations

from typing import Any

import pytest

from hirelink.screening.rules import (
    RuleDefinitionError,
    clean_definition,
    compile_definition,
    evaluate_uncompiled,
    subject_from_facts,
)
from hirelink.screening.rules.assistant import draft_conditions

FACTS: dict[str, Any] = {
    "name": "张三",
    "education": [
        {
            "degree": "大专",
            "school": "深圳职业技术学院",
            "major": "会计",
            "major_category": "财务会计类",
            "start": "2015-09",
            "end": "2018-06",
        },
        {
            "degree": "本科",
            "school": "深圳大学",
            "major": "金融学",
            "major_category": "经济学/金融学类",
            "start": "2018-09",
            "end": "2020-06",
        },
    ],
    "experience_years": 2.5,
    "skills": ["Python", "Excel"],
    "certificates": ["银行从业资格", "CET-6"],
    "languages": [{"language": "英语", "language_en": "English", "level": "CET-6", "proficiency": None}],
    "city": "深圳",
}


def rule(ctype: str, operator: str, required: bool = True, **params: Any) -> dict[str, Any]:
    return {"type": ctype, "operator": operator, "params": params, "required": required}


def run(condition: dict[str, Any], facts: dict[str, Any] = FACTS, text: str = "") -> dict[str, Any]:
    evaluation = compile_definition({"logic": "and", "children": [condition]}).evaluate(
        subject_from_facts(facts, text=text)
    )
    return {"passed": evaluation.passed, **evaluation.results[0]}


def test_education_at_least_bachelor_fails_for_associate_with_both_reasons():
    # given a candidate whose only degree is 大专
    facts = {**FACTS, "education": [FACTS["education"][0]]}
    # when the rule asks for 本科 or above
    result = run(rule("education", "gte", level=40), facts)
    # then it fails with the compared values in zh and en
    assert result["passed"] is False
    assert result["reason_zh"] == "要求本科及以上，实际：大专"
    assert result["reason_en"] == "Requires Bachelor or above, actual: Associate"


def test_education_uses_the_highest_degree():
    result = run(rule("education", "gte", level=40))
    assert (result["passed"], result["actual"]) == (True, "本科")


def test_major_matches_by_category_or_name():
    by_category = run(rule("major", "in", majors=[], categories=["金融学类"]))
    by_name = run(rule("major", "in", majors=["会计学"], categories=[]))
    neither = run(rule("major", "in", majors=["计算机科学"], categories=["计算机类"]))
    assert (by_category["passed"], by_name["passed"], neither["passed"]) == (True, True, False)
    assert neither["reason_zh"] == "要求专业属于：计算机科学 或 计算机类，实际：会计、金融学（经济学/财务会计/金融学）"


def test_experience_years():
    result = run(rule("experience", "gte", years=3))
    assert result["passed"] is False
    assert result["reason_zh"] == "要求3 年及以上工作经验，实际：2.5 年"
    assert result["reason_en"] == "Requires at least 3 years of experience, actual: 2.5 years"


def test_certificate_any_of_list_with_aliases():
    held = run(rule("certificate", "any", certificates=["CFA", "银行从业资格证"]))
    missing = run(rule("certificate", "all", certificates=["CFA", "银行从业资格证"]))
    assert (held["passed"], held["actual"]) == (True, "银行从业资格")
    assert missing["passed"] is False


def test_language_cet6_counts_as_ielts_6_5_but_not_7():
    meets = run(rule("language", "gte", language="en", level="IELTS 6.5"))
    short = run(rule("language", "gte", language="en", level="IELTS 7.0"))
    assert meets["passed"] is True
    assert short["passed"] is False
    assert short["reason_zh"] == "要求英语 IELTS 7.0 或同等水平（≈IELTS 7.0），实际：英语 CET-6（≈IELTS 6.5）"


def test_language_ielts_in_text_satisfies_cet6():
    facts = {**FACTS, "languages": [], "certificates": []}
    result = run(rule("language", "gte", language="en", level="CET-6"), facts, text="语言：雅思 7.5 分")
    assert result["passed"] is True


def test_language_missing_is_not_stated():
    facts = {**FACTS, "languages": [], "certificates": []}
    result = run(rule("language", "gte", language="ja", level="JLPT N2"), facts)
    assert (result["passed"], result["actual_en"]) == (False, "not stated")


def test_graduation_year_range():
    inside = run(rule("graduation_year", "between", min=2019, max=2021))
    outside = run(rule("graduation_year", "between", min=2024, max=None))
    assert inside["passed"] is True
    assert outside["reason_zh"] == "要求2024 年及以后毕业，实际：2020 年"


def test_location_in_list_or_willing():
    facts = {**FACTS, "city": "北京市"}
    strict = run(rule("location", "in", cities=["深圳", "广州"], accept_willing=False), facts, text="愿意接受调剂")
    lenient = run(rule("location", "in", cities=["深圳", "广州"], accept_willing=True), facts, text="愿意接受调剂")
    english = run(rule("location", "in", cities=["Shenzhen"], accept_willing=False))
    assert (strict["passed"], lenient["passed"], english["passed"]) == (False, True, True)
    assert lenient["actual"] == "北京市（愿意异地）"


def test_keyword_any_all_none_in_resume_text():
    text = "熟悉 Java 与 Spring，参与核心系统开发"
    assert run(rule("keyword", "any", keywords=["python", "go"]), text=text)["passed"] is True  # skill list
    assert run(rule("keyword", "all", keywords=["java", "kafka"]), text=text)["passed"] is False
    assert run(rule("keyword", "none", keywords=["赌博"]), text=text)["passed"] is True


def test_and_or_nesting():
    # given: 本科+ AND (CFA OR (银行从业 AND 深圳))
    definition = {
        "logic": "and",
        "children": [
            rule("education", "gte", level=40),
            {
                "logic": "or",
                "children": [
                    rule("certificate", "any", certificates=["CFA"]),
                    {
                        "logic": "and",
                        "children": [
                            rule("certificate", "any", certificates=["银行从业资格"]),
                            rule("location", "in", cities=["深圳"]),
                        ],
                    },
                ],
            },
        ],
    }
    compiled = compile_definition(definition)
    in_shenzhen = subject_from_facts(FACTS)
    in_beijing = subject_from_facts({**FACTS, "city": "北京"})
    # then the inner AND rescues the OR only in Shenzhen
    assert compiled.evaluate(in_shenzhen).passed is True
    assert compiled.evaluate(in_beijing).passed is False
    assert [r["group"] for r in compiled.evaluate(in_beijing).results] == ["1", "1.2", "1.2.2", "1.2.2"]
    assert evaluate_uncompiled(clean_definition(definition), in_beijing) is False


def test_preferred_conditions_are_recorded_but_do_not_fail():
    definition = {
        "logic": "and",
        "children": [
            rule("education", "gte", level=40),
            rule("certificate", "any", required=False, certificates=["CFA"]),
        ],
    }
    evaluation = compile_definition(definition).evaluate(subject_from_facts(FACTS))
    assert evaluation.passed is True
    assert [(r["passed"], r["required"]) for r in evaluation.results] == [(True, True), (False, False)]


def test_invalid_definitions_are_refused_bilingually():
    with pytest.raises(RuleDefinitionError) as excinfo:
        clean_definition({"logic": "and", "children": [rule("education", "gte", level=45)]})
    assert (excinfo.value.message_zh, excinfo.value.message_en) == ("请选择学历层次", "Choose an education level")
    with pytest.raises(RuleDefinitionError):
        clean_definition({"logic": "xor", "children": [rule("education", "gte", level=40)]})
    with pytest.raises(RuleDefinitionError):
        clean_definition({"logic": "and", "children": [rule("horoscope", "eq", sign="leo")]})
    with pytest.raises(RuleDefinitionError):
        clean_definition({"logic": "and", "children": []})


def test_assistant_drafts_from_a_chinese_job_description():
    draft = draft_conditions(
        "任职要求：全日制本科及以上学历，硕士优先；金融、经济等相关专业；3年以上银行工作经验；"
        "持有银行从业资格证，CFA优先；英语六级以上。"
    )
    assert draft == {
        "logic": "and",
        "children": [
            rule("education", "gte", level=40),
            rule("education", "gte", required=False, level=50),
            rule("experience", "gte", years=3.0),
            rule("major", "in", majors=["金融", "经济"], categories=["经济学类", "金融学类"]),
            rule("certificate", "any", certificates=["银行从业资格"]),
            rule("certificate", "any", required=False, certificates=["CFA"]),
            rule("language", "gte", language="en", level="CET-6"),
        ],
    }


def test_assistant_drafts_from_an_english_job_description():
    draft = draft_conditions(
        "Requirements: Bachelor's degree or above in Computer Science, Software Engineering or related field. "
        "At least 2 years of experience in Python development. IELTS 6.5. PMP is a plus."
    )
    assert draft == {
        "logic": "and",
        "children": [
            rule("education", "gte", level=40),
            rule("experience", "gte", years=2.0),
            rule("major", "in", majors=["Computer Science", "Software Engineering"], categories=["计算机类"]),
            rule("certificate", "any", required=False, certificates=["PMP"]),
            rule("language", "gte", language="en", level="IELTS 6.5"),
        ],
    }
    assert clean_definition(draft)["logic"] == "and"
