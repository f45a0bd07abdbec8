"""Mentions in prose (bios, self-descriptions): degree, major, organisation, title."""

from __future__ import annotations

from hirelink.screening.parsing.mentions import find_mentions


def test_bio_sentence_mentions():
    # given a bio sentence in the style of listed-company announcements
    text = "张三，硕士研究生学历，经济学专业，2010年起任招商银行深圳分行副行长，现任平安证券股份有限公司董事。"

    # when mentions are found
    mentions = [(m.kind, m.text) for m in find_mentions(text)]

    # then each fact is found once, with titles outside organisation names
    assert mentions == [
        ("degree", "硕士研究生学历"),
        ("major", "经济学专业"),
        ("org", "招商银行深圳分行"),
        ("title", "副行长"),
        ("org", "平安证券股份有限公司"),
        ("title", "董事"),
    ]


def test_accounting_firm_is_an_organisation_not_a_title():
    mentions = [(m.kind, m.text) for m in find_mentions("曾就职于深圳天健信德会计师事务所，任高级经理")]
    assert mentions == [("org", "深圳天健信德会计师事务所"), ("title", "高级经理")]


def test_doctoral_supervisor_is_a_title_not_a_degree():
    mentions = [(m.kind, m.text) for m in find_mentions("现任清华大学教授、博士生导师")]
    assert mentions == [("org", "清华大学"), ("title", "教授"), ("title", "博士生导师")]
