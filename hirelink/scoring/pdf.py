"""PDF of the report with correct Chinese typesetting: WeasyPrint (BSD) + Pango + the Noto Sans CJK font
(Debian fonts-noto-cjk). The same report body template as the HTML page, with print CSS."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

PDF_FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif'


@cache
def _report_css() -> str:
    found = finders.find("scoring/report.css")
    return Path(str(found)).read_text(encoding="utf-8") if found else ""


def report_html_for_pdf(context: dict[str, Any]) -> str:
    return render_to_string(
        "scoring/report_pdf.html", context | {"report_css": _report_css(), "pdf_font": PDF_FONT_FAMILY}
    )


def report_pdf_render(context: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    pdf: bytes = HTML(string=report_html_for_pdf(context)).write_pdf()
    return pdf
