"""The demo storyline as data: which fictional person applies to which position, how far each application
got and when every step happened. Pure Python and deterministic for a seed and a reference time, so it can be
tested without a database; hirelink.demo.seeding writes it through the real services."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from hirelink.candidates.states import ApplicationStatus as S
from hirelink.demo.content import POSITIONS, TECH_BRANCH, TELLER_BRANCHES
from hirelink.demo.people import Person, PersonFactory
from hirelink.positions.vocabulary import EducationLevel

H = dt.timedelta(hours=1)

# Reasons written on the application events (the timeline HR reads).
R_SCREEN_OK = "初筛通过：学历、专业等岗位要求均满足，系统自动发送AI面试邀请"
R_STARTED = "ai_interview_started"  # same reason codes as the interview engine writes
R_FINISHED = "ai_interview_completed"
R_SCORED = "AI面试报告已生成"
R_TO_SECOND = "已审阅AI面试报告，结合简历与笔试成绩安排复试"
R_AI_LOW = "AI面试综合得分低于淘汰线，经HR审核后发送感谢函"
R_OFFER = "复试通过，录用审批完成，发放录用通知"
R_SECOND_FAIL = "复试未通过：专业知识与岗位要求差距较大"
R_HIRED = "已报到入职"
R_SCREEN_CONFIRMED = "HR复核确认：不符合岗位基本要求"
R_GAVE_UP = "候选人来电表示已接受其他机会，放弃面试"
R_OFFER_DECLINED = "候选人婉拒录用：已接受其他单位录用"

# variant → (final status, age of the application in days (min, max), steps after "new":
#            (status, delay in hours (min, max), actor, reason))
Step = tuple[str, tuple[float, float], str, str]
Steps = list[Step]
_SCREEN: Step = (S.SCREENING, (0.01, 0.2), "system", "按岗位规则自动初筛")
_INVITE: Step = (S.INVITED, (0.02, 0.3), "system", R_SCREEN_OK)
_START: Step = (S.INTERVIEWING, (5.0, 60.0), "candidate", R_STARTED)
_FINISH: Step = (S.INTERVIEWED, (0.3, 0.6), "candidate", R_FINISHED)
_SCORE: Step = (S.SCORED, (0.03, 0.12), "system", R_SCORED)
_SECOND: Step = (S.SECOND_INTERVIEW, (18.0, 72.0), "recruiter", R_TO_SECOND)
_OFFER: Step = (S.OFFERED, (72.0, 168.0), "hr", R_OFFER)
_HIRE: Step = (S.HIRED, (168.0, 400.0), "hr", R_HIRED)
_INTERVIEWED: Steps = [_SCREEN, _INVITE, _START, _FINISH, _SCORE]

VARIANTS: dict[str, tuple[str, tuple[float, float], Steps]] = {
    "new": (S.NEW, (0.05, 1.0), []),
    "screening": (S.SCREENING, (0.1, 1.5), [(S.SCREENING, (0.5, 3.0), "recruiter", "简历信息不完整，转人工复核")]),
    "screened_out": (S.SCREENED_OUT, (2, 40), [_SCREEN, (S.SCREENED_OUT, (0.01, 0.2), "system", "")]),
    "invited": (S.INVITED, (1, 5), [_SCREEN, _INVITE]),
    "interviewing": (S.INTERVIEWING, (1, 4), [_SCREEN, _INVITE, (S.INTERVIEWING, (5.0, 60.0), "candidate", R_STARTED)]),
    "interviewed": (S.INTERVIEWED, (1, 4), [_SCREEN, _INVITE, _START, _FINISH]),
    "scored": (S.SCORED, (4, 20), _INTERVIEWED),
    "second_interview": (S.SECOND_INTERVIEW, (8, 30), [*_INTERVIEWED, _SECOND]),
    "offered": (S.OFFERED, (18, 40), [*_INTERVIEWED, _SECOND, _OFFER]),
    "hired_recent": (S.HIRED, (35, 60), [*_INTERVIEWED, _SECOND, _OFFER, _HIRE]),
    "hired_old": (S.HIRED, (470, 540), [*_INTERVIEWED, _SECOND, _OFFER, _HIRE]),
    "rejected_screen": (
        S.REJECTED,
        (6, 50),
        [
            _SCREEN,
            (S.SCREENED_OUT, (0.01, 0.2), "system", ""),
            (S.REJECTED, (20.0, 70.0), "recruiter", R_SCREEN_CONFIRMED),
        ],
    ),
    "rejected_ai": (S.REJECTED, (6, 50), [*_INTERVIEWED, (S.REJECTED, (12.0, 48.0), "recruiter", R_AI_LOW)]),
    "rejected_second": (
        S.REJECTED,
        (15, 55),
        [*_INTERVIEWED, _SECOND, (S.REJECTED, (96.0, 168.0), "recruiter", R_SECOND_FAIL)],
    ),
    "withdrawn_invited": (
        S.WITHDRAWN, (6, 45), [_SCREEN, _INVITE, (S.WITHDRAWN, (24.0, 96.0), "recruiter", R_GAVE_UP)]
    ),
    "withdrawn_offer": (
        S.WITHDRAWN,
        (20, 50),
        [*_INTERVIEWED, _SECOND, _OFFER, (S.WITHDRAWN, (48.0, 150.0), "recruiter", R_OFFER_DECLINED)],
    ),
}  # fmt: skip

# How many applications of each variant each position gets (58 applications in all).
DISTRIBUTION: dict[str, dict[str, int]] = {
    "teller": {
        "new": 3, "screening": 2, "screened_out": 3, "invited": 2, "interviewing": 1, "interviewed": 1,
        "scored": 3, "second_interview": 2, "offered": 2, "hired_recent": 2, "hired_old": 4,
        "rejected_screen": 1, "rejected_ai": 2, "rejected_second": 2, "withdrawn_invited": 1,
        "withdrawn_offer": 1,
    },
    "tech": {
        "new": 2, "screening": 1, "screened_out": 2, "invited": 2, "interviewing": 1, "interviewed": 1,
        "scored": 2, "second_interview": 2, "offered": 2, "hired_recent": 1, "hired_old": 4,
        "rejected_screen": 1, "rejected_ai": 1, "rejected_second": 1, "withdrawn_invited": 1,
        "withdrawn_offer": 1,
    },
}  # fmt: skip

_ABILITY: dict[str, tuple[float, float]] = {
    "hired_recent": (0.62, 0.95),
    "hired_old": (0.5, 0.95),
    "offered": (0.62, 0.95),
    "withdrawn_offer": (0.62, 0.95),
    "second_interview": (0.55, 0.9),
    "rejected_ai": (0.1, 0.4),
    "rejected_second": (0.35, 0.55),
}
_UNQUALIFIED = {"screened_out", "rejected_screen"}
_EXPERIENCED = {"hired_recent", "hired_old", "offered"}

APPLICATION_CHANNELS = ["校园招聘官网", "企业微信", "招聘网站", "内部推荐", "校园宣讲会"]


@dataclass
class StepPlan:
    status: str
    at: dt.datetime
    actor: str  # "system", "candidate" or a demo staff username
    reason: str


@dataclass
class ApplicationPlan:
    person: int  # index into DemoPlan.people
    position: str  # position code
    variant: str
    channel: str
    applied_at: dt.datetime
    steps: list[StepPlan]
    invitation_channel: str = "wecom"
    written_test: dict[str, Any] | None = None
    scorecards: list[dict[str, Any]] = field(default_factory=list)
    offer: dict[str, Any] | None = None
    onboarding: dict[str, Any] | None = None
    performance: list[dict[str, Any]] = field(default_factory=list)

    @property
    def final_status(self) -> str:
        return self.steps[-1].status if self.steps else S.NEW

    def at_of(self, status: str) -> dt.datetime | None:
        return next((s.at for s in self.steps if s.status == status), None)


@dataclass
class DemoPlan:
    people: list[Person]
    applications: list[ApplicationPlan]


def _plausible_hour(at: dt.datetime, actor: str, rng: random.Random) -> dt.datetime:
    """Move a step by a person to a plausible local time: staff act on working days 9:00–18:00, candidates
    between 8:00 and 23:00; the system acts at any time."""
    if actor == "system":
        return at
    local = timezone.localtime(at)
    start, end = (8, 23) if actor == "candidate" else (9, 18)
    if local.hour >= end:
        local = (local + dt.timedelta(days=1)).replace(hour=start, minute=rng.randrange(60))
    elif local.hour < start:
        local = local.replace(hour=start, minute=rng.randrange(60))
    while actor != "candidate" and local.weekday() >= 5:
        local = (local + dt.timedelta(days=1)).replace(hour=start, minute=rng.randrange(60))
    return local


def _clip(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


class _Planner:
    def __init__(self, seed: int, now: dt.datetime) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - demo data, not security
        self.now = now
        self.people = PersonFactory(self.rng)
        self.plan = DemoPlan(people=[], applications=[])
        self._employee = 0

    # -- people ------------------------------------------------------------------------------------------
    def person(self, **kwargs: Any) -> int:
        self.plan.people.append(self.people.make(**kwargs))
        return len(self.plan.people) - 1

    def person_for(self, track: str, variant: str, applied_at: dt.datetime) -> int:
        rng = self.rng
        low, high = _ABILITY.get(variant, (0.3, 0.85))
        ability = rng.uniform(low, high)
        qualified = variant not in _UNQUALIFIED
        if variant in _EXPERIENCED or rng.random() < 0.2:
            return self.person(
                track=track,
                qualified=qualified,
                graduation=applied_at.year - rng.choice([2, 3, 4, 5]),
                employed_until=f"{applied_at:%Y-%m}",
                ability=ability,
            )
        graduation = applied_at.year + (1 if applied_at.month >= 8 else 0)
        return self.person(track=track, qualified=qualified, graduation=graduation, ability=ability)

    # -- timelines ---------------------------------------------------------------------------------------
    def application(
        self, person: int, position: str, variant: str, *, age_days: float | None = None, reason: str = ""
    ) -> ApplicationPlan:
        rng = self.rng
        _final, (age_low, age_high), steps = VARIANTS[variant]
        age = age_days if age_days is not None else rng.uniform(age_low, age_high)
        applied_at = self.now - dt.timedelta(days=age)
        delays = [rng.uniform(low, high) for _status, (low, high), _a, _r in steps]
        room = (self.now - applied_at - dt.timedelta(minutes=10)) / H
        scale = min(1.0, room / sum(delays)) if delays else 1.0
        at = applied_at
        limit = self.now - dt.timedelta(minutes=5)
        step_plans: list[StepPlan] = []
        for (status, _range, actor, text), delay in zip(steps, delays, strict=True):
            previous = at
            at = _plausible_hour(at + delay * scale * H, actor, rng)
            if at > limit:
                at = previous + (limit - previous) / 2
            if status == S.SCREENED_OUT:
                text = self._screen_out_reason(person, position)
            if reason and (status in {S.WITHDRAWN} or (variant == "screened_out" and status == S.SCREENED_OUT)):
                text = reason
            step_plans.append(StepPlan(status=status, at=at, actor=actor, reason=text))
        person_obj = self.plan.people[person]
        app = ApplicationPlan(
            person=person,
            position=position,
            variant=variant,
            channel=rng.choice(APPLICATION_CHANNELS) if person_obj.language == "zh" else "招聘网站",
            applied_at=applied_at,
            steps=step_plans,
            invitation_channel="email"
            if person_obj.language == "en"
            else rng.choice(["wecom"] * 7 + ["sms"] * 2 + ["email"]),
        )
        self._records(app)
        self.plan.applications.append(app)
        return app

    def _screen_out_reason(self, person: int, position: str) -> str:
        p = self.plan.people[person]
        minimum = int(POSITIONS[position]["min_education"])
        if p.highest_education < minimum:
            label = EducationLevel(minimum).label
            return f"学历未达到岗位要求（{label}及以上）"
        categories = "、".join(POSITIONS[position]["major_categories"])
        return f"专业不符合岗位要求（{categories}相关专业）"

    # -- talent records ----------------------------------------------------------------------------------
    def _records(self, app: ApplicationPlan) -> None:
        rng = self.rng
        person = self.plan.people[app.person]
        spec = POSITIONS[app.position]
        statuses = [s.status for s in app.steps]
        later = {s.status: app.steps[i + 1].at if i + 1 < len(app.steps) else self.now for i, s in enumerate(app.steps)}

        scored_at = app.at_of(S.SCORED)
        if scored_at is not None:
            taken = scored_at + rng.uniform(20, 60) * H
            if taken >= later[S.SCORED]:
                taken = scored_at + (later[S.SCORED] - scored_at) / 2
            name, sections_max = spec["written_test"]
            sections = {
                section: round(top * _clip(0.42 + 0.55 * person.ability + rng.gauss(0, 0.07), 0.2, 1.0) * 2) / 2
                for section, top in sections_max.items()
            }
            app.written_test = {"test_name": name, "taken_on": taken.date(), "sections": sections}

        second_at = app.at_of(S.SECOND_INTERVIEW)
        if second_at is not None:
            interview_at = second_at + rng.uniform(48, 96) * H
            bound = later[S.SECOND_INTERVIEW]
            if interview_at >= bound:
                interview_at = second_at + (bound - second_at) * 0.6
            if interview_at < self.now and (statuses[-1] != S.SECOND_INTERVIEW or bound - second_at > 30 * H):
                interviewers = ["manager" if app.position == "teller" else "interviewer"]
                if app.variant in {"offered", "hired_recent", "hired_old", "withdrawn_offer"}:
                    interviewers.append("recruiter" if app.position == "teller" else "hr")
                for username in interviewers:
                    app.scorecards.append(self._scorecard(app, person, username, interview_at.date()))

        offered_at = app.at_of(S.OFFERED)
        if offered_at is not None:
            low, high = spec["salary_range"]
            hired_at = app.at_of(S.HIRED)
            withdrawn_at = app.at_of(S.WITHDRAWN)
            status, responded = "sent", None
            if hired_at is not None:
                status, responded = "accepted", (offered_at + rng.uniform(24, 96) * H).date()
            elif withdrawn_at is not None:
                status, responded = "declined", withdrawn_at.date()
            start = hired_at.date() if hired_at else (offered_at + dt.timedelta(days=30)).date()
            app.offer = {
                "status": status,
                "offered_on": offered_at.date(),
                "grade": spec["grade"],
                "annual_salary": str(round(rng.uniform(low, high), -3)).removesuffix(".0"),
                "start_date": start,
                "responded_on": responded,
            }
            if hired_at is not None:
                self._employee += 1
                started = hired_at.date()
                app.onboarding = {
                    "started_on": started,
                    "employee_number": f"HL{started:%y}{self._employee:04d}",
                    "branch": rng.choice(TELLER_BRANCHES) if app.position == "teller" else TECH_BRANCH,
                    "probation_months": 6,
                    "probation_passed": True if (self.now.date() - started).days >= 183 else None,
                }
                app.performance = self._performance(app, person, started)

    def _scorecard(self, app: ApplicationPlan, person: Person, username: str, on: dt.date) -> dict[str, Any]:
        rng = self.rng
        dims = list(POSITIONS[app.position]["dimension_weights"])
        ratings = {str(d): int(_clip(round(1 + 4 * (person.ability + rng.gauss(0, 0.12))), 1, 5)) for d in dims}
        average = sum(ratings.values()) / len(ratings)
        if average >= 4.2:
            recommendation = "strong_hire"
        elif average >= 3.4:
            recommendation = "hire"
        elif average >= 2.6:
            recommendation = "hold"
        else:
            recommendation = "no_hire"
        if app.variant == "rejected_second" and recommendation in {"hire", "strong_hire"}:
            recommendation = "hold"
        if app.variant in {"offered", "hired_recent", "hired_old", "withdrawn_offer"} and recommendation in {
            "hold",
            "no_hire",
        }:
            recommendation = "hire"
        notes = {
            "strong_hire": "表达清晰，案例具体，岗位认知到位，强烈推荐录用。",
            "hire": "沟通顺畅，专业基础扎实，个别问题回答略显笼统，建议录用。",
            "hold": "态度认真，但专业深度不足，建议与其他候选人比较后再定。",
            "no_hire": "对岗位职责理解不足，关键问题回答缺乏具体做法，不建议录用。",
        }[recommendation]
        return {
            "interviewer": username,
            "interviewed_on": on,
            "ratings": ratings,
            "recommendation": recommendation,
            "notes": notes,
        }

    def _performance(self, app: ApplicationPlan, person: Person, started: dt.date) -> list[dict[str, Any]]:
        rng = self.rng
        ratings: list[dict[str, Any]] = []
        today = self.now.date()
        for year in range(started.year, today.year + 1):
            for half, end in ((1, dt.date(year, 6, 30)), (2, dt.date(year, 12, 31))):
                if end < started + dt.timedelta(days=90) or end > today:
                    continue
                value = int(_clip(round(1 + 4 * (0.65 * person.ability + 0.35 * rng.random())), 1, 5))
                ratings.append(
                    {
                        "period": f"{year}H{half}",
                        "rating": value,
                        "rated_by": "网点负责人" if app.position == "teller" else "开发团队负责人",
                        "comment": _PERFORMANCE_COMMENTS[value],
                    }
                )
        return ratings


_PERFORMANCE_COMMENTS = {
    1: "未达到岗位基本要求，需制定改进计划。",
    2: "部分达到要求，业务熟练度有待提高。",
    3: "达到岗位要求，工作稳定。",
    4: "表现良好，业务熟练，客户与同事评价较好。",
    5: "表现优秀，超额完成目标，可作为骨干培养。",
}


def demo_plan(*, seed: int, now: dt.datetime) -> DemoPlan:
    """The full demo storyline for a seed, relative to `now`."""
    planner = _Planner(seed, now)
    rng = planner.rng
    # Special people first, so their stories are fixed whatever the seed.
    dual_cs = planner.person(track="tech", qualified=True, graduation=now.year + 1, ability=0.72)
    dual_fin = planner.person(
        track="tech",
        qualified=True,
        graduation=now.year - 1,
        ability=0.85,
        employed_until=f"{now:%Y-%m}",
        extra_degree=("暨南大学", "金融学", "金融学类"),
    )
    en_teller = planner.person(
        track="teller",
        qualified=True,
        graduation=now.year,
        ability=0.66,
        language="en",
        extra_degree=("The University of Edinburgh", "Finance", "金融学类"),
    )
    en_tech_offer = planner.person(
        track="tech",
        qualified=True,
        graduation=now.year,
        ability=0.8,
        language="en",
        extra_degree=("National University of Singapore", "Computer Science", "计算机类"),
    )
    en_tech_invited = planner.person(track="tech", qualified=True, graduation=now.year + 1, ability=0.6, language="en")
    planner.plan.people[en_tech_invited].education[0].update(
        {"school": "The University of Hong Kong", "major": "Computer Science", "degree": "Bachelor"}
    )
    specials: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = {
        ("teller", "screened_out"): [(dual_cs, {"age_days": 12.0})],
        ("tech", "second_interview"): [(dual_cs, {"age_days": 14.0})],
        ("tech", "hired_recent"): [(dual_fin, {"age_days": 58.0})],
        ("teller", "withdrawn_offer"): [
            (dual_fin, {"age_days": 50.0, "reason": "候选人已接受本行科技岗录用，放弃柜员岗位"})
        ],
        ("teller", "scored"): [(en_teller, {})],
        ("tech", "offered"): [(en_tech_offer, {})],
        ("tech", "invited"): [(en_tech_invited, {})],
    }
    for position, counts in DISTRIBUTION.items():
        for variant, count in counts.items():
            fixed = specials.get((position, variant), [])
            for index in range(count):
                if index < len(fixed):
                    person, options = fixed[index]
                    planner.application(person, position, variant, **options)
                    continue
                age_low, age_high = VARIANTS[variant][1]
                applied_at = now - dt.timedelta(days=rng.uniform(age_low, age_high))
                person = planner.person_for(position, variant, applied_at)
                planner.application(person, position, variant, age_days=(now - applied_at) / dt.timedelta(days=1))
    planner.plan.applications.sort(key=lambda a: a.applied_at)
    return planner.plan
