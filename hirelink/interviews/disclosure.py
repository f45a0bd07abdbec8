"""The AI-interview disclosure (告知) shown before consent. Versioned: a ConsentRecord stores the version and a
SHA-256 of the exact Chinese source text, so what a candidate agreed to can always be shown again.
Change the text → bump DISCLOSURE_VERSION."""

from __future__ import annotations

import hashlib

from django.utils import translation
from django.utils.translation import gettext_lazy as _

DISCLOSURE_VERSION = "2026-11-v1"

# (heading, body) pairs; Chinese is the source text, English comes from the catalogue.
DISCLOSURE_SECTIONS = (
    (
        _("本次面试使用人工智能"),
        _(
            "您的回答将被录音（如您选择视频，则录像）或以文字保存。系统会把语音转成文字，并对照岗位的评分标准，"
            "分析回答与问题的相关性、要点覆盖和逻辑清晰度，生成结构化面试报告供招聘人员参考。"
        ),
    ),
    (
        _("由人来做决定"),
        _(
            "AI 报告只是参考，录用与否由招聘人员决定。您有权要求由人工复核您的面试结果，"
            "也可以要求查看、更正或删除您的个人信息，请联系邀请中的招聘联系人。"
        ),
    ),
    (
        _("保存期限"),
        _(
            "录音、录像和文字回答仅用于本次招聘，保存期限为招聘结束后 180 天，到期自动删除；"
            "您也可以随时申请提前删除。数据保存在本行自有服务器，不会提供给第三方。"
        ),
    ),
)

BIOMETRIC_SECTION = (
    _("语音语调与面部表情分析（可选）"),
    _(
        "经您单独同意，系统还会分析语音的语调、语速和停顿（用于评估情绪稳定性），以及视频中的面部表情"
        "（用于评估亲和力）。不同意不会影响您参加面试，这些分析将被关闭，只分析回答内容。"
    ),
)


def disclosure_sha256() -> str:
    """Hash of the Chinese source text (the msgids), independent of the display language."""
    with translation.override("zh-hans"):
        parts = [f"{heading}{body}" for heading, body in (*DISCLOSURE_SECTIONS, BIOMETRIC_SECTION)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
