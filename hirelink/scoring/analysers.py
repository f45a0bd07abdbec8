"""The bridge from stored interview data to the framework-free `hirelink.analysis` package.

`Analysers` bundles the callables one answer goes through (transcribe → content → delivery → voice → face), so
the pipeline can be given another set (a failing one in tests, a different model set later) without patching.
Models load lazily, once per worker process (the analysis package caches them)."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from hirelink.analysis.types import (
    ContentResult,
    DeliveryResult,
    FaceResult,
    Language,
    Rubric,
    Transcript,
    VoiceResult,
)

T = TypeVar("T")

Samples = Any  # numpy float32 array at 16 kHz (hirelink.analysis.audio.FloatArray)


def _decode(data: bytes) -> Samples:
    from hirelink.analysis.audio import decode_audio

    return decode_audio(data)


def _transcribe(samples: Samples, language: Language) -> Transcript:
    from hirelink.analysis.asr import transcribe

    return transcribe(samples, language=language)


def _content(text: str, rubric: Rubric, language: Language, answer_seconds: float | None) -> ContentResult:
    from hirelink.analysis.content import score_content

    return score_content(text, rubric, language=language, answer_seconds=answer_seconds)


def _delivery(transcript: Transcript) -> DeliveryResult:
    from hirelink.analysis.delivery import analyze_delivery

    return analyze_delivery(transcript)


def _voice(samples: Samples) -> VoiceResult | None:
    from hirelink.analysis.voice import analyze_voice

    return analyze_voice(samples, consent=True)


def _face(media: bytes) -> FaceResult | None:
    import tempfile
    from pathlib import Path

    from hirelink.analysis.face import analyze_face

    with tempfile.TemporaryDirectory(prefix="hirelink-face-") as tmp:
        path = Path(tmp) / "answer-media"
        path.write_bytes(media)
        result: FaceResult | None = analyze_face(path, consent=True)
        return result


@dataclass(frozen=True)
class Analysers:
    decode: Callable[[bytes], Samples] = _decode
    transcribe: Callable[[Samples, Language], Transcript] = _transcribe
    content: Callable[[str, Rubric, Language, float | None], ContentResult] = _content
    delivery: Callable[[Transcript], DeliveryResult] = _delivery
    voice: Callable[[Samples], VoiceResult | None] = _voice
    face: Callable[[bytes], FaceResult | None] = _face


DEFAULT_ANALYSERS = Analysers()


# --- JSON ↔ dataclasses -----------------------------------------------------------------------------------------


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild an analysis result dataclass (and its nested ones) from the JSON stored by `to_dict`."""
    return typing.cast(T, _convert(cls, data))


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        real = [a for a in args if a is not type(None)]
        return _convert(real[0], value) if len(real) == 1 else value
    if origin is tuple:
        inner = args[0] if args else Any
        return tuple(_convert(inner, v) for v in value)
    if origin in (Mapping, dict) or hint is Mapping:
        key_type = args[0] if args else str
        inner = args[1] if len(args) > 1 else Any
        return {(int(k) if key_type is int else k): _convert(inner, v) for k, v in value.items()}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        kwargs = {f.name: _convert(hints[f.name], value[f.name]) for f in dataclasses.fields(hint) if f.name in value}
        return hint(**kwargs)
    return value
