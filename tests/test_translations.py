"""The English catalog: complete, reviewed, placeholders intact, glossary kept, and active at run time.

Chinese (zh-Hans) is the source language: every msgid is Chinese and English lives in
hirelink/locale/en/LC_MESSAGES/*.po. Refresh the catalog with scripts/i18n, translate what it reports, and this file
tells you what is still missing or broken.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
LC_MESSAGES = ROOT / "hirelink" / "locale" / "en" / "LC_MESSAGES"
CATALOG = LC_MESSAGES / "django.po"

# %(name)s, %s, %d, %.0f, %% ... as Python's % operator reads them.
PERCENT = re.compile(r"%(?:\((?P<name>[^)]+)\))?[#0 +-]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")
NAMED_PERCENT = re.compile(r"%\([^)]+\)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
BRACE = re.compile(r"(?<!\{)\{[A-Za-z_0-9.]*\}(?!\})")
TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
HTML_TAG = re.compile(r"</?([A-Za-z][\w-]*)")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")

# docs/domain.md: the users' words, in the product's English.
GLOSSARY = {
    "岗位": "Position",
    "候选人": "Candidate",
    "简历": "Résumé",
    "初筛": "Rule screening",
    "面试邀请": "Interview invitation",
    "题库": "Question bank",
    "笔试": "Written test",
    "复试": "Second interview",
    "人才档案": "Talent profile",
    "结构化面试报告": "Structured interview report",
    "审计日志": "Audit log",
    "沟通能力": "Communication",
    "专业匹配度": "Professional match",
    "岗位适配性": "Position fit",
    "服务意识": "Service awareness",
    "逻辑思维": "Logical thinking",
    "情绪稳定性": "Emotional stability",
    "亲和力": "Affinity",
    "回答亮点": "Highlights",
    "改进建议": "Improvement suggestions",
}


def _catalogs() -> list[polib.POFile]:
    return [polib.pofile(str(path)) for path in sorted(LC_MESSAGES.glob("*.po"))]


def _active(po: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in po if not entry.obsolete and entry.msgid]


def _placeholders(text: str, *, python_format: bool) -> dict[str, list[str]]:
    if python_format:
        tokens = [m.group(0) for m in PERCENT.finditer(text)]
        named = sorted(t for t in tokens if t.startswith("%("))
        positional = [t for t in tokens if not t.startswith("%(")]  # order matters for %s / %d
    else:
        named, positional = sorted(NAMED_PERCENT.findall(text)), []
    return {
        "named %": named,
        "positional %": positional,
        "{name}": sorted(BRACE.findall(text)),
        "{{ }} / {% %}": sorted(TEMPLATE.findall(text)),
        "HTML tags": sorted(tag.lower() for tag in HTML_TAG.findall(text)),
    }


def _pairs(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(source, translation) pairs to compare: singular with msgstr[0], plural with every other form."""
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
    return [(entry.msgid if i == 0 else entry.msgid_plural, form) for i, form in enumerate(forms)]


def _completeness_problems(entry: polib.POEntry) -> list[str]:
    forms = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
    problems = []
    if entry.msgid_plural and len(forms) != 2:
        problems.append(f"{entry.msgid!r}: {len(forms)} plural forms, English has 2")
    if not all(form.strip() for form in forms):
        problems.append(f"untranslated: {entry.msgid!r} ({entry.occurrences[:1]})")
    if entry.fuzzy:
        problems.append(f"fuzzy (check, then remove the flag): {entry.msgid!r}")
    return problems


def _placeholder_problems(entry: polib.POEntry) -> list[str]:
    python_format = "python-format" in entry.flags
    problems = []
    for source, target in _pairs(entry):
        want = _placeholders(source, python_format=python_format)
        got = _placeholders(target, python_format=python_format)
        problems += [f"{entry.msgid!r}: {kind} {want[kind]} -> {got[kind]}" for kind in want if want[kind] != got[kind]]
    return problems


def _chinese_left_problems(entry: polib.POEntry) -> list[str]:
    """Chinese in a translation is allowed only as a data value quoted verbatim from the source (e.g. "英语")."""
    problems = []
    for source, target in _pairs(entry):
        introduced = [run for run in HAN.findall(target) if run not in source]
        if introduced or (target == source and HAN.search(source)):
            problems.append(f"{entry.msgid!r} -> {target!r}")
    return problems


def _all_problems(check: Callable[[polib.POEntry], list[str]]) -> list[str]:
    return [problem for po in _catalogs() for entry in _active(po) for problem in check(entry)]


def test_the_english_catalog_exists_with_english_plural_rules():
    # given the catalog files, when their headers are read
    headers = [
        (po.metadata["Language"], po.metadata["Plural-Forms"], po.metadata["Content-Type"], bool(po.metadata_is_fuzzy))
        for po in _catalogs()
    ]
    # then there is a django catalog, and every catalog is English, UTF-8, with two plural forms and a reviewed header
    assert CATALOG.is_file()
    assert headers == [("en", "nplurals=2; plural=(n != 1);", "text/plain; charset=UTF-8", False)] * len(headers)


def test_every_msgid_is_translated_and_none_is_fuzzy():
    # given every active entry of every English catalog
    # when entries with an empty form, a wrong number of plural forms or a fuzzy flag are collected
    problems = _all_problems(_completeness_problems)
    # then there is none (run scripts/i18n, translate, review fuzzy entries, run again)
    assert problems == []


def test_placeholders_and_markup_are_identical_in_msgid_and_msgstr():
    # given every active entry, when its placeholders, template tags and HTML tags are compared with the source
    problems = _all_problems(_placeholder_problems)
    # then they are identical (a lost %(name)s drops a value; an unknown one raises KeyError at run time)
    assert problems == []


def test_no_chinese_is_left_in_the_english_text():
    # given every translation, when Chinese that the source does not quote is collected
    problems = _all_problems(_chinese_left_problems)
    # then there is none
    assert problems == []


def test_glossary_terms_use_the_domain_words():
    # given the glossary of docs/domain.md, when the catalog's translations of its terms are read
    translations = {entry.msgid: entry.msgstr for entry in _active(polib.pofile(str(CATALOG)))}
    found = {term: translations.get(term) for term in GLOSSARY}
    # then each term is translated with the domain word
    assert found == GLOSSARY


def test_the_catalog_compiles_cleanly_with_msgfmt(tmp_path):
    # given GNU msgfmt (scripts/setup installs gettext), when each catalog is compiled with format checks
    msgfmt = shutil.which("msgfmt")
    assert msgfmt is not None
    results = [
        subprocess.run(  # noqa: S603 - fixed program, our own file
            [msgfmt, "--check", "--statistics", "-o", str(tmp_path / "out.mo"), po.fpath],
            capture_output=True,
            text=True,
            check=False,
        )
        for po in _catalogs()
    ]
    # then msgfmt accepts it and reports no fuzzy or untranslated message
    assert [(r.returncode, "fuzzy" in r.stderr, "untranslated" in r.stderr) for r in results] == [
        (0, False, False) for _ in results
    ]


def test_the_compiled_catalog_is_what_django_serves_in_english():
    # given the compiled catalog (scripts/setup and scripts/i18n run compilemessages)
    # when Django translates in English and in Chinese
    with translation.override("en"):
        english = [str(translation.gettext(term)) for term in ("人才档案", "复试", "岗位与初筛")]
        plural = translation.ngettext("%(n)s 位候选人", "%(n)s 位候选人", 1) % {"n": 1}
    with translation.override("zh-hans"):
        chinese = str(translation.gettext("人才档案"))
    # then English comes from the catalog and Chinese is the source text itself
    assert english == ["Talent profile", "Second interview", "Positions & screening"]
    assert plural == "1 candidate"
    assert chinese == "人才档案"
