"""Workflow tasks: thin, ids only, idempotent."""

from __future__ import annotations

from django_tasks import task

from hirelink.workflows import services
from hirelink.workflows.engine import run_execute


@task()
def workflow_run_task(run_id: int) -> str:
    return run_execute(run_id=run_id)


@task()
def workflows_tick_task() -> dict[str, int]:
    return services.workflows_tick()


@task()
def second_interview_schedule_task(second_interview_id: int) -> str:
    return services.second_interview_schedule_sync(second_interview_id=second_interview_id)


@task()
def wecom_callback_task(receipt_id: int) -> str:
    return services.wecom_callback_process(receipt_id=receipt_id)


@task()
def wecom_card_update_task(response_code: str, replace_name: str, userid: str) -> None:
    services.wecom_card_update(response_code=response_code, replace_name=replace_name, userid=userid)
