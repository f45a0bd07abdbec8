"""Headless Chromium: the rule editor's JavaScript builds, edits and saves a nested rule set; the verdict page
shows per-rule reasons. Also takes the zh-Hans screenshots (see SHOTS)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from hirelink.accounts.tests.factories import RecruiterFactory
from hirelink.positions.tests.factories import PositionFactory
from hirelink.screening import services
from hirelink.screening.models import RuleSet
from hirelink.screening.selectors import ruleset_definition, strip_ids
from hirelink.screening.tests.test_intake import submit, txt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Screenshots go to a scratch folder; set HIRELINK_SCREENSHOTS_DIR=docs/screenshots to refresh the committed ones.
SHOTS = Path(os.environ.get("HIRELINK_SCREENSHOTS_DIR") or Path(tempfile.gettempdir()) / "hirelink-screenshots")
RULES: dict[str, Any] = {
    "logic": "and",
    "children": [
        {"type": "education", "operator": "gte", "params": {"level": 40}, "required": True},
        {"type": "major", "operator": "in",
         "params": {"majors": ["金融", "会计"], "categories": ["经济学类", "金融学类"]}, "required": True},
        {"logic": "or", "children": [
            {"type": "experience", "operator": "gte", "params": {"years": 2}, "required": True},
            {"type": "certificate", "operator": "any", "params": {"certificates": ["银行从业资格", "CFA"]},
             "required": True},
        ]},
        {"type": "language", "operator": "gte", "params": {"language": "en", "level": "CET-6"}, "required": False},
        {"type": "location", "operator": "in", "params": {"cities": ["深圳", "广州"], "accept_willing": True},
         "required": False},
    ],
}  # fmt: skip


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
    return tmp_path


def browser_page(playwright: Any, live_server: Any, user: Any, *, width: int = 1280) -> Any:
    browser = playwright.chromium.launch(
        executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    )
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    if user is not None:
        client = Client()
        client.force_login(user)
        host = live_server.url.split("//", 1)[1].split(":")[0]
        context.add_cookies(
            [{"name": "sessionid", "value": client.cookies["sessionid"].value, "domain": host, "path": "/"}]
        )
    return browser, context.new_page()


def test_rule_editor_and_verdict_in_a_real_browser(live_server):
    from playwright.sync_api import sync_playwright

    # given a position with a nested rule set and one screened-out application
    hr = RecruiterFactory(display_name="王敏")
    position: Any = PositionFactory(code="teller-sz", title="柜员（深圳分行）")
    services.ruleset_create_version(actor=hr, position=position, definition=RULES, note="首版")
    application = submit(hr, position, txt(degree="大专", school="深圳职业技术学院", major="会计")).application
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser, page = browser_page(playwright, live_server, hr)
        # when HR opens the editor, adds a keyword condition to the OR group and saves
        page.goto(f"{live_server.url}/screening/positions/{position.pk}/rules/")
        page.wait_for_selector(".rule-cond")
        page.screenshot(path=str(SHOTS / "screening-rule-editor.png"), full_page=True)
        or_group = page.locator(".rule-group.or").first
        or_group.get_by_role("button", name="＋ 条件", exact=True).click()
        new_condition = or_group.locator(".rule-cond").last
        new_condition.locator("select").first.select_option("keyword")
        new_condition.locator('input[data-param="keywords"]').fill("柜面, 客户服务")
        page.fill("#rule-note", "增加关键词")
        page.get_by_role("button", name="保存为新版本").click()
        page.wait_for_url("**/rules/versions/")
        page.screenshot(path=str(SHOTS / "screening-versions.png"), full_page=True)
        # and opens the screened application
        page.goto(f"{live_server.url}/screening/applications/{application.pk}/")
        verdict_text = page.locator("table.rules").inner_text()
        page.screenshot(path=str(SHOTS / "screening-verdict.png"), full_page=True)
        browser.close()
        browser, mobile = browser_page(playwright, live_server, None, width=390)
        mobile.goto(f"{live_server.url}/apply/{position.code}/")
        mobile.screenshot(path=str(SHOTS / "screening-apply-mobile.png"), full_page=True)
        browser.close()
    # then version 2 holds exactly the edited tree, and the verdict lists the compared values
    active = RuleSet.objects.get(position=position, is_active=True)
    expected = {**RULES, "children": [*RULES["children"][:2], {"logic": "or", "children": [
        *RULES["children"][2]["children"],
        {"type": "keyword", "operator": "any", "params": {"keywords": ["柜面", "客户服务"]}, "required": True},
    ]}, {**RULES["children"][3], "params": {"language": "en", "level": "CET-6", "score": 6.5}},
        RULES["children"][4]]}  # fmt: skip
    assert (active.version, active.note) == (2, "增加关键词")
    assert strip_ids(ruleset_definition(ruleset=active)) == expected
    assert "要求本科及以上，实际：大专" in verdict_text
