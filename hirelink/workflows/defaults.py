"""The default flows (the seed's process) and their message templates, in zh-Hans and English.

Installed by the data migration and by `manage.py workflows_seed` (idempotent: rows HR has edited are kept
unless reset=True). Works with historical models too (pass them in from a migration)."""

from __future__ import annotations

from typing import Any

STATUS_CHANGED = "application.status_changed"
WHEN = '{{ invitation.expires_at|date:"Y-m-d H:i" }}'

TEMPLATES: list[dict[str, Any]] = [
    {
        "key": "invitation",
        "name": "AI面试邀请",
        "zh": {
            "subject": "【{{ position.title }}】AI面试邀请",
            "body": (
                "{{ candidate.name }}您好：\n"
                "恭喜您通过{{ position.title }}岗位的简历初筛，诚邀您参加AI面试。\n"
                '面试时间：{{ invitation.window_start|date:"Y-m-d H:i" }} 至 ' + WHEN + "，期间任意时间均可开始。\n"
                "面试链接（仅限本人使用，请勿转发）：{{ link }}\n"
                "需准备材料：身份证；安静、光线充足的环境；电量充足的手机，或带摄像头和麦克风的电脑；稳定的网络。\n"
                "注意事项：每道题有思考时间和作答时限，可选择语音或文字作答；作答会自动保存，断网或刷新后可从中断处继续；"
                "AI面试结果由HR复核，您可在链接页面申请人工复核。\n"
                "如有疑问，请直接回复本消息。"
            ),
            "sms_params": ["{{ candidate.name }}", "{{ position.title }}", WHEN, "{{ link }}"],
        },
        "en": {
            "subject": "[{{ position.title }}] Invitation to your AI interview",
            "body": (
                "Dear {{ candidate.name }},\n"
                "Congratulations: your application for {{ position.title }} passed the screening. "
                "We invite you to an AI interview.\n"
                'When: any time from {{ invitation.window_start|date:"Y-m-d H:i" }} to ' + WHEN + ".\n"
                "Your personal link (do not share it): {{ link }}\n"
                "Please prepare: your ID card; a quiet, well-lit place; a charged phone or a computer with camera "
                "and microphone; a stable network.\n"
                "Notes: each question has thinking time and an answer time limit; answer by voice or text; answers "
                "are saved as you go, so you can resume after a reload. HR reviews every AI result and you may ask "
                "for a human review on the interview page.\n"
                "Questions? Just reply to this message."
            ),
            "sms_params": ["{{ candidate.name }}", "{{ position.title }}", WHEN, "{{ link }}"],
        },
        "sms_template_id": "2001001",
    },
    {
        "key": "invitation_reminder",
        "name": "面试截止提醒",
        "zh": {
            "subject": "提醒：AI面试即将截止",
            "body": (
                "{{ candidate.name }}您好：您的{{ position.title }}岗位AI面试将于" + WHEN + "截止，目前尚未开始。"
                "请尽快通过以下链接完成面试：{{ link }}"
            ),
            "sms_params": ["{{ candidate.name }}", "{{ position.title }}", WHEN, "{{ link }}"],
        },
        "en": {
            "subject": "Reminder: your AI interview closes soon",
            "body": (
                "Dear {{ candidate.name }}, your AI interview for {{ position.title }} closes at " + WHEN + " and "
                "has not been started yet. Please complete it here: {{ link }}"
            ),
            "sms_params": ["{{ candidate.name }}", "{{ position.title }}", WHEN, "{{ link }}"],
        },
        "sms_template_id": "2001002",
    },
    {
        "key": "progress_notice",
        "name": "面试完成进度通知",
        "zh": {
            "subject": "面试已完成，系统正在评分",
            "body": (
                "{{ candidate.name }}您好：您的{{ position.title }}岗位AI面试已完成，系统正在评分。"
                "结果出来后我们会第一时间通知您，感谢您的耐心等待。"
            ),
            "sms_params": ["{{ candidate.name }}", "{{ position.title }}"],
        },
        "en": {
            "subject": "Interview completed, scoring in progress",
            "body": (
                "Dear {{ candidate.name }}, your AI interview for {{ position.title }} is complete and is being "
                "scored. We will let you know the result as soon as it is ready. Thank you for your patience."
            ),
            "sms_params": ["{{ candidate.name }}", "{{ position.title }}"],
        },
        "sms_template_id": "2001003",
    },
    {
        "key": "second_interview_notice",
        "name": "复试通知",
        "zh": {
            "subject": "【{{ position.title }}】复试通知",
            "body": (
                "{{ candidate.name }}您好：恭喜您通过{{ position.title }}岗位AI面试，诚邀您参加复试。\n"
                '复试时间：{{ schedule.starts_at|date:"Y-m-d H:i" }}（约{{ schedule.duration_minutes }}分钟）\n'
                "复试地点：{{ schedule.place }}\n"
                "联系人：{{ schedule.contact_name }}"
                "{% if schedule.contact_phone %}（{{ schedule.contact_phone }}）{% endif %}\n"
                "请携带身份证及学历证明原件，提前10分钟到达。如需改期请联系联系人。"
            ),
            "sms_params": [
                "{{ candidate.name }}",
                "{{ position.title }}",
                '{{ schedule.starts_at|date:"Y-m-d H:i" }}',
                "{{ schedule.place }}",
                "{{ schedule.contact_name }}",
            ],
        },
        "en": {
            "subject": "[{{ position.title }}] Invitation to the second interview",
            "body": (
                "Dear {{ candidate.name }}, congratulations on passing the AI interview for {{ position.title }}. "
                "We invite you to a second interview.\n"
                'Time: {{ schedule.starts_at|date:"Y-m-d H:i" }} (about {{ schedule.duration_minutes }} minutes)\n'
                "Place: {{ schedule.place }}\n"
                "Contact: {{ schedule.contact_name }}"
                "{% if schedule.contact_phone %} ({{ schedule.contact_phone }}){% endif %}\n"
                "Please bring your ID card and original degree certificates and arrive 10 minutes early."
            ),
            "sms_params": [
                "{{ candidate.name }}",
                "{{ position.title }}",
                '{{ schedule.starts_at|date:"Y-m-d H:i" }}',
                "{{ schedule.place }}",
                "{{ schedule.contact_name }}",
            ],
        },
        "sms_template_id": "2001004",
    },
    {
        "key": "rejection_letter",
        "name": "感谢函",
        "zh": {
            "subject": "感谢您应聘{{ position.title }}岗位",
            "body": (
                "{{ candidate.name }}您好：\n"
                "感谢您参加{{ position.title }}岗位的AI面试。经综合评估，很遗憾您本次未能进入下一轮。"
                "{% if report.suggestions %}\n根据您的面试表现，我们有以下改进建议供参考：\n"
                "{% for s in report.suggestions %}{{ forloop.counter }}. {{ s }}\n{% endfor %}{% endif %}\n"
                "您的资料已存入我行人才库，如有合适岗位我们会再与您联系。祝您前程似锦！"
            ),
            "sms_params": ["{{ candidate.name }}", "{{ position.title }}"],
        },
        "en": {
            "subject": "Thank you for applying for {{ position.title }}",
            "body": (
                "Dear {{ candidate.name }},\n"
                "Thank you for taking the AI interview for {{ position.title }}. After careful evaluation we are "
                "sorry to tell you that you will not continue to the next round this time."
                "{% if report.suggestions %}\nFrom your interview, a few suggestions that may help you:\n"
                "{% for s in report.suggestions %}{{ forloop.counter }}. {{ s }}\n{% endfor %}{% endif %}\n"
                "Your profile stays in our talent pool and we will contact you when a suitable position opens."
            ),
            "sms_params": ["{{ candidate.name }}", "{{ position.title }}"],
        },
        "sms_template_id": "2001005",
    },
    {
        "key": "hr_review_card",
        "name": "结果待审批（HR）",
        "zh": {
            "subject": "AI面试结果待审批",
            "body": (
                "**AI面试结果待审批**\n"
                "> 候选人：{{ candidate.name }}\n> 岗位：{{ position.title }}\n"
                "> 总分：{{ review.score|default:'—' }}（分数线 {{ review.threshold|default:'—' }}）\n"
                "> 系统建议：{{ review.get_recommendation_display }}\n"
                "{% if review.human_review_requested %}> 候选人已申请人工复核\n{% endif %}"
                "请在审批队列中处理：{{ hr_url }}"
            ),
        },
        "en": {
            "subject": "AI interview result awaiting approval",
            "body": (
                "**AI interview result awaiting approval**\n"
                "> Candidate: {{ candidate.name }}\n> Position: {{ position.title }}\n"
                "> Score: {{ review.score|default:'—' }} (pass mark {{ review.threshold|default:'—' }})\n"
                "> Recommendation: {{ review.recommendation }}\n"
                "Decide in the review queue: {{ hr_url }}"
            ),
        },
    },
    {
        "key": "second_interview_staff",
        "name": "复试安排（面试官）",
        "zh": {
            "subject": "复试安排",
            "body": (
                "**复试安排**\n> 候选人：{{ candidate.name }}\n> 岗位：{{ position.title }}\n"
                '> 时间：{{ schedule.starts_at|date:"Y-m-d H:i" }}\n> 地点：{{ schedule.place }}\n'
                "> 联系人：{{ schedule.contact_name }}"
            ),
        },
        "en": {
            "subject": "Second interview scheduled",
            "body": (
                "**Second interview**\n> Candidate: {{ candidate.name }}\n> Position: {{ position.title }}\n"
                '> Time: {{ schedule.starts_at|date:"Y-m-d H:i" }}\n> Place: {{ schedule.place }}\n'
                "> Contact: {{ schedule.contact_name }}"
            ),
        },
    },
    {
        "key": "hr_human_review",
        "name": "候选人申请人工复核（HR）",
        "zh": {
            "subject": "候选人申请人工复核",
            "body": (
                "**候选人申请人工复核**\n> 候选人：{{ candidate.name }}\n> 岗位：{{ position.title }}\n"
                "> 理由：{{ reason|default:'（未填写）' }}\n人才档案：{{ hr_url }}"
            ),
        },
        "en": {
            "subject": "A candidate asks for a human review",
            "body": (
                "**Human review requested**\n> Candidate: {{ candidate.name }}\n> Position: {{ position.title }}\n"
                "> Reason: {{ reason|default:'(none given)' }}\nProfile: {{ hr_url }}"
            ),
        },
    },
    {
        "key": "hr_report_link",
        "name": "报告链接（HR）",
        "zh": {"subject": "面试报告", "body": "{{ candidate.name }}的AI面试报告与审批页面：{{ url }}"},
        "en": {
            "subject": "Interview report",
            "body": "AI interview report and decision page of {{ candidate.name }}: {{ url }}",
        },
    },
]

RULES: list[dict[str, Any]] = [
    {
        "seed_key": "invite-on-screened-in",
        "name": "初筛通过 → 发送AI面试邀请",
        "to_status": "invited",
        "priority": 10,
        "actions": [
            {
                "type": "send_invitation",
                "template": "invitation",
                "reminder_template": "invitation_reminder",
                "reminder_hours_before_close": 24,
            }
        ],
    },
    {
        "seed_key": "progress-on-completed",
        "name": "面试完成 → 进度通知",
        "to_status": "interviewed",
        "priority": 20,
        "actions": [{"type": "send_message", "template": "progress_notice", "to": "candidate"}],
    },
    {
        "seed_key": "result-on-report",
        "name": "报告生成 → 判定结果（通过进入复试，不通过进入HR审批）",
        "to_status": "scored",
        "priority": 30,
        "actions": [
            {
                "type": "decide_result",
                "staff_template": "hr_review_card",
                "second_interview": {"days_after": 3, "hour": 10, "duration_minutes": 60},
            }
        ],
    },
    {
        "seed_key": "second-interview-notice",
        "name": "进入复试 → 复试通知与面试官日程",
        "to_status": "second_interview",
        "priority": 40,
        "actions": [
            {
                "type": "second_interview_notice",
                "template": "second_interview_notice",
                "staff_template": "second_interview_staff",
            }
        ],
    },
    {
        "seed_key": "thanks-letter-on-rejection",
        "name": "确认不通过 → 感谢函（含改进建议）",
        "from_status": "scored",
        "to_status": "rejected",
        "priority": 50,
        "actions": [
            {"type": "send_message", "template": "rejection_letter", "to": "candidate", "use_review_override": True}
        ],
    },
]


def defaults_install(*, reset: bool = False, rule_model: Any = None, template_model: Any = None) -> dict[str, int]:
    if rule_model is None or template_model is None:
        from hirelink.messaging.models import MessageTemplate
        from hirelink.workflows.models import WorkflowRule

        rule_model, template_model = WorkflowRule, MessageTemplate
    created = {"rules": 0, "templates": 0}
    for spec in TEMPLATES:
        for language, code in (("zh", "zh-hans"), ("en", "en")):
            values = {
                "name": spec["name"] if language == "zh" else f"{spec['name']} (English)",
                "subject": spec[language]["subject"],
                "body": spec[language]["body"],
                "sms_template_id": spec.get("sms_template_id", ""),
                "sms_params": spec[language].get("sms_params", []),
                "is_active": True,
            }
            if reset:
                _, was_created = template_model.objects.update_or_create(
                    key=spec["key"], language=code, defaults=values
                )
            else:
                _, was_created = template_model.objects.get_or_create(key=spec["key"], language=code, defaults=values)
            created["templates"] += was_created
    for spec in RULES:
        values = {
            "name": spec["name"],
            "trigger": STATUS_CHANGED,
            "from_status": spec.get("from_status", ""),
            "to_status": spec.get("to_status", ""),
            "priority": spec["priority"],
            "actions": spec["actions"],
            "conditions": [],
            "is_active": True,
        }
        if reset:
            _, was_created = rule_model.objects.update_or_create(seed_key=spec["seed_key"], defaults=values)
        else:
            _, was_created = rule_model.objects.get_or_create(seed_key=spec["seed_key"], defaults=values)
        created["rules"] += was_created
    return created
