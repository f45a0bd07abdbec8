"""Screening and intake errors. Each carries its message in Chinese and English: intake messages are stored on
bulk-import items and shown later to whoever opens the report, in their language."""

from __future__ import annotations

from django.utils.functional import lazy
from django.utils.translation import get_language

from hirelink.core.errors import DomainError


def _pick(zh: str, en: str) -> str:
    language = get_language() or "zh-hans"
    return zh if language.lower().startswith("zh") else en


bilingual = lazy(_pick, str)


class IntakeError(DomainError):
    """A résumé or an upload was refused. Nothing was stored."""

    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(bilingual(message_zh, message_en), code=code)
        self.message_zh = message_zh
        self.message_en = message_en


class RuleSetError(DomainError):
    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(bilingual(message_zh, message_en), code=code)
        self.message_zh = message_zh
        self.message_en = message_en


def empty_file() -> IntakeError:
    return IntakeError(
        "empty_file", "文件为空，请重新选择简历文件。", "The file is empty. Please choose your résumé again."
    )


def too_large(limit: int) -> IntakeError:
    mb = limit // (1024 * 1024)
    return IntakeError(
        "too_large", f"文件过大（上限 {mb} MB），请压缩后重新上传。", f"The file is too large (limit {mb} MB)."
    )


def request_too_large(limit: int) -> IntakeError:
    mb = limit // (1024 * 1024)
    return IntakeError(
        "request_too_large",
        f"上传内容过大（上限 {mb} MB），未保存任何内容。",
        f"The upload is too large (limit {mb} MB); nothing was saved.",
    )


def duplicate_application() -> IntakeError:
    return IntakeError(
        "duplicate_application",
        "该候选人已投递此岗位，请勿重复提交。",
        "This candidate has already applied for this position; please do not submit again.",
    )


def duplicate_file() -> IntakeError:
    return IntakeError(
        "duplicate_file",
        "同一份简历文件已投递过此岗位，请勿重复提交。",
        "The same résumé file has already been submitted for this position.",
    )


def no_name() -> IntakeError:
    return IntakeError(
        "no_name",
        "无法从简历中识别姓名，请填写候选人姓名后重新上传。",
        "No name could be found in the résumé; please enter the candidate's name and upload again.",
    )


def no_contact() -> IntakeError:
    return IntakeError(
        "no_contact",
        "简历中没有手机号或邮箱，请补充联系方式后重新上传。",
        "The résumé has no phone number or e-mail; please add contact details and upload again.",
    )


def position_closed() -> IntakeError:
    return IntakeError("position_closed", "该岗位当前不接受投递。", "This position is not accepting applications.")
