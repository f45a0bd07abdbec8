"""HR screening pages (rule editor, versions, requirements assistant, re-screen, upload, bulk progress, verdict)
and the public application page. Thin: parse → access → service/selector → render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hirelink.accounts import permissions
from hirelink.candidates.access import access_application_by_id
from hirelink.core.errors import DomainError
from hirelink.positions.access import access_position_by_id
from hirelink.positions.models import Position, PositionStatus
from hirelink.positions.selectors import positions_visible_to
from hirelink.privacy.models import AuditAction
from hirelink.privacy.services import audit_record
from hirelink.screening import services
from hirelink.screening.access import (
    access_bulk_import_by_id,
    access_position_for_intake,
    access_position_for_rules_edit,
    access_ruleset_by_id,
)
from hirelink.screening.errors import IntakeError, request_too_large
from hirelink.screening.forms import ApplyForm, AssistantForm, BulkUploadForm, RuleSaveForm, SingleUploadForm
from hirelink.screening.intake.limits import limit, request_limit
from hirelink.screening.models import RuleSetSource
from hirelink.screening.rules.assistant import draft_conditions
from hirelink.screening.rules.handlers import REGISTRY
from hirelink.screening.selectors import (
    active_ruleset,
    bulk_progress,
    latest_verdict,
    rescreen_preview,
    ruleset_definition,
    screening_positions,
    strip_ids,
    version_history,
)


def _zh() -> bool:
    return (get_language() or "zh-hans").lower().startswith("zh")


def _oversized(request: HttpRequest) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > request_limit()
    except ValueError:
        return True


def _read(upload: UploadedFile, max_bytes: int) -> bytes:
    if upload.size is not None and upload.size > max_bytes:
        raise IntakeError(
            "too_large",
            f"文件过大（上限 {max_bytes // (1024 * 1024)} MB）。",
            f"The file is too large (limit {max_bytes // (1024 * 1024)} MB).",
        )
    return bytes(upload.read(max_bytes + 1))


def _editor_schema() -> dict[str, Any]:
    zh = _zh()
    return {
        "types": [
            {
                "type": h.type,
                "label": h.label[0 if zh else 1],
                "operators": [[op, labels[0 if zh else 1]] for op, labels in h.operators.items()],
                "fields": [
                    {
                        "name": f.name,
                        "kind": f.kind,
                        "label": f.label_zh if zh else f.label_en,
                        "required": f.required,
                        "choices": [[value, zh_label if zh else en_label] for value, zh_label, en_label in f.choices],
                    }
                    for f in h.fields
                ],
            }
            for h in REGISTRY.values()
        ],
        "text": {
            "and": _("全部满足（且 AND）"),
            "or": _("满足其一（或 OR）"),
            "add_condition": _("＋ 条件"),
            "add_group": _("＋ 条件组"),
            "remove": _("删除"),
            "required": _("必须（不满足即淘汰）"),
            "preferred": _("优先（仅记录）"),
        },
    }


@login_required
def position_list(request: HttpRequest) -> HttpResponse:
    if not permissions.is_staff_member(request.user):
        raise PermissionDenied
    positions = screening_positions(positions=positions_visible_to(user=request.user))
    return render(request, "screening/position_list.html", {"positions": positions})


def _render_editor(
    request: HttpRequest,
    position: Position,
    definition: dict[str, Any],
    *,
    source: str,
    status: int = 200,
    error: str = "",
    note: str = "",
) -> HttpResponse:
    return render(
        request,
        "screening/rule_editor.html",
        {
            "position": position,
            "definition": definition,
            "schema": _editor_schema(),
            "source": source,
            "active": active_ruleset(position=position),
            "assistant_form": AssistantForm(),
            "error": error,
            "note": note,
            "can_edit": permissions.can_configure(request.user),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def rule_editor(request: HttpRequest, position_id: int) -> HttpResponse:
    if request.method == "POST":
        position = access_position_for_rules_edit(user=request.user, position_id=position_id)
        form = RuleSaveForm(request.POST)
        if not form.is_valid():
            return _render_editor(
                request,
                position,
                {"logic": "and", "children": []},
                source=RuleSetSource.EDITOR,
                status=400,
                error=_("规则定义格式不正确"),
            )
        source = (
            form.cleaned_data["source"] if form.cleaned_data["source"] in RuleSetSource.values else RuleSetSource.EDITOR
        )
        try:
            ruleset = services.ruleset_create_version(
                actor=request.user,
                position=position,
                definition=form.cleaned_data["definition"],
                note=form.cleaned_data["note"],
                source=source,
            )
        except DomainError as exc:
            return _render_editor(
                request,
                position,
                form.cleaned_data["definition"],
                source=source,
                status=400,
                error=str(exc.message),
                note=form.cleaned_data["note"],
            )
        messages.success(request, _("已保存为第 %(v)d 版并生效。") % {"v": ruleset.version})
        return redirect("screening:rule_versions", position_id=position.pk)
    position = access_position_by_id(user=request.user, position_id=position_id)
    current = active_ruleset(position=position)
    definition = (
        strip_ids(ruleset_definition(ruleset=current)) if current else services.definition_from_position(position)
    )
    return _render_editor(request, position, definition, source=RuleSetSource.EDITOR)


@login_required
@require_POST
def rule_assistant(request: HttpRequest, position_id: int) -> HttpResponse:
    position = access_position_for_rules_edit(user=request.user, position_id=position_id)
    form = AssistantForm(request.POST)
    if not form.is_valid():
        return _render_editor(
            request,
            position,
            {"logic": "and", "children": []},
            source=RuleSetSource.ASSISTANT,
            status=400,
            error=_("请粘贴岗位描述。"),
        )
    draft = draft_conditions(form.cleaned_data["description"])
    if not draft["children"]:
        ruleset = active_ruleset(position=position)
        current = strip_ids(ruleset_definition(ruleset=ruleset)) if ruleset else {"logic": "and", "children": []}
        return _render_editor(
            request,
            position,
            current,
            source=RuleSetSource.EDITOR,
            error=_("没有从岗位描述中识别到学历、经验、专业、证书或语言要求。"),
        )
    messages.info(request, _("已根据岗位描述起草 %(n)d 个条件，请核对后保存为新版本。") % {"n": len(draft["children"])})
    return _render_editor(request, position, draft, source=RuleSetSource.ASSISTANT, note=_("要求助手起草"))


@login_required
def rule_versions(request: HttpRequest, position_id: int) -> HttpResponse:
    position = access_position_by_id(user=request.user, position_id=position_id)
    history = version_history(position=position, language=get_language() or "zh-hans")
    return render(
        request,
        "screening/rule_versions.html",
        {"position": position, "history": history, "can_edit": permissions.can_configure(request.user)},
    )


@login_required
@require_POST
def rule_restore(request: HttpRequest, position_id: int, ruleset_id: int) -> HttpResponse:
    position = access_position_for_rules_edit(user=request.user, position_id=position_id)
    old = access_ruleset_by_id(user=request.user, position=position, ruleset_id=ruleset_id)
    restored = services.ruleset_restore(actor=request.user, ruleset=old)
    messages.success(
        request, _("已将第 %(old)d 版恢复为第 %(new)d 版。") % {"old": old.version, "new": restored.version}
    )
    return redirect("screening:rule_versions", position_id=position.pk)


@login_required
@require_http_methods(["GET", "POST"])
def rescreen(request: HttpRequest, position_id: int) -> HttpResponse:
    position = access_position_for_intake(user=request.user, position_id=position_id)
    if request.method == "POST":
        report = services.position_rescreen(actor=request.user, position=position)
        messages.success(
            request,
            _("已重新筛选 %(n)d 份投递：%(up)d 份改为通过，%(down)d 份改为未通过。")
            % {"n": report.evaluated, "up": len(report.now_passing), "down": len(report.now_failing)},
        )
        return redirect("screening:rescreen", position_id=position.pk)
    ruleset = active_ruleset(position=position)
    changes = rescreen_preview(position=position, ruleset=ruleset) if ruleset else []
    changes.sort(key=lambda c: (not c.changed, c.application.pk))
    return render(
        request,
        "screening/rescreen.html",
        {
            "position": position,
            "ruleset": ruleset,
            "changes": changes,
            "changed_count": sum(1 for c in changes if c.changed),
            "zh": _zh(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, position_id: int) -> HttpResponse:
    position = access_position_for_intake(user=request.user, position_id=position_id)
    single, bulk = SingleUploadForm(), BulkUploadForm()
    error = ""
    status = 200
    if request.method == "POST":
        if _oversized(request):
            return render(
                request,
                "screening/upload.html",
                {
                    "position": position,
                    "single": single,
                    "bulk": bulk,
                    "error": request_too_large(request_limit()).message,
                },
                status=413,
            )
        try:
            if request.POST.get("kind") == "bulk":
                bulk = BulkUploadForm(request.POST, request.FILES)
                if bulk.is_valid():
                    upload_file = bulk.cleaned_data["file"]
                    created = services.bulk_import_create(
                        actor=request.user,
                        position=position,
                        data=_read(upload_file, limit("BULK_MAX_BYTES")),
                        filename=upload_file.name or "",
                    )
                    return redirect("screening:bulk_detail", bulk_id=created.pk)
            else:
                single = SingleUploadForm(request.POST, request.FILES)
                if single.is_valid():
                    upload_file = single.cleaned_data["file"]
                    result = services.resume_submit(
                        actor=request.user,
                        position=position,
                        data=_read(upload_file, limit("RESUME_MAX_BYTES")),
                        filename=upload_file.name or "",
                        channel="hr_upload",
                        name=single.cleaned_data["name"],
                        phone=single.cleaned_data["phone"],
                        email=single.cleaned_data["email"],
                        content_type=upload_file.content_type or "",
                    )
                    return redirect("screening:application_verdict", application_id=result.application.pk)
            status = 400
        except DomainError as exc:
            error, status = str(exc.message), 400
    return render(
        request,
        "screening/upload.html",
        {
            "position": position,
            "single": single,
            "bulk": bulk,
            "error": error,
            "recent": position.bulk_imports.order_by("-created_at")[:5],
        },
        status=status,
    )


@login_required
def bulk_detail(request: HttpRequest, bulk_id: int) -> HttpResponse:
    bulk = access_bulk_import_by_id(user=request.user, bulk_id=bulk_id)
    template = "screening/_bulk_progress.html" if request.headers.get("HX-Request") else "screening/bulk_detail.html"
    items = bulk.items.select_related("application").order_by("index")
    return render(
        request,
        template,
        {"bulk": bulk, "progress": bulk_progress(bulk=bulk), "items": items, "zh": _zh()},
    )


@login_required
def application_verdict(request: HttpRequest, application_id: int) -> HttpResponse:
    application = access_application_by_id(user=request.user, application_id=application_id)
    verdict = latest_verdict(application=application)
    history = application.screening_verdicts.select_related("ruleset").order_by("-created_at", "-id")
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        object_type="screening_verdict",
        object_id=application.pk,
        candidate_id=application.candidate_id,
        summary="screening verdict",
        ip_address=request.META.get("REMOTE_ADDR"),
    )
    resume = application.resume
    zh = _zh()
    rows = [
        {
            **result,
            "type_label": REGISTRY[result["type"]].label[0 if zh else 1] if result["type"] in REGISTRY else "",
            "nested": str(result.get("group", "1")) != "1",
        }
        for result in (verdict.results if verdict else [])
    ]
    return render(
        request,
        "screening/application_verdict.html",
        {
            "application": application,
            "verdict": verdict,
            "rows": rows,
            "history": history,
            "zh": _zh(),
            "resume": resume,
            "facts": resume.facts if resume else {},
        },
    )


# --- Public application page (no login) ---------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, code: str) -> HttpResponse:
    position = Position.objects.filter(code=code, status=PositionStatus.OPEN).select_related("department").first()
    if position is None:
        raise Http404
    form = ApplyForm()
    error = ""
    status = 200
    if request.method == "POST":
        if _oversized(request):
            return render(
                request,
                "screening/apply.html",
                {"position": position, "form": form, "error": request_too_large(request_limit()).message},
                status=413,
            )
        form = ApplyForm(request.POST, request.FILES)
        status = 400
        if form.is_valid():
            upload_file = form.cleaned_data["file"]
            try:
                services.resume_submit(
                    actor="candidate",
                    position=position,
                    data=_read(upload_file, limit("RESUME_MAX_BYTES")),
                    filename=upload_file.name or "",
                    channel="apply_page",
                    name=form.cleaned_data["name"],
                    phone=form.cleaned_data["phone"],
                    email=form.cleaned_data["email"],
                    extra_facts={
                        "city": form.cleaned_data["city"],
                        "willing_to_relocate": form.cleaned_data["willing_to_relocate"] or None,
                    },
                    content_type=upload_file.content_type or "",
                )
            except DomainError as exc:
                error = str(exc.message)
            else:
                return render(request, "screening/apply_done.html", {"position": position})
    return render(request, "screening/apply.html", {"position": position, "form": form, "error": error}, status=status)
