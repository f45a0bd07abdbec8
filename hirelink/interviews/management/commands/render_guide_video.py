"""Render the default interview guide video (hirelink/static/interviews/guide-default.webm).

Five bilingual slides drawn with Pillow in Noto Sans CJK, encoded with PyAV as WebM/VP8 (royalty-free, plays in
Chromium/WeCom's browser and in Safari ≥ 14.1). Run once after changing the slides; the result is committed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FONT_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
WIDTH, HEIGHT, FPS, SECONDS_PER_SLIDE = 640, 360, 10, 4
BRAND = (179, 18, 46)
INK = (28, 36, 48)
SUB = (79, 91, 107)

SLIDES = [
    (
        "欢迎参加 AI 面试",
        "Welcome to your AI interview",
        ["全程约 20 分钟，手机或电脑均可", "About 20 minutes, on a phone or a computer"],
    ),
    (
        "开始前请准备",
        "Before you start",
        ["安静的环境 · 稳定的网络 · 允许使用麦克风", "A quiet room · a stable network · microphone allowed"],
    ),
    (
        "每道题：先思考，再作答",
        "Each question: think, then answer",
        ["思考时间可提前结束；作答时间到会自动停止", "Start early if ready; recording stops at the time limit"],
    ),
    (
        "回答边答边保存",
        "Answers are saved as you go",
        ["断网、刷新或来电后重新打开链接，从原题继续", "After a network drop or reload, reopen the link to go on"],
    ),
    (
        "AI 只是参考，由人来决定",
        "AI assists, people decide",
        ["您可以申请人工复核，也可以选择只用文字作答", "You may ask for a human review, or answer by text only"],
    ),
]


def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(path, size)
    except OSError:
        return ImageFont.truetype(FONT, size)


def render_slide(index: int, title: str, title_en: str, lines: list[str]) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), (248, 249, 251))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 8), fill=BRAND)
    draw.rounded_rectangle((32, 32, 76, 76), radius=10, fill=BRAND)
    draw.text((54, 54), "HL", font=_font(FONT_BOLD, 20), fill=(255, 255, 255), anchor="mm")
    draw.text((90, 54), "HireLink · AI 面试", font=_font(FONT, 18), fill=SUB, anchor="lm")
    draw.text((WIDTH - 32, 54), f"{index}/{len(SLIDES)}", font=_font(FONT, 18), fill=SUB, anchor="rm")
    draw.text((WIDTH // 2, 150), title, font=_font(FONT_BOLD, 38), fill=INK, anchor="mm")
    draw.text((WIDTH // 2, 196), title_en, font=_font(FONT, 22), fill=SUB, anchor="mm")
    draw.line((WIDTH // 2 - 40, 228, WIDTH // 2 + 40, 228), fill=BRAND, width=3)
    draw.text((WIDTH // 2, 268), lines[0], font=_font(FONT, 22), fill=INK, anchor="mm")
    draw.text((WIDTH // 2, 304), lines[1], font=_font(FONT, 17), fill=SUB, anchor="mm")
    return image


def render_video(target: Path) -> int:
    """WebM/VP8 for `.webm` targets; MP4 with MPEG-4 Part 2 (FFmpeg's own LGPL encoder, no x264) for `.mp4`,
    the fallback for older iOS WebKit without WebM."""
    target.parent.mkdir(parents=True, exist_ok=True)
    mp4 = target.suffix == ".mp4"
    with av.open(str(target), mode="w", format="mp4" if mp4 else "webm") as container:
        stream = container.add_stream("mpeg4" if mp4 else "libvpx", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.bit_rate = 160_000
        stream.options = {} if mp4 else {"deadline": "good", "cpu-used": "4"}
        for index, (title, title_en, lines) in enumerate(SLIDES, start=1):
            frame_image = render_slide(index, title, title_en, lines)
            for _ in range(FPS * SECONDS_PER_SLIDE):
                frame = av.VideoFrame.from_image(frame_image)  # type: ignore[no-untyped-call]
                for packet in stream.encode(frame):
                    container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return target.stat().st_size


class Command(BaseCommand):
    help = "Render the default interview guide video (WebM/VP8 and an MP4 fallback, < 1 MB each)."

    def add_arguments(self, parser: CommandParser) -> None:
        default = Path(settings.BASE_DIR) / "hirelink" / "static" / "interviews" / "guide-default.webm"
        parser.add_argument("--output", type=Path, default=default)

    def handle(self, *args: Any, output: Path, **options: Any) -> None:
        for target in (output, output.with_suffix(".mp4")):
            size = render_video(target)
            self.stdout.write(f"{target} ({size} bytes)")
