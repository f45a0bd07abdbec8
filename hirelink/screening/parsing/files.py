"""File validation by content (magic bytes) and text extraction for PDF, DOCX, TXT and images."""

from __future__ import annotations

import io
import itertools
import logging
import re
import threading
import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from hirelink.screening.parsing import ocr
from hirelink.screening.parsing.errors import ResumeFileError
from hirelink.screening.parsing.text import heading_of

logger = logging.getLogger(__name__)

SourceFormat = Literal["pdf", "docx", "txt", "image"]

DEFAULT_MAX_BYTES: Final = 10 * 1024 * 1024
MAX_PDF_PAGES: Final = 10
MAX_OCR_PAGES: Final = 3
OCR_SCALE: Final = 1.5  # 108 dpi: PP-OCR reads 9 pt text; half the time of 144 dpi on this CPU
# DOCX (zip) limits, checked on the central directory before anything is decompressed.
MAX_DOCX_UNCOMPRESSED: Final = 60 * 1024 * 1024
MAX_DOCX_RATIO: Final = 100
MAX_DOCX_ENTRIES: Final = 2000
MIN_TEXT_CHARS: Final = 20

_EXTENSIONS: Final[dict[str, SourceFormat]] = {
    "pdf": "pdf",
    "docx": "docx",
    "txt": "txt",
    "text": "txt",
    "md": "txt",
    "png": "image",
    "jpg": "image",
    "jpeg": "image",
    "bmp": "image",
    "webp": "image",
    "tif": "image",
    "tiff": "image",
}
_FORMAT_NAMES: Final[dict[str, tuple[str, str]]] = {
    "pdf": ("PDF", "PDF"),
    "docx": ("Word (DOCX)", "Word (DOCX)"),
    "txt": ("纯文本", "plain text"),
    "image": ("图片", "image"),
    "zip": ("ZIP 压缩包", "ZIP archive"),
    "executable": ("可执行程序", "executable program"),
    "doc": ("旧版 Word (DOC)", "legacy Word (DOC)"),
    "rtf": ("RTF 文档", "RTF document"),
    "binary": ("二进制数据", "binary data"),
    "archive": ("压缩包", "compressed archive"),
}


@dataclass(slots=True)
class ExtractedText:
    text: str
    source_format: SourceFormat
    warnings: list[str] = field(default_factory=list)
    ocr_used: bool = False


# ------------------------------------------------------------------------------------------------ sniffing
def sniff(data: bytes) -> str:
    """The content type from magic bytes: pdf, docx, zip, doc, rtf, image, executable, archive, or text/binary."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return "docx_corrupt" if b"word/" in data[:4096] else "zip"
        return "docx" if "word/document.xml" in names else "zip"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"BM", b"II*\x00", b"MM\x00*")) or (
        data.startswith(b"RIFF") and data[8:12] == b"WEBP"
    ):
        return "image"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data.startswith((b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa", b"#!")):
        return "executable"
    if data.startswith((b"Rar!", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b", b"BZh")):
        return "archive"
    return "text"


def _bad(code: Any, zh: str, en: str) -> ResumeFileError:
    return ResumeFileError(code, zh, en)


def validate(data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceFormat:
    """Decide the format from the content, refusing empty, oversized, lying and unsupported files."""
    size = len(data)
    if size == 0 or not data.strip():
        raise _bad(
            "empty_file", "文件为空，请上传有内容的简历。", "The file is empty; please upload a résumé with content."
        )
    if size > max_bytes:
        limit_mb = max_bytes / (1024 * 1024)
        raise _bad(
            "too_large",
            f"文件过大（{size / (1024 * 1024):.1f} MB），上限为 {limit_mb:.0f} MB。",
            f"The file is too large ({size / (1024 * 1024):.1f} MB); the limit is {limit_mb:.0f} MB.",
        )
    kind = sniff(data)
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    declared = _EXTENSIONS.get(ext)
    if kind == "executable":
        raise _bad(
            "executable",
            "该文件是可执行程序，不是简历，已拒收。",
            "This file is an executable program, not a résumé; it was refused.",
        )
    if kind == "docx_corrupt":
        raise _corrupt_docx()
    if kind in ("zip", "archive"):
        if declared in ("pdf", "docx", "txt", "image"):
            raise _mismatch(ext, kind)
        raise _bad(
            "archive",
            "这是一个压缩包，不是单份简历；批量上传请使用批量导入。",
            "This is an archive, not a single résumé; use bulk import for several files.",
        )
    if kind == "doc":
        if declared not in (None, "docx") and ext != "doc":
            raise _mismatch(ext, kind)
        raise _bad(
            "legacy_doc",
            "暂不支持旧版 Word（.doc）格式，请另存为 .docx 或 PDF 后重新上传。",
            "Legacy Word (.doc) files are not supported; save it as .docx or PDF and upload again.",
        )
    if kind in ("rtf", "gif"):
        raise _bad(
            "unsupported_type",
            "不支持该文件格式，请上传 PDF、Word（.docx）或 TXT 简历。",
            "This file format is not supported; upload a PDF, Word (.docx) or TXT résumé.",
        )
    fmt: SourceFormat = "txt" if kind == "text" else kind  # type: ignore[assignment]
    if ext and declared is None:
        raise _bad(
            "unsupported_type",
            f"不支持 .{ext} 文件，请上传 PDF、Word（.docx）、TXT 或图片简历。",
            f".{ext} files are not supported; upload a PDF, Word (.docx), TXT or image résumé.",
        )
    if declared is not None and declared != fmt:
        raise _mismatch(ext, fmt)
    return fmt


def _mismatch(ext: str, actual: str) -> ResumeFileError:
    zh, en = _FORMAT_NAMES.get(actual, _FORMAT_NAMES["binary"])
    if actual == "text":
        zh, en = _FORMAT_NAMES["binary"] if ext in ("pdf", "docx", "png", "jpg", "jpeg") else ("文本", "text")
    return _bad(
        "type_mismatch",
        f"文件扩展名为 .{ext}，但内容实际是{zh}，文件类型不符，已拒收。",
        f"The file is named .{ext} but its content is {en}; the type does not match, so it was refused.",
    )


def _corrupt_docx() -> ResumeFileError:
    return _bad(
        "corrupt_docx",
        "Word 文件已损坏或不完整，无法读取，请重新导出后上传。",
        "The Word file is damaged or incomplete and cannot be read; export it again and re-upload.",
    )


def _corrupt_pdf() -> ResumeFileError:
    return _bad(
        "corrupt_pdf",
        "PDF 文件已损坏或不完整，无法读取，请重新导出后上传。",
        "The PDF file is damaged or incomplete and cannot be read; export it again and re-upload.",
    )


# -------------------------------------------------------------------------------------------- extraction
def extract_text(data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ExtractedText:
    fmt = validate(data, filename, max_bytes=max_bytes)
    if fmt == "pdf":
        return _extract_pdf(data)
    if fmt == "docx":
        return _extract_docx(data)
    if fmt == "image":
        return _extract_image(data)
    return ExtractedText(text=decode_text(data), source_format="txt")


# ----- TXT
_TEXT_OK = re.compile(r"[\s\x20-\x7e\u00a0-\u024f\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2460-\u24ff]")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, then GB18030 (a superset of GBK/GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text.replace("\r\n", "\n").replace("\r", "\n")
    raise _bad(
        "not_text",
        "文件内容不是可识别的文本（支持 UTF-8 与 GBK/GB18030 编码），无法读取。",
        "The file content is not readable text (UTF-8 and GBK/GB18030 are supported).",
    )


def _looks_like_text(text: str) -> bool:
    if not text.strip() or "\x00" in text:
        return False
    sample = text[:20000]
    ok = len(_TEXT_OK.findall(sample))
    return ok / len(sample) >= 0.95


# ----- DOCX
def _check_zip(data: bytes) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _corrupt_docx() from exc
    with zf:
        infos = zf.infolist()
        total = sum(info.file_size for info in infos)
        packed = max(sum(info.compress_size for info in infos), 1)
        if len(infos) > MAX_DOCX_ENTRIES or total > MAX_DOCX_UNCOMPRESSED or total / packed > MAX_DOCX_RATIO:
            raise _bad(
                "zip_bomb",
                "Word 文件解压后体积异常（疑似压缩炸弹），已拒收。",
                "The Word file expands to an abnormal size (suspected zip bomb); it was refused.",
            )


def _extract_docx(data: bytes) -> ExtractedText:
    """WordprocessingML read directly with a hardened lxml parser (no entities, no DTD, no network)."""
    _check_zip(data)
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    lines: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            headers = sorted(n for n in names if re.fullmatch(r"word/header\d*\.xml", n))
            for name in [*headers, "word/document.xml"]:
                root = etree.fromstring(zf.read(name), parser)
                # Text boxes are stored twice (DrawingML choice + VML fallback): keep the choice only.
                for fallback in list(root.iter(f"{_MC}Fallback")):
                    fallback.getparent().remove(fallback)
                body = root.find(f"{_W}body")
                _docx_block_lines(body if body is not None else root, lines)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, etree.XMLSyntaxError) as exc:
        raise _corrupt_docx() from exc
    text = "\n".join(line for line in lines if line.strip())
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise _no_text("docx")
    return ExtractedText(text=text, source_format="docx")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _docx_block_lines(container: Any, out: list[str]) -> None:
    """Body order: paragraphs and tables. A data row (one short paragraph per cell) becomes one line with
    cells joined by " | " (merged cells once); a layout row (cells holding whole sections) becomes each
    cell's lines in turn. Nested tables and content controls are read in place."""
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            out.append(_docx_para_text(child))
        elif child.tag == f"{_W}tbl":
            for row in child.iterchildren(f"{_W}tr"):
                blocks: list[list[str]] = []
                for cell in row.iterchildren(f"{_W}tc"):
                    nested: list[str] = []
                    _docx_block_lines(cell, nested)
                    lines = [s.strip() for s in nested if s.strip()]
                    if lines and (not blocks or blocks[-1] != lines):
                        blocks.append(lines)
                if all(len(b) == 1 and len(b[0]) <= 80 for b in blocks):
                    if blocks:  # a data row: one line, cells joined
                        out.append(" | ".join(b[0] for b in blocks))
                else:  # a layout table (sidebar | main column): each cell's lines in turn
                    out.extend(line for block in blocks for line in block)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                _docx_block_lines(content, out)


def _docx_para_text(p: Any) -> str:
    parts: list[str] = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


# ----- PDF
# PDFium is not thread-safe: one document at a time per process.
_PDFIUM_LOCK = threading.Lock()
_PDFIUM_PASSWORD_ERROR: Final = 4


def _extract_pdf(data: bytes) -> ExtractedText:
    import pypdfium2

    warnings: list[str] = []
    with _PDFIUM_LOCK:
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            password = getattr(exc, "err_code", None) == _PDFIUM_PASSWORD_ERROR or "password" in str(exc).lower()
            raise _encrypted() if password else _corrupt_pdf() from exc
        try:
            pages = len(pdf)
            if pages == 0:
                raise _corrupt_pdf()
            if pages > MAX_PDF_PAGES:
                warnings.append(f"pdf_truncated_to_{MAX_PDF_PAGES}_pages")
            text = "\n".join(_pdf_page_text(pdf[index]) for index in range(min(pages, MAX_PDF_PAGES)))
            if len(re.sub(r"\s", "", text)) >= MIN_TEXT_CHARS:
                if b"%%EOF" not in data[-2048:]:
                    warnings.append("pdf_missing_eof")
                return ExtractedText(text=text, source_format="pdf", warnings=warnings)
            # No text layer: a scanned résumé. Render for OCR when the engine is installed.
            if not ocr.available():
                raise _no_text("pdf")
            images = [pdf[index].render(scale=OCR_SCALE).to_pil() for index in range(min(pages, MAX_OCR_PAGES))]
        except pypdfium2.PdfiumError as exc:
            raise _corrupt_pdf() from exc
        finally:
            pdf.close()
    text = "\n".join(ocr.recognise(image) for image in images)
    if len(re.sub(r"\s", "", text)) < MIN_TEXT_CHARS:
        raise _no_text("pdf")
    warnings.append("ocr_used")
    return ExtractedText(text=text, source_format="pdf", warnings=warnings, ocr_used=True)


def _encrypted() -> ResumeFileError:
    return _bad(
        "encrypted_pdf",
        "PDF 文件设置了打开密码，无法读取。请取消密码后重新上传。",
        "The PDF is password-protected and cannot be read. Remove the password and upload it again.",
    )


def _no_text(fmt: str) -> ResumeFileError:
    if fmt == "docx":
        return _bad("no_text", "Word 文件中没有可读取的文字。", "The Word file contains no readable text.")
    if ocr.available():
        return _bad(
            "no_text",
            "未能从文件中识别出文字（扫描件可能过于模糊），请上传文字版简历。",
            "No text could be recognised in the file (the scan may be too blurry); upload a text résumé.",
        )
    return _bad(
        "no_text",
        "该 PDF 是扫描件或图片，没有文字层；本系统未安装文字识别（OCR）组件，请上传文字版 PDF、Word 或 TXT 简历。",
        "This PDF is a scan or image without a text layer and no OCR engine is installed; "
        "upload a text PDF, Word or TXT résumé.",
    )


def _pdf_page_text(page: Any) -> str:
    """Characters with their loose boxes → words → lines, column-aware (see ``_find_gutter``)."""
    try:
        words = _pdf_page_words(page)
        width = float(page.get_width())
    finally:
        page.close()
    if not words:
        return ""
    gutter = _find_gutter(words, width)
    if gutter is None:
        return _lines_to_text(words)
    left = [w for w in words if w["x1"] <= gutter]
    right = [w for w in words if w["x0"] >= gutter]
    spanning = [w for w in words if w["x0"] < gutter < w["x1"]]
    if not spanning:
        return _lines_to_text(left) + "\n" + _lines_to_text(right)
    # Full-width lines (a title across both columns) stay where they are: split the page into bands.
    top_of_columns = min(w["top"] for w in left + right)
    above = [w for w in spanning if w["top"] < top_of_columns + 1]
    below = [w for w in spanning if w not in above]
    parts = [_lines_to_text(above), _lines_to_text(left), _lines_to_text(right), _lines_to_text(below)]
    return "\n".join(p for p in parts if p)


def _pdf_page_words(page: Any) -> list[dict[str, Any]]:
    """Runs of characters on one baseline without a wide gap, in content order (PDFium char boxes).

    Loose boxes (font ascent/descent) give every glyph on a line the same top, whatever its shape, which
    matters for generators that place glyphs one by one (browsers, some Word exports)."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    height = float(page.get_height())
    words: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    try:
        for index in range(textpage.count_chars()):
            char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
            if char in "\r\n\x02\ufffe" or (pdfium_c.FPDFText_IsGenerated(textpage.raw, index) and char != " "):
                current = None
                continue
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            if char.isspace():
                if current is not None and not current["text"].endswith(" "):
                    current["text"] += " "
                continue
            y_top, y_bottom = height - top, height - bottom
            centre = (y_top + y_bottom) / 2
            # a glyph belongs to the run when its vertical centre is inside the run's band (thin glyphs
            # such as 一 or - have tiny boxes) and it follows closely on the right
            size = max(current["bottom"] - current["top"], 1.0) if current is not None else 0.0
            if (
                current is None
                or not current["top"] <= centre <= current["bottom"]
                or left - current["x1"] > size * 0.9
                or left < current["x1"] - size * 0.5
            ):
                current = {"x0": left, "x1": right, "top": y_top, "bottom": y_bottom, "text": char}
                words.append(current)
                continue
            if left - current["x1"] > size * 0.25 and not current["text"].endswith(" "):
                current["text"] += " "
            current["text"] += char
            current["x1"] = max(current["x1"], right)
    finally:
        textpage.close()
    for word in words:
        word["text"] = word["text"].strip()
    return [w for w in words if w["text"]]


def _find_gutter(words: list[dict[str, Any]], width: float) -> float | None:
    """An empty vertical band in the middle half of the page that most lines do not cross → two columns."""
    if len(words) < 12:
        return None
    resolution = 2.0
    bins = int(width / resolution) + 1
    cover = [0] * bins
    for w in words:
        for b in range(max(int(w["x0"] / resolution), 0), min(int(w["x1"] / resolution) + 1, bins)):
            cover[b] += 1
    lo, hi = int(bins * 0.2), int(bins * 0.8)
    allowed = len(words) // 100
    bands: list[tuple[int, int]] = []
    start: int | None = None
    for b in range(lo, hi + 1):
        empty = b < hi and cover[b] <= allowed
        if empty and start is None:
            start = b
        elif not empty and start is not None:
            if (b - start) * resolution >= 12:
                bands.append((start, b))
            start = None
    for band in sorted(bands, key=lambda band: band[0] - band[1]):
        gutter = (band[0] + band[1]) / 2 * resolution
        if _is_column_split(words, gutter):
            return gutter
    return None


def _is_column_split(words: list[dict[str, Any]], gutter: float) -> bool:
    left_words = [w for w in words if w["x1"] <= gutter]
    right_words = [w for w in words if w["x0"] >= gutter]
    if min(len(left_words), len(right_words)) < 5:
        return False
    left_tops = sorted({round(w["top"], 1) for w in left_words})
    right_tops = sorted({round(w["top"], 1) for w in right_words})
    if min(len(left_tops), len(right_tops)) < 4:
        return False
    # Rows (tables, tab stops, right-aligned dates) put both sides on the same baselines; independent
    # columns do not. Columns that each carry section headings are columns whatever their baselines.
    aligned = sum(1 for top in right_tops if any(abs(top - other) <= 1.5 for other in left_tops))
    if aligned / len(right_tops) < 0.5:
        return True
    left_text = _lines_to_text(left_words).split("\n")
    right_text = _lines_to_text(right_words).split("\n")
    return any(heading_of(t) for t in left_text) and any(heading_of(t) for t in right_text)


def _lines_to_text(words: list[dict[str, Any]]) -> str:
    if not words:
        return ""
    ordered = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    lines: list[list[dict[str, Any]]] = []
    for w in ordered:
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    out: list[str] = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        parts = [line[0]["text"]]
        for prev, cur in itertools.pairwise(line):
            gap = cur["x0"] - prev["x1"]
            size = max(float(cur.get("bottom", 0) - cur.get("top", 0)), 6.0)
            parts.append("   " if gap > size * 1.5 else " ")
            parts.append(cur["text"])
        out.append("".join(parts))
    return "\n".join(out)


# ----- images
def _extract_image(data: bytes) -> ExtractedText:
    if not ocr.available():
        raise _bad(
            "image_unsupported",
            "图片简历需要文字识别（OCR）组件，本系统未安装；请上传 PDF、Word 或 TXT 简历。",
            "Image résumés need an OCR engine, which is not installed; upload a PDF, Word or TXT résumé.",
        )
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise _bad(
            "image_unsupported", "图片文件已损坏，无法读取。", "The image file is damaged and cannot be read."
        ) from exc
    if image.width * image.height > 40_000_000:
        raise _bad("too_large", "图片分辨率过大，无法识别。", "The image resolution is too large to recognise.")
    text = ocr.recognise(image)
    if len(re.sub(r"\s", "", text)) < MIN_TEXT_CHARS:
        raise _no_text("image")
    return ExtractedText(text=text, source_format="image", warnings=["ocr_used"], ocr_used=True)


def normalise_text(text: str) -> str:
    """NFKC (full-width → half-width digits/letters/punctuation), unified dashes, trimmed lines."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u2010-\u2015\u2212\ufe58\ufe63～~]", "-", text)
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    lines = [re.sub(r"[ \t]+$", "", line) for line in text.split("\n")]
    return "\n".join(lines).strip()
