"""Answer media checks with PyAV: what the bytes really are (by decoding, never by name or declared type),
how long they last, and a normalised 16 kHz mono WAV copy for analysis. No Django in here."""

from __future__ import annotations

import wave
from dataclasses import dataclass
from pathlib import Path

import av
import av.error

# Container (as FFmpeg names the demuxer) → audio codecs accepted in it.
AUDIO_CODECS: dict[str, frozenset[str]] = {
    "matroska,webm": frozenset({"opus"}),
    "ogg": frozenset({"opus"}),
    "mov,mp4,m4a,3gp,3g2,mj2": frozenset({"aac"}),
    "wav": frozenset({"pcm_s16le", "pcm_s24le", "pcm_s32le", "pcm_f32le", "pcm_u8"}),
}
VIDEO_CODECS: dict[str, frozenset[str]] = {
    "matroska,webm": frozenset({"vp8", "vp9", "av1", "h264"}),
    "mov,mp4,m4a,3gp,3g2,mj2": frozenset({"h264", "hevc", "av1"}),
}
TARGET_RATE = 16_000


class MediaRejectedError(Exception):
    """The file is not acceptable answer media; `reason` is a short machine-readable code."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class MediaInfo:
    container: str
    audio_codec: str
    video_codec: str
    duration_seconds: float


def _short_container(name: str) -> str:
    return {"matroska,webm": "webm", "mov,mp4,m4a,3gp,3g2,mj2": "mp4"}.get(name, name)


def probe(path: Path, *, allow_video: bool) -> MediaInfo:
    """Open and fully decode the audio of `path`; raise MediaRejectedError unless it is an accepted container and
    codec with at least some decodable audio. The duration is counted from decoded samples, because
    MediaRecorder's WebM files carry no duration in their header."""
    try:
        with av.open(str(path), mode="r") as container:
            fmt = container.format.name
            if fmt not in AUDIO_CODECS:
                raise MediaRejectedError("container")
            audio = next(iter(container.streams.audio), None)
            if audio is None or audio.codec_context.name not in AUDIO_CODECS[fmt]:
                raise MediaRejectedError("codec")
            video = next(iter(container.streams.video), None)
            video_codec = ""
            if video is not None:
                video_codec = video.codec_context.name
                if not allow_video or video_codec not in VIDEO_CODECS.get(fmt, frozenset()):
                    raise MediaRejectedError("video")
            samples = 0
            rate = 0
            for frame in container.decode(audio):
                samples += frame.samples
                rate = frame.sample_rate or rate
            if samples == 0 or rate == 0:
                raise MediaRejectedError("empty")
            return MediaInfo(
                container=_short_container(fmt),
                audio_codec=audio.codec_context.name,
                video_codec=video_codec,
                duration_seconds=round(samples / rate, 3),
            )
    except MediaRejectedError:
        raise
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError, IndexError) as exc:
        raise MediaRejectedError("decode") from exc


def normalise_to_wav(source: Path, target: Path) -> float:
    """Decode the audio of `source`, resample to 16 kHz mono s16 and write a WAV to `target`.
    Returns the duration of the written audio in seconds."""
    resampler = av.AudioResampler(format="s16", layout="mono", rate=TARGET_RATE)
    frames = 0
    target.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(source), mode="r") as container, wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(TARGET_RATE)
        audio = container.streams.audio[0]
        for frame in container.decode(audio):
            for resampled in resampler.resample(frame):
                out.writeframes(bytes(resampled.planes[0])[: resampled.samples * 2])
                frames += resampled.samples
        for resampled in resampler.resample(None):
            out.writeframes(bytes(resampled.planes[0])[: resampled.samples * 2])
            frames += resampled.samples
    return round(frames / TARGET_RATE, 3)
