"""Interview errors: each carries a message the candidate can read (zh-Hans source, English via gettext) and
an HTTP status the API maps it to."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hirelink.core.errors import DomainError


class InterviewError(DomainError):
    status = 400

    def __init__(self, message: str | Promise | None = None, *, code: str | None = None) -> None:
        super().__init__(message or self.default_message, code=code or self.default_code)

    default_message: str | Promise = _("请求无效")
    default_code = "invalid"


class InvitationGoneError(InterviewError):
    status = 410
    default_message = _("该面试链接已过期或已取消，请联系招聘人员重新发送邀请。")
    default_code = "invitation_gone"


class InvitationNotYetOpenError(InterviewError):
    status = 403
    default_message = _("面试尚未开始，请在邀请中的时间窗口内打开链接。")
    default_code = "not_yet_open"


class ConsentRequiredError(InterviewError):
    status = 409
    default_message = _("请先阅读并同意 AI 面试说明。")
    default_code = "consent_required"


class SessionCompletedError(InterviewError):
    status = 409
    default_message = _("面试已经完成，不能再修改回答。")
    default_code = "session_completed"


class WrongOrderError(InterviewError):
    status = 409
    default_message = _("请按顺序作答：这道题还不能作答。")
    default_code = "wrong_order"


class TimeLimitError(InterviewError):
    status = 409
    default_message = _("作答时间已结束，此回答未被接受。")
    default_code = "time_limit"


class RerecordNotAllowedError(InterviewError):
    status = 409
    default_message = _("本岗位不允许重新作答。")
    default_code = "rerecord_not_allowed"


class ModeNotAllowedError(InterviewError):
    status = 400
    default_message = _("本岗位不支持这种作答方式。")
    default_code = "mode_not_allowed"


class UploadOffsetError(InterviewError):
    status = 409
    default_message = _("上传位置不连续，请从服务器确认的位置继续。")
    default_code = "offset_mismatch"


class ChunkConflictError(InterviewError):
    status = 409
    default_message = _("重发的数据与已保存的数据不一致。")
    default_code = "chunk_conflict"


class TruncatedChunkError(InterviewError):
    status = 400
    default_message = _("数据块不完整（长度不符），请重新发送。")
    default_code = "truncated_chunk"


class UploadTooLargeError(InterviewError):
    status = 413
    default_message = _("录音文件超过大小上限。")
    default_code = "too_large"


class ChecksumMismatchError(InterviewError):
    status = 409
    default_message = _("文件校验失败：服务器收到的数据与录音不一致，请重新上传。")
    default_code = "checksum_mismatch"


class MediaInvalidError(InterviewError):
    status = 422
    default_message = _("无法识别的录音文件：只接受 webm/ogg（opus）、mp4（aac）或 wav 格式。")
    default_code = "media_invalid"


class IncompleteInterviewError(InterviewError):
    status = 409
    default_message = _("还有题目没有作答，不能提交面试。")
    default_code = "incomplete"
