"""`manage.py seed_demo [--if-empty] [--seed N]`: the believable demo data set (two positions, question banks,
staff, 50+ candidates across every application status) written through the real services."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hirelink.candidates.models import Application
from hirelink.candidates.states import ApplicationStatus
from hirelink.core.errors import DomainError
from hirelink.demo.seeding import DEFAULT_SEED, demo_seed


class Command(BaseCommand):
    help = "生成演示数据：岗位、题库、员工账号与覆盖全部应聘状态的候选人（Create the HireLink demo data set）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="已有任何岗位时不做任何事 (do nothing when any position exists)",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=f"随机种子，相同种子生成相同数据 (random seed; default {DEFAULT_SEED})",
        )
        parser.add_argument(
            "--dispatch-events",
            action="store_true",
            help="让自动化流程处理历史状态事件（默认不处理，以免向虚构候选人发送消息）"
            " (let outbox consumers react to the historical events)",
        )

        interviews = parser.add_mutually_exclusive_group()
        interviews.add_argument(
            "--with-interviews",
            dest="with_interviews",
            action="store_true",
            default=True,
            help="为已完成AI面试的应聘生成面试作答，并用真实评分流程生成报告（默认）"
            " (AI interviews and reports from the real scoring pipeline; the default)",
        )
        interviews.add_argument(
            "--no-interviews",
            dest="with_interviews",
            action="store_false",
            help="不生成AI面试与报告，数秒即可完成 (skip the AI interviews: seeds in a few seconds)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = demo_seed(
                seed=options["seed"],
                if_empty=options["if_empty"],
                dispatch_events=options["dispatch_events"],
                with_interviews=options["with_interviews"],
            )
        except DomainError as exc:
            raise CommandError(str(exc.message)) from exc
        if not report.created:
            self.stdout.write("已有岗位数据，跳过演示数据生成。(Positions exist: demo data not created.)")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"演示数据已生成 (demo data created): {report.candidates} 位候选人 candidates, "
                f"{report.applications} 份应聘 applications, {report.events} 条状态事件 events, "
                f"{report.interviews} 场AI面试 AI interviews, {report.reports} 份面试报告 reports, "
                f"{report.seconds} s (AI面试评分 interview scoring {report.interview_seconds} s)"
            )
        )
        counts = Counter(Application.objects.values_list("status", flat=True))
        self.stdout.write(
            "状态分布 (by status): "
            + ", ".join(f"{ApplicationStatus(s).label} {s} {counts[s]}" for s in ApplicationStatus.values)
        )
        self.stdout.write("登录账号见 (logins): python manage.py print_demo_logins")
