"""JSON-ready entry points behind the ``transcribe``, ``score_answer`` and ``analyze_media``
management commands (kept here, framework-free, so they are testable without Django).

Every function returns one dict per input; a failed input gives ``{"path"/"line": ..., "error":
{"code", "message"}}`` instead of raising, so a batch keeps going and the caller picks the exit code.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from hirelink.analysis.asr import AsrConfig, transcribe
from hirelink.analysis.audio import decode_audio
from hirelink.analysis.content import score_content
from hirelink.analysis.errors import AnalysisError
from hirelink.analysis.face import analyze_face, has_video
from hirelink.analysis.fusion import fuse
from hirelink.analysis.types import ANALYSIS_VERSION, AnswerInput, Language, Rubric, to_dict
from hirelink.analysis.voice import analyze_voice


def error_object(exc: Exception) -> dict[str, str]:
    code = exc.code if isinstance(exc, AnalysisError) else "invalid_input"
    return {"code": code, "message": str(exc)}


def _check_path(path: Path) -> None:
    if not path.is_file():
        raise AnalysisError(f"文件不存在：{path} / file not found: {path}")


def transcribe_paths(
    paths: Iterable[str], *, language: Language = "zh", config: AsrConfig | None = None
) -> Iterator[dict[str, Any]]:
    for raw in paths:
        path = Path(raw)
        try:
            _check_path(path)
            result = transcribe(path, language=language, config=config)
        except AnalysisError as exc:
            yield {"path": raw, "error": error_object(exc)}
            continue
        yield {
            "path": raw,
            "text": result.text,
            "language": result.language,
            "segments": [{"start": s.start, "end": s.end, "text": s.text} for s in result.segments],
            "duration": result.duration,
            "confidence": result.confidence,
            "model": result.model,
            "version": result.version,
        }


def score_one(
    *,
    question: str,
    answer: str,
    references: Iterable[str] = (),
    key_points: Iterable[str] = (),
    language: Language = "zh",
    expected_seconds: float | None = None,
) -> dict[str, Any]:
    rubric = Rubric(
        question=question,
        key_points=tuple(k for k in key_points if k.strip()),
        references=tuple(r for r in references if r.strip()),
        language=language,
        expected_seconds=expected_seconds,
    )
    content = score_content(answer, rubric, language=language)
    fused = fuse([AnswerInput(content=content)], dimensions=("logical_thinking",))
    return {
        "score": content.score,
        "dimensions": {key: dim.score for key, dim in fused.dimensions.items() if dim.score is not None},
        "content": {
            "relevance": content.relevance,
            "coverage": content.coverage,
            "anchor_closeness": content.anchor_closeness,
            "structure": content.structure.score,
            "completeness": content.completeness,
            "estimated_level": content.estimated_level,
            "markers": list(content.structure.markers),
            "star": dict(content.structure.star),
        },
        "key_points": [
            {"text": kp.text, "covered": kp.covered, "evidence": kp.evidence, "score": kp.score}
            for kp in content.key_points
        ],
        "model": content.model,
        "version": ANALYSIS_VERSION,
    }


def _record(data: Mapping[str, Any]) -> dict[str, Any]:
    question = data.get("question")
    answer = data.get("answer")
    if not isinstance(question, str) or not question.strip():
        raise AnalysisError("缺少 question 字段 / missing field: question")
    if not isinstance(answer, str):
        raise AnalysisError("缺少 answer 字段 / missing field: answer")
    raw_language = data.get("language") or "zh"
    if raw_language not in ("zh", "en"):
        raise AnalysisError(f"不支持的语言：{raw_language} / unsupported language: {raw_language}")
    language: Language = "en" if raw_language == "en" else "zh"
    references = data.get("references") or []
    key_points = data.get("key_points") or []
    if not isinstance(references, list) or not isinstance(key_points, list):
        raise AnalysisError("references 和 key_points 必须是列表 / references and key_points must be lists")
    seconds = data.get("expected_seconds")
    return score_one(
        question=question,
        answer=answer,
        references=[str(r) for r in references],
        key_points=[str(k) for k in key_points],
        language=language,
        expected_seconds=float(seconds) if seconds else None,
    )


def score_jsonl(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """One result per non-empty input line; bad lines give an error object with the line number."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise AnalysisError("每行必须是一个 JSON 对象 / each line must be a JSON object")
            yield _record(data)
        except (json.JSONDecodeError, AnalysisError) as exc:
            if isinstance(exc, json.JSONDecodeError):
                exc = AnalysisError(f"第 {number} 行不是有效的 JSON / line {number} is not valid JSON: {exc.msg}")
            yield {"line": number, "error": error_object(exc)}


def analyze_media_paths(paths: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Voice features for anything with sound, face features for video and still images. The
    person running the command stands in for the candidate's consent."""
    for raw in paths:
        path = Path(raw)
        try:
            _check_path(path)
            video = has_video(path)
            voice = None
            try:
                samples = decode_audio(path)
            except AnalysisError:
                if not video:
                    raise
                samples = None
            if samples is not None:
                voice = analyze_voice(samples, consent=True)
            face = analyze_face(path, consent=True) if video else None
        except AnalysisError as exc:
            yield {"path": raw, "error": error_object(exc)}
            continue
        yield {"path": raw, "voice": to_dict(voice), "face": to_dict(face), "version": ANALYSIS_VERSION}
