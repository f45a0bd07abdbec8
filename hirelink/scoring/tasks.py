"""Background work of the scoring pipeline. Thin: ids in, services do the (idempotent) work."""

from __future__ import annotations

from django_tasks import task

from hirelink.scoring import services


@task()
def answer_analyze(answer_id: int) -> str:
    """Transcribe and analyse one prepared answer; store the result (or schedule a retry / flag review)."""
    analysis = services.answer_analysis_run(answer_id=answer_id)
    return analysis.status if analysis is not None else "missing"


@task()
def session_report_build(session_id: int, tries: int = 0) -> int | None:
    """Fuse the analysed answers of a completed session into its report (once everything is analysed)."""
    report = services.session_report_build(session_id=session_id, tries=tries)
    return report.pk if report is not None else None
