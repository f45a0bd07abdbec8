"""Entity mentions in running Chinese text (bios, self-descriptions): degree, major, organisation, job title.

The section parser reads résumé layouts; this finds the same kinds of facts in prose such as
"2000年5月至今在厦门泛华集团工作，历任集团副总经理" — used for free-text fields and measured against
ResumeNER (``benchmarks/resume_ner_eval.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from hirelink.screening.parsing.data.lexicon import ORG_SUFFIXES_ZH
from hirelink.screening.parsing.data.majors import MAJOR_SYNONYMS_ZH, MAJORS_ZH

MentionKind = Literal["degree", "major", "org", "title"]


@dataclass(frozen=True, slots=True)
class Mention:
    kind: MentionKind
    start: int
    end: int
    text: str


_DEGREE_RE: Final = re.compile(
    r"(?:大学|在职)?(?:本科|博士研究生|硕士研究生|研究生|博士(?!生导师|后)|硕士|学士|大专|中专|高中|EMBA|MBA(?:硕士)?|MPA)"
    r"(?:学历|学位)?|大学(?:学历|文化)"
)
_DISCIPLINES: Final = ("哲学", "经济学", "法学", "教育学", "文学", "历史学", "理学", "工学", "农学", "医学", "管理学")
_MAJOR_RE: Final = re.compile(
    r"(?:"
    + "|".join(sorted({*MAJORS_ZH, *MAJOR_SYNONYMS_ZH, *_DISCIPLINES, "法律"}, key=len, reverse=True))
    + r")(?:专业)?|[\u4e00-\u9fff]{2,8}专业(?![\u4e00-\u9fff]*(?:技术职务|资格))"
)
_TITLE_HEADS: Final = (
    "董事长", "董事", "监事会主席", "监事", "总经理", "总裁", "经理", "总监", "主任", "主席", "会长", "秘书长",
    "秘书", "书记", "委员", "厂长", "所长", "局长", "处长", "科长", "院长", "行长", "部长", "校长", "主管", "组长",
    "工程师", "会计师", "经济师", "审计师", "律师", "分析师", "教授", "研究员", "讲师", "导师", "博士生导师",
    "党员", "顾问", "代表", "专员", "助理", "合伙人", "负责人", "总会计师", "总工程师", "总经济师", "会计",
)  # fmt: skip
_TITLE_RE: Final = re.compile(
    r"(?:副|总|高级|首席|执行|独立|常务|非执行|名誉|资深|中共|财务部|董事会|监事会|党委|党总支|职工)*"
    r"(?:" + "|".join(sorted(_TITLE_HEADS, key=len, reverse=True)) + r")(?:助理)?"
    r"(?!师?(?:事务所|协会|学会|学院|委员会|办公室))"
)
_ORG_SUFFIX_RE: Final = re.compile(
    "(?:"
    + "|".join(
        sorted(
            {*ORG_SUFFIXES_ZH, "大学", "学院", "研究院", "厂", "部", "处", "协会", "学会", "报社", "电视台", "经贸委",
             "政府", "系", "公司", "集团"},
            key=len,
            reverse=True,
        )
    )
    + ")"
)  # fmt: skip
_ORG_STOP: Final = re.compile(
    r"^(?:[\d年月日至今起]+|历任|曾任|现任|先后任|担任|曾担任|兼任|出任|任职于|就职于|任职|受聘为|受聘于|受聘|"
    r"正式|先后|分别|同时|曾就职于|曾在|曾|任|兼|职|在|于|进入|加入|创办|创立|毕业于|就读于|及|和|与|并|为|是|系|的)+"
)
_BREAK: Final = re.compile(r"[，,。、；;：:（）()《》“”\"'\s]")


def find_mentions(text: str) -> list[Mention]:
    """Non-overlapping mentions, leftmost first; titles win over organisations on the same characters."""
    found: list[Mention] = []
    for kind, regex in (("degree", _DEGREE_RE), ("major", _MAJOR_RE), ("title", _TITLE_RE)):
        for match in regex.finditer(text):
            found.append(Mention(kind, match.start(), match.end(), match.group(0)))  # type: ignore[arg-type]
    for match in _ORG_SUFFIX_RE.finditer(text):
        end = match.end()
        start = end - len(match.group(0))
        while start > 0 and not _BREAK.match(text[start - 1]) and end - start < 30:
            start -= 1
        name = text[start:end]
        if "及" in name[:-1]:  # "瑞士联邦理工学院及德国明思特大学": the last of the list
            start += name.rindex("及", 0, len(name) - 1) + 1
            name = text[start:end]
        stop = _ORG_STOP.match(name)
        if stop:
            start += stop.end()
        if end - start >= 2:
            found.append(Mention("org", start, end, text[start:end]))
    return _non_overlapping(found)


_PRIORITY: Final[dict[str, int]] = {"degree": 0, "title": 1, "org": 2, "major": 3}


def _non_overlapping(mentions: list[Mention]) -> list[Mention]:
    # An organisation name swallows the title words at its left ("历任集团副总经理" → title after the org);
    # keep the longest organisation that does not run into a title, then the rest by priority and length.
    chosen: list[Mention] = []
    taken = [False] * (max((m.end for m in mentions), default=0) + 1)
    for mention in sorted(mentions, key=lambda m: (_PRIORITY[m.kind], -(m.end - m.start), m.start)):
        if any(taken[mention.start : mention.end]):
            if mention.kind != "org":
                continue
            # trim an organisation from the left up to the last taken character inside it
            cut = max(i for i in range(mention.start, mention.end) if taken[i]) + 1
            if mention.end - cut < 2 or any(taken[cut : mention.end]):
                continue
            mention = Mention("org", cut, mention.end, mention.text[cut - mention.start :])
        for i in range(mention.start, mention.end):
            taken[i] = True
        chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)
