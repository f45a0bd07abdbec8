"""Decode any audio or video container (webm/opus, mp4/aac, ogg, wav, ...) to 16 kHz mono float32
with PyAV (bundled FFmpeg)."""

from __future__ import annotations

import io
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt

from hirelink.analysis.errors import MediaDecodeError

SAMPLE_RATE = 16000
FloatArray = npt.NDArray[np.float32]


def decode_audio(source: str | Path | bytes, *, sample_rate: int = SAMPLE_RATE) -> FloatArray:
    """Return the first audio stream as mono float32 in [-1, 1] at ``sample_rate``.

    Raises MediaDecodeError (with a bilingual message) for unreadable files or files without audio.
    """
    opened: str | io.BytesIO = io.BytesIO(source) if isinstance(source, bytes) else str(source)
    chunks: list[FloatArray] = []
    try:
        with av.open(opened, mode="r") as container:
            if not container.streams.audio:
                raise MediaDecodeError("文件中没有音频轨道 / the file has no audio track")
            resampler = av.AudioResampler(format="flt", layout="mono", rate=sample_rate)
            for frame in container.decode(audio=0):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1).astype(np.float32, copy=False))
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1).astype(np.float32, copy=False))
    except MediaDecodeError:
        raise
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        raise MediaDecodeError(f"无法解码音频：{exc} / cannot decode audio: {exc}") from exc
    if not chunks:
        raise MediaDecodeError("音频为空 / the audio is empty")
    samples = np.concatenate(chunks)
    return np.clip(samples, -1.0, 1.0).astype(np.float32, copy=False)
