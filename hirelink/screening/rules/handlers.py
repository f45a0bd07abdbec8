"""Condition handlers keyed by condition type (a registry, as in Sentry's workflow_engine).

A handler validates a condition's operator and parameters, states what it expects in both languages, and
compiles the condition into a closure `Subject -> Check`. Handlers are pure Python: no ORM, no gettext, so the
compiled evaluator is fast and every reason is stored in zh and en at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from hirelink.screening.rules.subject import Subject
from hirelink.screening.rules.vocabulary import (
    EDUCATION_LABELS,
    LANGUAGES,
    category_tokens,
    certificate_aliases,
    certificate_matches_normalised,
    education_label,
    language_levels,
    normalise_city,
)


class RuleDefinitionError(ValueError):
    """A condition or group in a rule definition is invalid; carries a message in both languages."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en


@dataclass(frozen=True, slots=True)
class Check:
    passed: bool
    actual_zh: str
    actual_en: str


@dataclass(frozen=True)
class FieldSpec:
    """One parameter input in the rule editor. kind: select | list | number | year | bool."""

    name: str
    kind: str
    label_zh: str
    label_en: str
    choices: tuple[tuple[str, str, str], ...] = ()  # (value, zh, en)
    required: bool = True


Evaluate = Callable[[Subject], Check]


def _list(params: dict[str, Any], key: str) -> list[str]:
    raw = params.get(key) or []
    if isinstance(raw, str):
        raw = raw.replace("，", ",").replace("、", ",").replace("\n", ",").split(",")
    if not isinstance(raw, list):
        raise RuleDefinitionError(f"参数 {key} 应为列表", f"Parameter {key} must be a list")
    seen: list[str] = []
    for item in raw:
        text = str(item).strip()
        if text and text not in seen:
            seen.append(text[:60])
    return seen[:30]


def _number(params: dict[str, Any], key: str, *, low: float, high: float) -> float:
    try:
        value = float(params.get(key))  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise RuleDefinitionError(f"参数 {key} 应为数字", f"Parameter {key} must be a number") from exc
    if not low <= value <= high:
        raise RuleDefinitionError(
            f"参数 {key} 应在 {low:g}–{high:g} 之间", f"Parameter {key} must be between {low:g} and {high:g}"
        )
    return value


def _join(items: list[str] | tuple[str, ...], sep: str) -> str:
    return sep.join(items)


class ConditionHandler:
    type: ClassVar[str]
    label: ClassVar[tuple[str, str]]
    operators: ClassVar[dict[str, tuple[str, str]]]
    fields: ClassVar[tuple[FieldSpec, ...]]

    def clean(self, operator: str, params: dict[str, Any]) -> dict[str, Any]:
        if operator not in self.operators:
            raise RuleDefinitionError(
                f"条件「{self.label[0]}」不支持运算符 {operator}",
                f"Condition '{self.label[1]}' does not support operator {operator}",
            )
        return self.clean_params(operator, params)

    def clean_params(self, operator: str, params: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def expected(self, operator: str, params: dict[str, Any]) -> tuple[str, str]:
        raise NotImplementedError

    def compile(self, operator: str, params: dict[str, Any]) -> Evaluate:
        raise NotImplementedError


REGISTRY: dict[str, ConditionHandler] = {}


def register(cls: type[ConditionHandler]) -> type[ConditionHandler]:
    REGISTRY[cls.type] = cls()
    return cls


def handler_for(condition_type: str) -> ConditionHandler:
    try:
        return REGISTRY[condition_type]
    except KeyError:
        raise RuleDefinitionError(
            f"未知的条件类型：{condition_type}", f"Unknown condition type: {condition_type}"
        ) from None


_EDU_CHOICES = tuple((str(k), zh, en) for k, (zh, en) in EDUCATION_LABELS.items())


@register
class EducationHandler(ConditionHandler):
    type = "education"
    label = ("学历", "Education")
    operators = {"gte": ("不低于", "at least"), "eq": ("等于", "exactly"), "lte": ("不高于", "at most")}
    fields = (FieldSpec("level", "select", "学历", "Level", _EDU_CHOICES),)

    def clean_params(self, operator: str, params: dict[str, Any]) -> dict[str, Any]:
        try:
            level = int(params.get("level"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            level = -1
        if level not in EDUCATION_LABELS:
            raise RuleDefinitionError("请选择学历层次", "Choose an education level")
        return {"level": level}

    def expected(self, operator: str, params: dict[str, Any]) -> tuple[str, str]:
        zh, en = education_label(params["level"])
        suffix = {"gte": ("及以上", " or above"), "lte": ("及以下", " or below"), "eq": ("", "")}[operator]
        return zh + suffix[0], en + suffix[1]

    def compile(self, operator: str, params: dict[str, Any]) -> Evaluate:
        wanted: int = params["level"]
        compare: Callable[[int], bool] = {
            "gte": lambda v: v >= wanted,
            "lte": lambda v: v <= wanted,
            "eq": lambda v: v == wanted,
        }[operator]

        def evaluate(subject: Subject) -> Check:
            level = subject.education_level
            zh, en = education_label(level)
            return Check(level is not None and compare(level), zh, en)

        return evaluate


@register
class MajorHandler(ConditionHandler):
    type = "major"
    label = ("专业", "Major")
    operators = {"in": ("属于", "in"), "not_in": ("不属于", "not in")}
    fields = (
        FieldSpec("majors", "list", "专业名称（逗号分隔）", "Majors (comma separated)", required=False),
        FieldSpec("categories", "list", "专业类别（逗号分隔）", "Categories (comma separated)", required=False),
    )

    def clean_params(self, operator: str, params: dict[str, Any]) -> dict[str, Any]:
        majors, categories = _list(params, "majors"), _list(params, "categories")
        if not majors and not categories:
            raise RuleDefinitionError("请至少填写一个专业或专业类别", "Enter at least one major or category")
        return {"majors": majors, "categories": categories}

    def expected(self, operator: str, params: dict[str, Any]) -> tuple[str, str]:
        majors, categories = params["majors"], params["categories"]
        zh_parts = [_join(majors, "、")] if majors else []
        en_parts = [_join(majors, ", ")] if majors else []
        if categories:
            zh_parts.append(_join(categories, "、"))
            en_parts.append("category " + _join(categories, ", "))
        zh = ("专业属于：" if operator == "in" else "专业不属于：") + " 或 ".join(zh_parts)
        en = ("major in: " if operator == "in" else "major not in: ") + " or ".join(en_parts)
        return zh, en

    def compile(self, operator: str, params: dict[str, Any]) -> Evaluate:
        wanted_majors = [m.lower() for m in params["majors"]]
        wanted_categories: set[str] = set()
        for category in params["categories"]:
            wanted_categories |= category_tokens(category)
        negate = operator == "not_in"

        def evaluate(subject: Subject) -> Check:
            if not subject.majors and not subject.major_categories:
                return Check(False, "未识别到专业", "no major found")
            hit = bool(wanted_categories & subject.major_categories) or any(
                w in m.lower() or (len(m) >= 2 and m.lower() in w) for m in subject.majors for w in wanted_majors
            )
            cats = "/".join(sorted(subject.major_categories))
            actual = "、".join(subject.majors) + (f"（{cats}）" if cats else "")
            actual_en = ", ".join(subject.majors) + (f" ({cats})" if cats else "")
            return Check(hit != negate, actual, actual_en)

        return evaluate


@register
class ExperienceHandler(ConditionHandler):
    type = "experience"
    label = ("工作年限", "Experience")
    operators = {"gte": ("不少于", "at least"), "lte": ("不多于", "at most")}
    fields = (FieldSpec("years", "number", "年数", "Years"),)

    def clean_params(self, operator: str, params: dict[str, Any]) -> dict[str, Any]:
        return {"years": round(_number(params, "years", low=0, high=50), 1)}

    def expected(self, operator: str, params: dict[str, Any]) -> tuple[str, str]:
        years = f"{params['years']:g}"
        if operator == "gte":
            return f"{years} 年及以上工作经验", f"at least {years} years of experience"
        return f"工作经验不超过 {years} 年", f"at most {years} years of experience"

    def compile(self, operator: str, params: dict[str, Any]) -> Evaluate:
        wanted: float = params["years"]
        at_least = operator == "gte"

        def evaluate(subject: Subject) -> Check:
            years = subject.experience_years
            ok = years >= wanted if at_least else years <= wanted
            return Check(ok, f"{years:g} 年", f"{years:g} years")

        return evaluate


@register
class CertificateHandler(ConditionHandler):
    type = "certificate"
    label = ("证书", "Certificate")
    operators = {"any": ("持有任一", "any of"), "all": ("全部持有", "all of")}
    fields = (FieldSpec("certificates", "list", "证书（逗号分隔）", "Certificates (comma separated)"),)

    def clean_params(self, operator: str, params: dict[str, Any]) -> dict[str, Any]:
        certificates = _list(params, "certificates")
        if not certificates:
            raise RuleDefinitionError("请至少填写一个证书", "Enter at least one certificate")
        return {"certificates": certificates}

    def expected(self, operator: str, params: dict[str, Any]) -> tuple[str, str]:
        zh_list, en_list = _join(params["certificates"], "、"), _join(params["certificates"], ", ")
        if operator == "any" and len(params["certificates"]) > 1:
            return f"持有以下证书之一：{zh_list}", f"one of these certificates: {en_list}"
        return f"持有证书：{zh_list}", f"certificate(s): {en_list}"

    def compile(self, operator: str, params: dict[str, Any]) -> Evaluate:
        wanted = [certificate_aliases(w) for w in params["certificates"]]
        need_all = operator == "all"

        def evaluate(subject: Subject) -> Check:
            held = subject.certificates
            matches = [certificate_matches_normalised(aliases, subject.certificates_normalised) for aliases in wanted]
            found = [m for m in matches if m]
            ok = all(matches) if need_all else bool(found)
            if found:
                return Check(ok, "、".join(dict.fromkeys(found)), ", ".join(dict.fromkeys(found)))
            if held:
                return Check(
                    ok,
                    "无相符证书（持有：" + "、".join(held[:4]) + "）",
                    "none matching (holds: " + ", ".join(held[:4]) + ")",
                )
            return Check(ok, "无证书", "no certificates")

        return evaluate


_LANG_CHOICES = tuple((code, spec.zh, spec.en) for code, spec in LANGUAGES.items())


def _level_choices() -> tuple[tuple[str, str, str], ...]:
    seen: list[tuple[str, str, str]] = []
    for spec in LANGUAGES.values():
        for label, _score in language_levels(spec):
            item = (f"{spec.code}:{label}", f"{spec.zh} {label}", f"{spec.en} {label}")
            seen.append(item)
    return tuple(seen)


@register
class LanguageHandler(ConditionHandler):
    type = "language"
    label = ("语言能力", "Language")
    operators = {"gte": ("达到", "at least")}
    fields = (
        FieldSpec("language", "select", "语言", "Language", _LANG_CHOICES),
        FieldSpec("level", "select", "等级", "Level", _level_choices()),
    )

    def clean_params(self, operator: str, params: dict[str, Any]) -> dict[str, Any]:
        code = str(params.get("language") or "")
        spec = LANGUAGES.get(code)
        if spec is None:
            raise RuleDefinitionError("请选择语言", "Choose a language")
        level = str(params.get("level") or "")
        if ":" in level:
            level = level.split(":", 1)[1]
        scores = dict(language_levels(spec))
        if level not in scores:
            raise RuleDefinitionError(f"{spec.zh}没有等级「{level}」", f"{spec.en} has no level '{level}'")
        return {"language": code, "level": level, "score": scores[level]}

    def expected(self, operator: str, params: dict[str, Any]) -> tuple[str, str]:
        spec = LANGUAGES[params["language"]]
        if spec.code == "en":
            band = f"{params['score']:.1f}"
            return (
                f"英语 {params['level']} 或同等水平（≈IELTS {band}）",
                f"English {params['level']} or equivalent (≈ IELTS {band})",
            )
        return f"{spec.zh} {params['level']} 及以上", f"{spec.en} {params['level']} or above"

    def compile(self, operator: str, params: dict[str, Any]) -> Evaluate:
        code: str = params["language"]
        wanted: float = params["score"]
        english = code == "en"

        def evaluate(subject: Subject) -> Check:
            stated = subject.languages.get(code)
            if stated is None:
                return Check(False, "未提供", "not stated")
            score, source = stated
            if english:
                return Check(score >= wanted, f"{source}（≈IELTS {score:.1f}）", f"{source} (≈ IELTS {score:.1f})")
            return Check(score >= wanted, source, source)

        return evaluate


@register
class GraduationYearHandler(ConditionHandler):
    type = "graduation_year"
    label = ("毕业年份", "Graduation year")
    operators = {"between": ("介于", "between")}
    fields = (
        FieldSpec("min", "year", "最早", "From", required=False),
        FieldSpec("max", "year", "最晚", "To", required=False),
    )

    def clean_params(self, operator: str, params: dict[str, Any]) -> dict[str, Any]:
        bounds: dict[str, Any] = {}
        for key in ("min", "max"):
            bounds[key] = int(_number(params, key, low=1950, high=2100)) if params.get(key) not in (None, "") else None
        if bounds["min"] is None and bounds["max"] is None:
            raise RuleDefinitionError("请至少填写最早或最晚毕业年份", "Enter a first or last graduation year")
        if bounds["min"] is not None and bounds["max"] is not None and bounds["min"] > bounds["max"]:
            raise RuleDefinitionError("最早毕业年份不能晚于最晚年份", "The first year must not be after the last")
        return bounds

    def expected(self, operator: str, params: dict[str, Any]) -> tuple[str, str]:
        low, high = params["min"], params["max"]
        if low is not None and high is not None:
            return f"{low}–{high} 年毕业", f"graduating {low}–{high}"
        if low is not None:
            return f"{low} 年及以后毕业", f"graduating {low} or later"
        return f"{high} 年及以前毕业", f"graduating {high} or earlier"

    def compile(self, operator: str, params: dict[str, Any]) -> Evaluate:
        low = params["min"] if params["min"] is not None else -1
        high = params["max"] if params["max"] is not None else 10_000

        def evaluate(subject: Subject) -> Check:
            year = subject.graduation_year
            if year is None:
                return Check(False, "未识别到毕业年份", "no graduation year found")
            return Check(low <= year <= high, f"{year} 年", str(year))

        return evaluate


@register
class LocationHandler(ConditionHandler):
    type = "location"
    label = ("工作地点", "Location")
    operators = {"in": ("位于", "in")}
    fields = (
        FieldSpec("cities", "list", "城市（逗号分隔）", "Cities (comma separated)"),
        FieldSpec(
            "accept_willing", "bool", "接受愿意异地工作者", "Accept candidates willing to relocate", required=False
        ),
    )

    def clean_params(self, operator: str, params: dict[str, Any]) -> dict[str, Any]:
        cities = _list(params, "cities")
        if not cities:
            raise RuleDefinitionError("请至少填写一个城市", "Enter at least one city")
        return {"cities": cities, "accept_willing": bool(params.get("accept_willing"))}

    def expected(self, operator: str, params: dict[str, Any]) -> tuple[str, str]:
        zh, en = "所在城市：" + "、".join(params["cities"]), "located in: " + ", ".join(params["cities"])
        if params["accept_willing"]:
            return zh + "（或愿意异地工作）", en + " (or willing to relocate)"
        return zh, en

    def compile(self, operator: str, params: dict[str, Any]) -> Evaluate:
        keys = {normalise_city(c) for c in params["cities"]}
        accept_willing: bool = params["accept_willing"]

        def evaluate(subject: Subject) -> Check:
            city = subject.city_key
            here = bool(city) and any(k in city or city in k for k in keys)
            willing = subject.willing_to_relocate
            label = subject.city or "未填写"
            label_en = subject.city or "not stated"
            if willing:
                label, label_en = label + "（愿意异地）", label_en + " (willing to relocate)"
            return Check(here or (accept_willing and willing), label, label_en)

        return evaluate


@register
class KeywordHandler(ConditionHandler):
    type = "keyword"
    label = ("关键词", "Keyword")
    operators = {"any": ("包含任一", "any of"), "all": ("全部包含", "all of"), "none": ("均不包含", "none of")}
    fields = (FieldSpec("keywords", "list", "关键词（逗号分隔）", "Keywords (comma separated)"),)

    def clean_params(self, operator: str, params: dict[str, Any]) -> dict[str, Any]:
        keywords = _list(params, "keywords")
        if not keywords:
            raise RuleDefinitionError("请至少填写一个关键词", "Enter at least one keyword")
        return {"keywords": keywords}

    def expected(self, operator: str, params: dict[str, Any]) -> tuple[str, str]:
        zh_list, en_list = "、".join(params["keywords"]), ", ".join(params["keywords"])
        return {
            "any": (f"简历包含任一关键词：{zh_list}", f"résumé mentions any of: {en_list}"),
            "all": (f"简历包含全部关键词：{zh_list}", f"résumé mentions all of: {en_list}"),
            "none": (f"简历不包含：{zh_list}", f"résumé mentions none of: {en_list}"),
        }[operator]

    def compile(self, operator: str, params: dict[str, Any]) -> Evaluate:
        keywords: list[str] = params["keywords"]
        lowered = [k.lower() for k in keywords]

        def evaluate(subject: Subject) -> Check:
            found = [k for k, low in zip(keywords, lowered, strict=True) if low in subject.text]
            ok = {"any": bool(found), "all": len(found) == len(keywords), "none": not found}[operator]
            if found:
                return Check(ok, "包含：" + "、".join(found), "found: " + ", ".join(found))
            return Check(ok, "均未出现", "none found")

        return evaluate
