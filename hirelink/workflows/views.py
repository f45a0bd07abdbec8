"""HR pages: the review queue (approval gate), rules, runs and tasks. Thin: parse → access → service → render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hirelink.accounts import permissions
from hirelink.core.errors import DomainError
from hirelink.privacy.models import AuditAction
from hirelink.privacy.services import audit_record
from hirelink.workflows import selectors
from hirelink.workflows.access import access_hr_task_by_id, access_review_by_id, access_rule_by_id
from hirelink.workflows.engine import ACTION_LABELS
from hirelink.workflows.forms import BatchForm, DecisionForm, RuleForm
from hirelink.workflows.models import WorkflowRule
from hirelink.workflows.results import application_result
from hirelink.workflows.services import hr_task_complete, review_decide, reviews_batch_reject, rule_save


def _require(allowed: bool) -> None:
    if not allowed:
        raise Http404


@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    _require(permissions.can_write_candidates(request.user))
    queue = list(selectors.review_queue(user=request.user))
    if request.method == "POST":
        form = BatchForm(request.POST, choices=[(r.pk, str(r.pk)) for r in queue])
        if form.is_valid():
            chosen = [r for r in queue if r.pk in set(form.cleaned_data["review_ids"])]
            done, problems = reviews_batch_reject(reviews=chosen, actor=request.user)
            messages.success(request, _("已确认 %(n)d 条不通过结果，感谢函将自动发送。") % {"n": done})
            for problem in problems:
                messages.error(request, problem)
        else:
            messages.error(request, _("请选择要批量确认的结果。"))
        return redirect("workflows:review_list")
    return render(
        request,
        "workflows/review_list.html",
        {
            "queue": queue,
            "decided": selectors.reviews_decided(user=request.user),
            "tasks": selectors.open_tasks(user=request.user)[:50],
        },
    )


@login_required
def review_detail(request: HttpRequest, review_id: int) -> HttpResponse:
    review = access_review_by_id(user=request.user, review_id=review_id)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            review_decide(
                review=review,
                actor=request.user,
                decision=data["decision"],
                via="web",
                subject=data["subject"],
                body=data["body"],
                note=data["note"],
                schedule={k: data[k] for k in ("starts_at", "place", "contact_name", "contact_phone")},
            )
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("已处理。"))
            return redirect("workflows:review_list")
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        object_type="decision_review",
        object_id=review.pk,
        candidate_id=review.application.candidate_id,
        summary="review detail",
    )
    return render(
        request,
        "workflows/review_detail.html",
        {"review": review, "form": form, "result": application_result(review.application)},
    )


@login_required
def rule_list(request: HttpRequest) -> HttpResponse:
    _require(permissions.can_configure(request.user))
    return render(
        request,
        "workflows/rule_list.html",
        {"rules": selectors.rules_for_admin(user=request.user), "action_labels": ACTION_LABELS},
    )


@login_required
def rule_edit(request: HttpRequest, rule_id: int | None = None) -> HttpResponse:
    _require(permissions.can_configure(request.user))
    rule = access_rule_by_id(user=request.user, rule_id=rule_id) if rule_id else WorkflowRule()
    form = RuleForm(request.POST or None, instance=rule)
    if request.method == "POST" and form.is_valid():
        fields: dict[str, Any] = {name: form.cleaned_data[name] for name in RuleForm.Meta.fields}
        try:
            rule_save(actor=request.user, rule=rule, **fields)
        except DomainError as exc:
            form.add_error(None, str(exc.message))
        else:
            messages.success(request, _("规则已保存。"))
            return redirect("workflows:rule_list")
    return render(request, "workflows/rule_form.html", {"form": form, "rule": rule, "action_labels": ACTION_LABELS})


@login_required
def run_list(request: HttpRequest) -> HttpResponse:
    _require(permissions.can_configure(request.user))
    page = Paginator(selectors.runs_visible_to(user=request.user), 50).get_page(request.GET.get("page"))
    return render(request, "workflows/run_list.html", {"page": page})


@login_required
@require_POST
def task_complete(request: HttpRequest, task_id: int) -> HttpResponse:
    task = access_hr_task_by_id(user=request.user, task_id=task_id)
    hr_task_complete(task=task, actor=request.user)
    return redirect("workflows:review_list")
