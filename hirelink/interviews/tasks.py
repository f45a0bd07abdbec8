"""Background work for interviews. Thin: ids in, services do the work (idempotent)."""

from __future__ import annotations

from django_tasks import task

from hirelink.interviews.services import answer_prepare_run


@task()
def answer_prepare(answer_id: int) -> None:
    """Decode a saved answer, store its duration and a 16 kHz mono WAV copy, then call the analysis hook
    (`services.answer_after_prepare`)."""
    answer_prepare_run(answer_id=answer_id)
