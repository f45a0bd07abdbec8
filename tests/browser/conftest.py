"""Playwright fixtures: Debian's Chromium with a fake microphone/camera, a phone-sized page (390×844, zh-CN).

The fake microphone plays tests/fixtures/speech/answer_short.wav (real Mandarin speech, committed by the
analysis fixtures) when present; otherwise a generated tone WAV, so these tests never depend on it.
Screenshots go to $HIRELINK_SCREENSHOT_DIR when set (docs/screenshots), else to the test's tmp dir."""

from __future__ import annotations

import math
import os
import struct
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
SPEECH_WAV = Path(__file__).resolve().parent.parent / "fixtures" / "speech" / "answer_short.wav"


def _tone_wav(path: Path, seconds: float = 6.0, rate: int = 16_000) -> Path:
    frames = bytearray()
    for n in range(int(seconds * rate)):
        envelope = 0.5 + 0.5 * math.sin(2 * math.pi * 3 * n / rate)  # syllable-like loudness changes
        frames += struct.pack("<h", int(9000 * envelope * math.sin(2 * math.pi * 220 * n / rate)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return path


@pytest.fixture(scope="session")
def fake_mic_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if SPEECH_WAV.exists():
        return SPEECH_WAV
    return _tone_wav(tmp_path_factory.mktemp("mic") / "tone.wav")


@pytest.fixture(scope="session")
def browser(fake_mic_wav: Path) -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    # Playwright's sync API keeps an asyncio loop in this thread; the ORM calls in these tests are still
    # synchronous and run in the test thread, which is what this switch allows.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-audio-capture={fake_mic_wav}",
                "--autoplay-policy=no-user-gesture-required",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
        extra_http_headers={"Accept-Language": "zh-CN,zh;q=0.9"},
    )
    context.grant_permissions(["microphone", "camera"])
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


@pytest.fixture
def screenshot_dir(tmp_path: Path) -> Path:
    configured = os.environ.get("HIRELINK_SCREENSHOT_DIR")
    path = Path(configured) if configured else tmp_path / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path
