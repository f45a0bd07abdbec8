"""Résumé files: validation by content, text extraction per format, and every bad-input case."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from hirelink.screening.parsing import ResumeFileError, parse_resume_bytes, sniff
from hirelink.screening.parsing.files import decode_text, extract_text

RESUMES = Path(__file__).parent / "fixtures" / "resumes"
BAD = RESUMES / "bad"


def _docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("filename", "code"),
    [
        ("empty.txt", "empty_file"),
        ("empty.pdf", "empty_file"),
        ("encrypted.pdf", "encrypted_pdf"),
        ("truncated.pdf", "corrupt_pdf"),
        ("truncated.docx", "corrupt_docx"),
        ("zip_named.pdf", "type_mismatch"),
        ("program.pdf", "executable"),
        ("garbage.txt", "not_text"),
        ("legacy.doc", "legacy_doc"),
    ],
)
def test_bad_fixture_is_refused_with_its_code(filename, code):
    # given a committed bad-input file
    data = (BAD / filename).read_bytes()

    # when it is parsed / then a typed error with both messages is raised
    with pytest.raises(ResumeFileError) as caught:
        parse_resume_bytes(data, filename)
    assert caught.value.code == code
    assert caught.value.message_zh != caught.value.message_en
    assert caught.value.message("zh-hans") == caught.value.message_zh
    assert caught.value.message("en") == caught.value.message_en


def test_encrypted_pdf_message_says_password_in_both_languages():
    # given a password-protected PDF
    data = (BAD / "encrypted.pdf").read_bytes()

    # when parsed
    with pytest.raises(ResumeFileError) as caught:
        parse_resume_bytes(data, "encrypted.pdf")

    # then the messages tell the user to remove the password
    assert caught.value.message_zh == "PDF 文件设置了打开密码，无法读取。请取消密码后重新上传。"
    assert caught.value.message_en == (
        "The PDF is password-protected and cannot be read. Remove the password and upload it again."
    )


def test_docx_zip_bomb_is_refused_before_decompression():
    # given a DOCX whose document.xml expands 1000:1 (built here, never committed)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (80 * 1024 * 1024) + b"</w:document>")
    data = buffer.getvalue()

    # when parsed / then it is refused as a zip bomb
    with pytest.raises(ResumeFileError) as caught:
        parse_resume_bytes(data, "bomb.docx")
    assert caught.value.code == "zip_bomb"
    assert len(data) < 200 * 1024


def test_docx_with_high_ratio_but_small_total_is_a_bomb_too():
    # given a DOCX of 5 MB of zeros compressed to a few KB (ratio > 100)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", bytes(5 * 1024 * 1024))

    # when parsed / then refused
    with pytest.raises(ResumeFileError) as caught:
        parse_resume_bytes(buffer.getvalue(), "ratio.docx")
    assert caught.value.code == "zip_bomb"


def test_oversized_file_is_refused_with_the_callers_limit():
    # given a 2 KB text résumé and a 1 KB limit
    data = ("张伟 金融学 本科\n" * 200).encode()

    # when parsed with max_bytes=1024 / then refused with the limit in the message
    with pytest.raises(ResumeFileError) as caught:
        parse_resume_bytes(data, "big.txt", max_bytes=1024)
    assert caught.value.code == "too_large"
    assert "0 MB" in caught.value.message_zh


def test_default_limit_is_ten_megabytes():
    # given 10 MB + 1 byte of text
    data = b"a" * (10 * 1024 * 1024 + 1)

    # when parsed with the default limit / then refused
    with pytest.raises(ResumeFileError) as caught:
        parse_resume_bytes(data, "big.txt")
    assert caught.value.code == "too_large"
    assert caught.value.message_en == "The file is too large (10.0 MB); the limit is 10 MB."


def test_whitespace_only_file_is_empty():
    with pytest.raises(ResumeFileError) as caught:
        parse_resume_bytes(b" \n\t \r\n", "blank.txt")
    assert caught.value.code == "empty_file"


def test_pdf_named_docx_is_a_type_mismatch():
    # given a real PDF renamed to .docx
    data = (RESUMES / "zh_plain.pdf").read_bytes()

    # when parsed / then the lie is caught
    with pytest.raises(ResumeFileError) as caught:
        parse_resume_bytes(data, "resume.docx")
    assert caught.value.code == "type_mismatch"
    assert caught.value.message_zh == "文件扩展名为 .docx，但内容实际是PDF，文件类型不符，已拒收。"


def test_text_named_pdf_is_a_type_mismatch():
    with pytest.raises(ResumeFileError) as caught:
        parse_resume_bytes("张伟 本科 金融学 招商银行".encode(), "resume.pdf")
    assert caught.value.code == "type_mismatch"


def test_unknown_extension_is_unsupported():
    with pytest.raises(ResumeFileError) as caught:
        parse_resume_bytes("张伟 本科 金融学 招商银行".encode(), "resume.exe")
    assert caught.value.code == "unsupported_type"


def test_plain_zip_archive_is_not_a_resume():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("a.txt", "hello")
    with pytest.raises(ResumeFileError) as caught:
        parse_resume_bytes(buffer.getvalue(), "resumes.zip")
    assert caught.value.code == "archive"


def test_file_without_extension_is_read_by_content():
    # given a PDF uploaded without a file name extension
    data = (RESUMES / "zh_plain.pdf").read_bytes()

    # when parsed
    parsed = parse_resume_bytes(data, "upload")

    # then it is read as a PDF
    assert parsed.source_format == "pdf"
    assert parsed.content_type == "application/pdf"
    assert parsed.facts.name == "张伟"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\x89PNG\r\n\x1a\n....", "image"),
        (b"\xff\xd8\xff\xe0....", "image"),
        (b"MZ\x90\x00", "executable"),
        (b"\x7fELF\x02\x01", "executable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),
        (b"{\\rtf1\\ansi", "rtf"),
        (b"Rar!\x1a\x07", "archive"),
        ("简历".encode(), "text"),
    ],
)
def test_sniff_by_magic_bytes(data, kind):
    assert sniff(data) == kind


def test_decode_text_handles_gbk_bom_and_utf16():
    # given the same text in four encodings
    text = "张伟，金融学本科，招商银行客户经理"

    # when decoded / then each gives the text back
    assert decode_text(text.encode("gbk")) == text
    assert decode_text(text.encode("gb18030")) == text
    assert decode_text(text.encode("utf-8-sig")) == text
    assert decode_text(text.encode("utf-16")) == text


def test_docx_tables_are_read_row_by_row_in_body_order():
    # given a DOCX with a paragraph, then an education table
    data = _docx_bytes(
        ["教育背景"],
        [["时间", "学校", "专业", "学历"], ["2015.09-2019.06", "复旦大学", "金融学", "本科"]],
    )

    # when its text is extracted
    extracted = extract_text(data, "a.docx")

    # then the table rows are lines with cells joined by " | "
    assert extracted.text == "教育背景\n时间 | 学校 | 专业 | 学历\n2015.09-2019.06 | 复旦大学 | 金融学 | 本科"


def test_docx_without_text_is_refused():
    with pytest.raises(ResumeFileError) as caught:
        parse_resume_bytes(_docx_bytes([""]), "blank.docx")
    assert caught.value.code == "no_text"


def test_two_column_pdf_reads_the_left_column_before_the_right():
    # given a PDF whose sidebar (contact, skills) sits left of the main column
    data = (RESUMES / "zh_twocol.pdf").read_bytes()

    # when its text is extracted
    text = extract_text(data, "zh_twocol.pdf").text

    # then each column is contiguous: the sidebar ends before the education heading starts
    lines = text.split("\n")
    assert lines[:3] == ["周敏", "电话 136 1111 2222", "zhoumin@example.com"]
    assert lines.index("英语（精通）、日语（基础）") < lines.index("教育背景")
    assert lines[lines.index("教育背景") + 1] == "厦门大学 2015.09 - 2019.06"


def test_right_aligned_dates_stay_on_their_line():
    # given a single-column PDF with dates drawn right-aligned on the school line
    data = (RESUMES / "zh_phd.pdf").read_bytes()

    # when its text is extracted / then the date is on the same line as the school
    text = extract_text(data, "zh_phd.pdf").text
    assert "中国科学技术大学   2016.09 - 2021.06" in text.split("\n")


def test_pdf_table_rows_become_lines():
    data = (RESUMES / "zh_table_pdf.pdf").read_bytes()

    text = extract_text(data, "zh_table_pdf.pdf").text

    assert "2016.09 - 2019.06   清华大学   金融工程   硕士" in text.split("\n")


def test_scanned_pdf_is_read_with_offline_ocr():
    # given an image-only PDF (no text layer)
    data = (RESUMES / "scanned_zh.pdf").read_bytes()

    # when parsed
    parsed = parse_resume_bytes(data, "scanned_zh.pdf")

    # then OCR recovered the facts
    assert parsed.ocr_used is True
    assert parsed.warnings == ["ocr_used"]
    assert parsed.facts.name == "李娜"
    assert parsed.facts.phone == "13987654321"
    assert [e.school for e in parsed.facts.education] == ["西南财经大学"]
    assert parsed.facts.certificate_names == ["银行从业资格", "初级会计职称"]


def test_huge_text_is_truncated_not_slow():
    # given 200,000 characters of text on one line
    data = ("Aaaa Bbbb Of The " * 12_000).encode()

    # when parsed
    parsed = parse_resume_bytes(data, "long.txt")

    # then facts come from the first 60,000 characters and the warning says so
    assert len(parsed.text) == 60_000
    assert parsed.warnings == ["text_truncated", "name_not_found", "education_not_found"]


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _raw_docx(document_xml: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def test_docx_xml_entities_are_not_expanded():
    # given a document.xml with a "billion laughs" entity chain
    dtd = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    body = "<w:p><w:r><w:t>张伟 2015.09-2019.06 北京大学 金融学 本科 &c;&c;</w:t></w:r></w:p>"
    data = _raw_docx(f'{dtd}<w:document xmlns:w="{_W_NS}"><w:body>{body}</w:body></w:document>')

    # when parsed
    parsed = parse_resume_bytes(data, "lol.docx")

    # then the entities stay unexpanded and the real text is read
    assert "AAAA" not in parsed.text
    assert parsed.text == "张伟 2015.09-2019.06 北京大学 金融学 本科"


def test_docx_text_box_is_read_once():
    # given a text box stored twice, as DrawingML (mc:Choice) and as its VML fallback
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = "<w:txbxContent><w:p><w:r><w:t>银行从业资格 CFA 二级 CET-6</w:t></w:r></w:p></w:txbxContent>"
    body = (
        "<w:p><w:r><w:t>张伟 2015.09-2019.06 北京大学 金融学 本科</w:t></w:r></w:p>"
        f"<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing>{box}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    data = _raw_docx(f'<w:document xmlns:w="{_W_NS}" xmlns:mc="{mc}"><w:body>{body}</w:body></w:document>')

    # when parsed / then the box text appears once
    parsed = parse_resume_bytes(data, "box.docx")
    assert parsed.text.count("银行从业资格") == 1
    assert parsed.facts.certificate_names == ["银行从业资格", "CFA Level 2", "CET-6"]


def test_docx_without_document_part_is_corrupt():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("word/styles.xml", "<styles/>")
    # a zip with word/ parts but no document.xml is neither a DOCX nor a plain archive we accept
    with pytest.raises(ResumeFileError) as caught:
        parse_resume_bytes(buffer.getvalue(), "broken.docx")
    assert caught.value.code == "type_mismatch"


def test_damaged_image_is_refused():
    # given a PNG signature followed by garbage
    data = b"\x89PNG\r\n\x1a\n" + bytes(64)

    # when parsed / then the image is refused without running OCR
    with pytest.raises(ResumeFileError) as caught:
        parse_resume_bytes(data, "cv.png")
    assert caught.value.code == "image_unsupported"
    assert caught.value.message_zh == "图片文件已损坏，无法读取。"


def test_docx_layout_table_keeps_each_column_together():
    # given a Word template laid out as one table row: a sidebar cell and a main cell, several paragraphs each
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    side, main = table.rows[0].cells
    side.text = "张伟"
    for line in ("电话：13812345678", "技能", "Python、SQL"):
        side.add_paragraph(line)
    main.text = "教育背景"
    for line in ("2015.09-2019.06 复旦大学 金融学 本科", "工作经历", "2019.07-至今 招商银行上海分行 客户经理"):
        main.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)

    # when parsed
    parsed = parse_resume_bytes(buffer.getvalue(), "layout.docx", today=dt.date(2026, 6, 15))

    # then the columns are read one after the other and the facts come out whole
    assert parsed.text.split("\n") == [
        "张伟", "电话:13812345678", "技能", "Python、SQL", "教育背景", "2015.09-2019.06 复旦大学 金融学 本科",
        "工作经历", "2019.07-至今 招商银行上海分行 客户经理",
    ]  # fmt: skip
    assert [(e.school, e.degree) for e in parsed.facts.education] == [("复旦大学", "本科")]
    assert [(e.employer, e.title) for e in parsed.facts.experience] == [("招商银行上海分行", "客户经理")]


def test_pdf_with_only_an_owner_password_opens():
    # given a PDF encrypted with permissions only (empty open password), as many bank systems export
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=StandardEncryption("", ownerPassword="owner-only", canPrint=0))
    pdf.drawString(72, 760, "Jane Doe")
    pdf.drawString(72, 740, "Email: jane.doe@example.com  Phone: +86 138 0013 8000")
    pdf.showPage()
    pdf.save()
    data = buffer.getvalue()

    # when parsed / then it is read, not refused as encrypted
    parsed = parse_resume_bytes(data, "owner.pdf")
    assert b"/Encrypt" in data
    assert (parsed.facts.name, parsed.facts.email, parsed.facts.phone) == (
        "Jane Doe",
        "jane.doe@example.com",
        "13800138000",
    )
