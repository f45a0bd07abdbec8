"""HR pages for candidates and their talent profile. Thin: parse → access → service/selector → render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hirelink.accounts import permissions
from hirelink.candidates.access import access_candidate_by_id
from hirelink.candidates.selectors import candidate_list as select_candidates
from hirelink.candidates.selectors import status_counts
from hirelink.candidates.states import FUNNEL_ORDER, ApplicationStatus
from hirelink.positions.selectors import positions_visible_to
from hirelink.privacy.models import AuditAction
from hirelink.privacy.services import audit_record
from hirelink.talent.erasure import candidate_erase
from hirelink.talent.forms import ErasureForm, RecordImportForm
from hirelink.talent.selectors import talent_profile
from hirelink.talent.services import records_import


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR")


@login_required
def candidate_list(request: HttpRequest) -> HttpResponse:
    if not permissions.is_staff_member(request.user):
        raise PermissionDenied
    query = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    status = status if status in ApplicationStatus.values else ""
    try:
        position_id = int(request.GET.get("position", "") or 0) or None
    except ValueError:
        position_id = None
    candidates = select_candidates(user=request.user, query=query, status=status, position_id=position_id)
    page = Paginator(candidates, 25).get_page(request.GET.get("page"))
    counts = status_counts(user=request.user)
    funnel = [(s, ApplicationStatus(s).label, counts.get(s, 0)) for s in FUNNEL_ORDER]
    closed = [
        (s, ApplicationStatus(s).label, counts.get(s, 0))
        for s in (ApplicationStatus.SCREENED_OUT, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN)
    ]
    return render(
        request,
        "talent/candidate_list.html",
        {
            "page": page,
            "query": query,
            "status": status,
            "position_id": position_id,
            "positions": positions_visible_to(user=request.user),
            "statuses": ApplicationStatus.choices,
            "funnel": funnel,
            "closed": closed,
            "total": sum(counts.values()),
        },
    )


@login_required
def candidate_profile(request: HttpRequest, candidate_id: int) -> HttpResponse:
    candidate = access_candidate_by_id(user=request.user, candidate_id=candidate_id)
    profile = talent_profile(user=request.user, candidate=candidate)
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        object_type="candidate",
        object_id=candidate.pk,
        candidate_id=candidate.pk,
        summary="talent profile",
        ip_address=_client_ip(request),
    )
    return render(request, "talent/profile.html", {"profile": profile, "candidate": candidate})


@login_required
def candidate_erase_view(request: HttpRequest, candidate_id: int) -> HttpResponse:
    """Deletion on request (HR admin only): confirm page, then erase everything about the person."""
    candidate = access_candidate_by_id(user=request.user, candidate_id=candidate_id)
    if not permissions.can_manage_users(request.user):
        raise Http404
    form = ErasureForm(request.POST or None, candidate=candidate)
    if request.method == "POST" and form.is_valid():
        record = candidate_erase(
            actor=request.user,
            candidate=candidate,
            requested_by=form.cleaned_data["requested_by"],
            reason=form.cleaned_data["reason"],
        )
        messages.success(
            request,
            _("候选人数据已删除（删除记录 #%(id)s，共删除 %(files)s 个文件）。")
            % {"id": record.pk, "files": record.files_removed},
        )
        return redirect("talent:candidate_list")
    return render(request, "talent/erase.html", {"candidate": candidate, "form": form})


@login_required
def records_import_view(request: HttpRequest) -> HttpResponse:
    if not permissions.can_write_candidates(request.user):
        raise PermissionDenied
    report = None
    form = RecordImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = records_import(actor=request.user, kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"])
    return render(request, "talent/import.html", {"form": form, "report": report})
