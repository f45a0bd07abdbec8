"""Writes for screening: rule set versions, résumé intake (single and bulk), screening and re-screening.

Flow of one résumé: parse (outside any transaction) → one durable transaction that stores the file, upserts the
candidate, creates the résumé and the application, evaluates the active rule set and moves the application
NEW → SCREENING → INVITED (with an invitation) or → SCREENED_OUT (with its reasons, waiting for HR review).
If anything fails the transaction rolls back and the stored file is deleted, so nothing partial remains."""

from __future__ import annotations

import hashlib
import logging
import posixpath
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils.module_loading import import_string

from hirelink.candidates.errors import DuplicateApplicationError
from hirelink.candidates.models import Application, Candidate, Resume
from hirelink.candidates.services import (
    application_create,
    application_transition,
    candidate_update,
    candidate_upsert,
)
from hirelink.candidates.states import ApplicationStatus
from hirelink.core import clock
from hirelink.core.errors import DomainError
from hirelink.core.tasks import enqueue_on_commit
from hirelink.positions.models import Position, PositionStatus
from hirelink.privacy.models import AuditAction
from hirelink.privacy.services import audit_record
from hirelink.screening import errors
from hirelink.screening.errors import IntakeError, RuleSetError
from hirelink.screening.intake import archive as zip_tools
from hirelink.screening.intake.limits import limit
from hirelink.screening.intake.tables import read_rows
from hirelink.screening.models import (
    BulkImport,
    BulkImportItem,
    BulkImportStatus,
    Condition,
    ItemStatus,
    RuleGroup,
    RuleSet,
    RuleSetSource,
    ScreeningVerdict,
    VerdictTrigger,
)
from hirelink.screening.parsing import ResumeFileError, parse_resume_bytes
from hirelink.screening.rules import RuleDefinitionError, clean_definition, subject_from_facts
from hirelink.screening.rules.subject import enrich_facts
from hirelink.screening.rules.vocabulary import LANGUAGES
from hirelink.screening.selectors import (
    RESCREEN_STATES,
    active_ruleset,
    compiled_ruleset,
    rescreen_candidates,
    ruleset_definition,
    strip_ids,
)

logger = logging.getLogger(__name__)

# What happens to an application that passes screening. Screening sits below interviews in the layer order, so
# it names the invitation service by path instead of importing it (see docs/adr/0011-rule-engine.md).
DEFAULT_ON_PASSED = "hirelink.interviews.services.invitation_create"


# --- Rule set versions -------------------------------------------------------------------------------------


def _write_group(ruleset: RuleSet, node: dict[str, Any], parent: RuleGroup | None, order: int) -> None:
    group = RuleGroup.objects.create(ruleset=ruleset, parent=parent, logic=node["logic"], order=order)
    for position, child in enumerate(node["children"]):
        if "logic" in child:
            _write_group(ruleset, child, group, position)
        else:
            Condition.objects.create(
                ruleset=ruleset,
                group=group,
                type=child["type"],
                operator=child["operator"],
                params=child["params"],
                required=child["required"],
                order=position,
            )


@transaction.atomic
def ruleset_create_version(
    *,
    actor: Any,
    position: Position,
    definition: dict[str, Any],
    note: str = "",
    source: str = RuleSetSource.EDITOR,
) -> RuleSet:
    """Validate `definition` and store it as the position's next version, which becomes the active one."""
    try:
        cleaned = clean_definition(strip_ids(definition) if isinstance(definition, dict) else definition)
    except RuleDefinitionError as exc:
        raise RuleSetError("invalid_rules", exc.message_zh, exc.message_en) from exc
    Position.objects.select_for_update().filter(pk=position.pk).first()  # serialise version numbers
    current = RuleSet.objects.filter(position=position).aggregate(n=Max("version"))["n"] or 0
    RuleSet.objects.filter(position=position, is_active=True).update(is_active=False)
    ruleset = RuleSet.objects.create(
        position=position,
        version=current + 1,
        is_active=True,
        source=source,
        note=note[:200],
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _write_group(ruleset, cleaned, None, 0)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="screening_ruleset",
        object_id=ruleset.pk,
        summary=f"{position.code} v{ruleset.version}",
    )
    logger.info(
        "screening.ruleset.created",
        extra={"position_id": position.pk, "ruleset_id": ruleset.pk, "version": ruleset.version},
    )
    return ruleset


@transaction.atomic
def ruleset_restore(*, actor: Any, ruleset: RuleSet) -> RuleSet:
    """Make an old version current again by copying it into a new version (history stays linear)."""
    return ruleset_create_version(
        actor=actor,
        position=ruleset.position,
        definition=ruleset_definition(ruleset=ruleset),
        note=f"restore v{ruleset.version}",
        source=RuleSetSource.RESTORE,
    )


def definition_from_position(position: Position) -> dict[str, Any]:
    """A first rule set drafted from the position's requirement fields."""
    children: list[dict[str, Any]] = []
    if position.min_education:
        children.append({"type": "education", "operator": "gte", "params": {"level": position.min_education}})
    if position.majors or position.major_categories:
        children.append(
            {
                "type": "major",
                "operator": "in",
                "params": {"majors": list(position.majors), "categories": list(position.major_categories)},
            }
        )
    if position.min_experience_years and position.min_experience_years > 0:
        children.append(
            {"type": "experience", "operator": "gte", "params": {"years": float(position.min_experience_years)}}
        )
    if position.certificates:
        children.append(
            {"type": "certificate", "operator": "any", "params": {"certificates": list(position.certificates)}}
        )
    for item in position.languages or []:
        name, level = str(item.get("language", "")), str(item.get("level", ""))
        code = next((c for c, spec in LANGUAGES.items() if name in (spec.zh, spec.en) or name == c), None)
        if code is not None:
            children.append({"type": "language", "operator": "gte", "params": {"language": code, "level": level}})
    return {"logic": "and", "children": children}


def ruleset_ensure_active(*, actor: Any, position: Position) -> RuleSet:
    """The active version, creating v1 from the position's requirements when the position has none yet.
    A requirement the rule editor cannot express (e.g. an unknown language level) is left out, not guessed."""
    ruleset = active_ruleset(position=position)
    if ruleset is not None:
        return ruleset
    definition = definition_from_position(position)
    usable = []
    for child in definition["children"]:
        try:
            clean_definition({"logic": "and", "children": [child]})
        except RuleDefinitionError:
            continue
        usable.append(child)
    if not usable:
        usable = [{"type": "education", "operator": "gte", "params": {"level": 10}, "required": False}]
    return ruleset_create_version(
        actor=actor,
        position=position,
        definition={"logic": "and", "children": usable},
        note="v1 from position requirements",
        source=RuleSetSource.POSITION,
    )


# --- Screening ---------------------------------------------------------------------------------------------


def _pass_action(*, actor: Any, application: Application) -> None:
    """Record the interview invitation for a passing application (nothing is sent here). An empty
    SCREENING_ON_PASSED leaves it to the workflow rule that reacts to the INVITED status."""
    path = getattr(settings, "SCREENING_ON_PASSED", DEFAULT_ON_PASSED)
    if path:
        import_string(path)(actor=actor, application=application)


@transaction.atomic
def application_screen(
    *,
    actor: Any,
    application: Application,
    ruleset: RuleSet | None = None,
    trigger: str = VerdictTrigger.INTAKE,
) -> ScreeningVerdict:
    """Evaluate the application's résumé, store the verdict and move the application on: passing → INVITED
    with an invitation record (nothing is sent); failing → SCREENED_OUT with the failed rules as the reason."""
    ruleset = ruleset or ruleset_ensure_active(actor=actor, position=application.position)
    resume = application.resume
    subject = subject_from_facts(resume.facts if resume else {}, text=resume.text if resume else "")
    evaluation = compiled_ruleset(ruleset=ruleset).evaluate(subject)
    if application.status == ApplicationStatus.NEW:
        application_transition(actor=actor, application=application, to_status=ApplicationStatus.SCREENING)
    verdict = ScreeningVerdict.objects.create(
        application=application,
        ruleset=ruleset,
        resume=resume,
        passed=evaluation.passed,
        results=evaluation.results,
        trigger=trigger,
    )
    if evaluation.passed and application.status in (ApplicationStatus.SCREENING, ApplicationStatus.SCREENED_OUT):
        application_transition(
            actor=actor,
            application=application,
            to_status=ApplicationStatus.INVITED,
            reason=f"初筛通过（规则 v{ruleset.version}）",
        )
        _pass_action(actor=actor, application=application)
    elif not evaluation.passed and application.status == ApplicationStatus.SCREENING:
        reasons = "；".join(r["reason_zh"] for r in evaluation.results if r["required"] and not r["passed"])
        application_transition(
            actor=actor,
            application=application,
            to_status=ApplicationStatus.SCREENED_OUT,
            reason=f"初筛未通过（规则 v{ruleset.version}）：{reasons}",
        )
    logger.info(
        "screening.application.screened",
        extra={"application_id": application.pk, "ruleset_id": ruleset.pk, "passed": evaluation.passed},
    )
    return verdict


@dataclass
class RescreenReport:
    evaluated: int = 0
    now_passing: list[int] = field(default_factory=list)
    now_failing: list[int] = field(default_factory=list)


def position_rescreen(*, actor: Any, position: Position) -> RescreenReport:
    """Re-evaluate every application still in new/screening/screened_out with the active version, one
    transaction per application so one failure does not undo the others."""
    ruleset = ruleset_ensure_active(actor=actor, position=position)
    report = RescreenReport()
    for application in rescreen_candidates(position=position):
        verdicts: list[ScreeningVerdict] = getattr(application, "verdicts_desc", [])
        before = verdicts[0].passed if verdicts else None
        with transaction.atomic():
            locked = (
                Application.objects.select_for_update(of=("self",))
                .select_related("position", "resume")
                .get(pk=application.pk)
            )
            if locked.status not in RESCREEN_STATES:
                continue
            verdict = application_screen(
                actor=actor, application=locked, ruleset=ruleset, trigger=VerdictTrigger.RESCREEN
            )
        report.evaluated += 1
        if before is not True and verdict.passed:
            report.now_passing.append(application.pk)
        elif before is not False and not verdict.passed:
            report.now_failing.append(application.pk)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="screening_rescreen",
        object_id=position.pk,
        summary=f"{position.code} v{ruleset.version}: {report.evaluated}",
    )
    return report


# --- Intake --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IntakeResult:
    application: Application
    candidate: Candidate
    verdict: ScreeningVerdict
    warnings: tuple[str, ...] = ()


def _summary_fields(facts: dict[str, Any]) -> dict[str, Any]:
    education = [e for e in facts.get("education") or [] if isinstance(e, dict)]
    level = facts.get("highest_degree_level")
    top = education[0] if education else {}
    if education and isinstance(level, int):
        from hirelink.screening.rules.vocabulary import education_level_of

        top = max(education, key=lambda e: education_level_of(str(e.get("degree") or "")) or 0)
    fields: dict[str, Any] = {
        "highest_education": level if isinstance(level, int) else None,
        "school": str(top.get("school") or "")[:120],
        "major": str(top.get("major") or "")[:120],
        "graduation_year": facts.get("graduation_year") if isinstance(facts.get("graduation_year"), int) else None,
        "experience_years": Decimal(str(round(float(facts.get("experience_years") or 0), 1))),
        "city": str(facts.get("city") or "")[:64],
    }
    return {k: v for k, v in fields.items() if v not in (None, "")}


def _file_error(exc: ResumeFileError) -> IntakeError:
    return IntakeError(str(exc.code), str(exc.message_zh), str(exc.message_en))


def resume_submit(
    *,
    actor: Any,
    position: Position,
    data: bytes,
    filename: str,
    channel: str,
    name: str = "",
    phone: str = "",
    email: str = "",
    extra_facts: dict[str, Any] | None = None,
    content_type: str = "",
) -> IntakeResult:
    """Take one résumé for one position: parse, dedupe, store, create the application and screen it.

    Raises IntakeError (with zh/en messages) for every refusal; nothing is stored in that case."""
    if position.status != PositionStatus.OPEN:
        raise errors.position_closed()
    max_bytes = limit("RESUME_MAX_BYTES")
    if not data:
        raise errors.empty_file()
    if len(data) > max_bytes:
        raise errors.too_large(max_bytes)
    digest = hashlib.sha256(data).hexdigest()
    if Application.objects.filter(position=position, resume__sha256=digest).exists():
        raise errors.duplicate_file()
    try:
        parsed = parse_resume_bytes(data, filename, max_bytes=max_bytes)
    except ResumeFileError as exc:
        raise _file_error(exc) from exc
    facts: dict[str, Any] = dict(parsed.facts.to_dict())
    facts.setdefault("highest_degree_level", parsed.facts.highest_degree_level())
    facts.setdefault("graduation_year", parsed.facts.graduation_year)
    facts.update({k: v for k, v in (extra_facts or {}).items() if v not in (None, "")})
    facts = enrich_facts(facts, text=parsed.text)
    name = (name or str(facts.get("name") or "")).strip()[:100]
    phone = (phone or str(facts.get("phone") or "")).strip()[:32]
    email = (email or str(facts.get("email") or "")).strip()[:254]
    if not name:
        raise errors.no_name()
    if not phone and not email:
        raise errors.no_contact()
    safe_name = posixpath.basename(filename.replace("\\", "/"))[-120:] or "resume"
    stored: list[str] = []
    try:
        with transaction.atomic(durable=True):
            result = _store_and_screen(
                actor=actor,
                position=position,
                data=data,
                safe_name=safe_name,
                digest=digest,
                channel=channel,
                name=name,
                phone=phone,
                email=email,
                facts=facts,
                text=parsed.text,
                parser_version=str(parsed.parser_version),
                content_type=content_type or _content_type(str(parsed.source_format)),
                stored=stored,
            )
    except BaseException:
        for stored_name in stored:
            default_storage.delete(stored_name)
        raise
    return IntakeResult(
        application=result.application,
        candidate=result.candidate,
        verdict=result.verdict,
        warnings=tuple(str(w) for w in parsed.warnings or ()),
    )


def _content_type(source_format: str) -> str:
    return {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "txt": "text/plain",
    }.get(source_format.lower(), "application/octet-stream")


def _store_and_screen(
    *,
    actor: Any,
    position: Position,
    data: bytes,
    safe_name: str,
    digest: str,
    channel: str,
    name: str,
    phone: str,
    email: str,
    facts: dict[str, Any],
    text: str,
    parser_version: str,
    content_type: str,
    stored: list[str],
) -> IntakeResult:
    summary = _summary_fields(facts)
    upsert = candidate_upsert(actor=actor, name=name, phone=phone, email=email, source=channel[:40], **summary)
    candidate = upsert.candidate
    if not upsert.created:
        if Application.objects.filter(candidate=candidate, position=position).exists():
            raise errors.duplicate_application()
        candidate = candidate_update(actor=actor, candidate=candidate, **summary)
    resume = Resume(
        candidate=candidate,
        original_filename=safe_name,
        content_type=content_type,
        sha256=digest,
        text=text,
        facts=facts,
        parser_version=parser_version[:32],
    )
    resume.file.save(safe_name, ContentFile(data), save=False)
    stored.append(resume.file.name)
    resume.save()
    try:
        application = application_create(
            actor=actor, candidate=candidate, position=position, channel=channel[:40], resume=resume
        )
    except DuplicateApplicationError as exc:
        raise errors.duplicate_application() from exc
    verdict = application_screen(actor=actor, application=application)
    return IntakeResult(application=application, candidate=candidate, verdict=verdict)


# --- Bulk intake ---------------------------------------------------------------------------------------------


def _item(bulk: BulkImport, index: int, label: str, **kwargs: Any) -> BulkImportItem:
    error: IntakeError | None = kwargs.pop("error", None)
    item = BulkImportItem(bulk=bulk, index=index, label=label[:255], **kwargs)
    if error is not None:
        item.status = ItemStatus.FAILED
        item.code = error.code
        item.message_zh, item.message_en = error.message_zh[:500], error.message_en[:500]
        item.processed_at = clock.now()
    return item


def _plan_zip(bulk: BulkImport, data: bytes) -> list[BulkImportItem]:
    archive = zip_tools.open_zip(data)
    zip_tools.check_zip_limits(archive, compressed_size=len(data))
    entries = zip_tools.list_entries(archive)
    tables = [e for e in entries if e.is_table and e.error is None]
    if len(tables) > 1:
        raise IntakeError(
            "many_tables",
            "压缩包中只能包含一个名单表格（CSV 或 Excel）。",
            "The archive may hold only one list table (CSV or Excel).",
        )
    if not tables:
        files = [e for e in entries if not e.is_table]
        if not files:
            raise IntakeError("empty_archive", "压缩包中没有简历文件。", "The archive holds no résumé files.")
        return [
            _item(bulk, i, e.name, entry_name=e.name if e.error is None else "", error=e.error)
            for i, e in enumerate(files, start=1)
        ]
    table = tables[0]
    rows = read_rows(zip_tools.read_entry(archive, table.name, max_bytes=limit("RESUME_MAX_BYTES")), table.name)
    names = {e.name: e for e in entries}
    by_base = {posixpath.basename(e.name): e for e in entries}
    items: list[BulkImportItem] = []
    for i, row in enumerate(rows, start=1):
        label = f"#{i + 1} {row['name']}".strip()
        reference = row["resume_file"].replace("\\", "/").strip()
        entry = names.get(reference) or by_base.get(posixpath.basename(reference)) if reference else None
        error = None
        if reference and entry is None:
            error = zip_tools._bad_name(reference) or IntakeError(
                "missing_entry",
                f"压缩包中找不到该行引用的文件：{reference[:80]}",
                f"The file this row names is not in the archive: {reference[:80]}",
            )
        elif entry is not None and entry.error is not None:
            error = entry.error
        items.append(_item(bulk, i, label, entry_name=entry.name if entry and not error else "", row=row, error=error))
    return items


def bulk_import_create(*, actor: Any, position: Position, data: bytes, filename: str) -> BulkImport:
    """Check and plan a bulk upload, then queue one task per usable item. A whole-upload problem (zip bomb,
    corrupt archive, unreadable table) raises IntakeError and stores nothing; a bad entry becomes a failed item
    and the others go on."""
    if position.status != PositionStatus.OPEN:
        raise errors.position_closed()
    if not data:
        raise errors.empty_file()
    if len(data) > limit("BULK_MAX_BYTES"):
        raise errors.too_large(limit("BULK_MAX_BYTES"))
    lowered = filename.lower()
    bulk = BulkImport(
        position=position,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        original_filename=posixpath.basename(filename.replace("\\", "/"))[-200:] or "upload",
    )
    if lowered.endswith(".zip"):
        items = _plan_zip(bulk, data)
    elif lowered.endswith((".csv", ".xlsx")):
        rows = read_rows(data, filename)
        items = []
        for i, row in enumerate(rows, start=1):
            error = None
            if row["resume_file"] and not row["resume_text"]:
                error = IntakeError(
                    "file_reference_without_zip",
                    "该行引用了简历文件，请将表格与简历文件一起打包为 ZIP 上传。",
                    "This row names a résumé file: upload the table and the files together in one ZIP.",
                )
            items.append(_item(bulk, i, f"#{i + 1} {row['name']}".strip(), row=row, error=error))
    else:
        raise IntakeError(
            "bad_bulk_type",
            "批量上传仅支持 ZIP 压缩包或 CSV / Excel（.xlsx）表格。",
            "Bulk upload accepts a ZIP archive or a CSV / Excel (.xlsx) table.",
        )
    stored: list[str] = []
    try:
        with transaction.atomic(durable=True):
            if lowered.endswith(".zip"):
                bulk.file.save(bulk.original_filename, ContentFile(data), save=False)
                stored.append(bulk.file.name)
            bulk.total = len(items)
            bulk.save()
            for item in items:
                item.bulk = bulk
            BulkImportItem.objects.bulk_create(items)
            from hirelink.screening.tasks import process_bulk_item

            for item in BulkImportItem.objects.filter(bulk=bulk, status=ItemStatus.PENDING).order_by("index"):
                enqueue_on_commit(process_bulk_item, item.pk)
            if not any(item.status == ItemStatus.PENDING for item in items):
                _finish(bulk)
            audit_record(
                actor=actor,
                action=AuditAction.CREATE,
                object_type="screening_bulk_import",
                object_id=bulk.pk,
                summary=f"{position.code}: {bulk.original_filename} ({len(items)})",
            )
    except BaseException:
        for stored_name in stored:
            default_storage.delete(stored_name)
        raise
    logger.info("screening.bulk.created", extra={"bulk_id": bulk.pk, "items": len(items)})
    return bulk


def _finish(bulk: BulkImport) -> None:
    if bulk.file:
        default_storage.delete(bulk.file.name)
    BulkImport.objects.filter(pk=bulk.pk).update(status=BulkImportStatus.DONE, finished_at=clock.now(), file="")


def _item_bytes(item: BulkImportItem) -> tuple[bytes, str]:
    if item.entry_name:
        with item.bulk.file.open("rb") as handle:
            archive = zip_tools.open_zip(handle.read())
        return zip_tools.read_entry(archive, item.entry_name, max_bytes=limit("RESUME_MAX_BYTES")), item.entry_name
    text = str(item.row.get("resume_text") or "")
    if not text.strip():
        raise errors.empty_file()
    return text.encode("utf-8"), f"row-{item.index}.txt"


def bulk_item_process(*, item_id: int) -> BulkImportItem | None:
    """Process one planned item (idempotent: a finished item is left alone). Errors are recorded on the item."""
    item = (
        BulkImportItem.objects.select_related("bulk", "bulk__position", "bulk__created_by").filter(pk=item_id).first()
    )
    if item is None or item.status != ItemStatus.PENDING:
        return item
    bulk = item.bulk
    BulkImport.objects.filter(pk=bulk.pk, status=BulkImportStatus.PENDING).update(status=BulkImportStatus.RUNNING)
    actor = bulk.created_by or "bulk-import"
    row = item.row or {}
    position = bulk.position
    try:
        code = str(row.get("position") or "").strip()
        if code and code != position.code:
            other = Position.objects.filter(code=code).first()
            if other is None:
                raise IntakeError(
                    "unknown_position", f"岗位编码不存在：{code[:40]}", f"Unknown position code: {code[:40]}"
                )
            position = other
        data, filename = _item_bytes(item)
        result = resume_submit(
            actor=actor,
            position=position,
            data=data,
            filename=filename,
            channel="bulk",
            name=str(row.get("name") or ""),
            phone=str(row.get("phone") or ""),
            email=str(row.get("email") or ""),
        )
    except IntakeError as exc:
        item.status, item.code = ItemStatus.FAILED, exc.code
        item.message_zh, item.message_en = exc.message_zh[:500], exc.message_en[:500]
    except DomainError as exc:
        item.status, item.code = ItemStatus.FAILED, exc.code
        item.message_zh = item.message_en = str(exc.message)[:500]
    else:
        item.status, item.application, item.passed = ItemStatus.DONE, result.application, result.verdict.passed
    item.processed_at = clock.now()
    item.save(update_fields=["status", "code", "message_zh", "message_en", "application", "passed", "processed_at"])
    if not BulkImportItem.objects.filter(bulk=bulk, status=ItemStatus.PENDING).exists():
        _finish(bulk)
    logger.info("screening.bulk.item", extra={"item_id": item.pk, "status": item.status, "code": item.code})
    return item
