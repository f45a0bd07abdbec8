from __future__ import annotations

import wave

import numpy as np
import pytest

from hirelink.analysis.asr import AsrConfig, get_model, transcribe
from hirelink.analysis.audio import decode_audio
from hirelink.analysis.errors import MediaDecodeError, ModelUnavailableError
from hirelink.analysis.metrics import cer
from hirelink.analysis.tests.conftest import FIXTURES
from hirelink.analysis.text import to_simplified

# Measured on these fixtures with the bundled Whisper base int8 (beam 5): CER 3.6 %–9.8 %
# (mean 6.7 %). The floor leaves room for thread-count differences, not for a broken pipeline.
CER_FLOOR = 0.12


def test_decode_wav_gives_16k_mono_float32_of_the_file_length():
    # given the committed 16 kHz WAV
    with wave.open(str(FIXTURES / "answer_short.wav"), "rb") as handle:
        frames = handle.getnframes()
    # when it is decoded
    samples = decode_audio(FIXTURES / "answer_short.wav")
    # then it keeps every sample, as float32 in [-1, 1]
    assert samples.dtype == np.float32
    assert samples.ndim == 1
    assert len(samples) == frames
    assert float(np.max(np.abs(samples))) <= 1.0


def test_decode_opus_and_webm_and_bytes():
    # given an Ogg/Opus clip and a WebM (VP8+Opus) video, from a path and from bytes
    ogg = decode_audio(FIXTURES / "answer_short.ogg")
    webm = decode_audio((FIXTURES / "face_interview.webm").read_bytes())
    # then both come out at 16 kHz: ~14.4 s and ~6.0 s of samples
    assert round(len(ogg) / 16000) == 14
    assert round(len(webm) / 16000) == 6


def test_decode_rejects_garbage_and_files_without_audio():
    # given bytes that are no media, and a still image
    # when decoded, then a clear bilingual error is raised
    with pytest.raises(MediaDecodeError, match="无法解码音频"):
        decode_audio(b"this is not audio at all")
    with pytest.raises(MediaDecodeError, match="没有音频轨道"):
        decode_audio(FIXTURES / "face_astronaut.jpg")


def test_transcript_of_short_wav_is_simplified_and_close_to_the_source_text(manifest):
    # given the short WAV and its exact source text
    clip = manifest["answer_short"]
    # when it is transcribed in Chinese
    transcript = transcribe(FIXTURES / "answer_short.wav", language="zh")
    # then the text is Simplified, close to the source, with timestamps inside the audio
    assert transcript.language == "zh"
    assert transcript.model == "faster-whisper/whisper-base-int8"
    assert to_simplified(transcript.text) == transcript.text
    assert "," not in transcript.text
    assert cer(clip["text"], transcript.text) < CER_FLOOR
    assert transcript.segments[0].start >= 0.0
    assert transcript.segments[-1].end <= transcript.duration
    assert transcript.duration == 14.375
    assert transcript.confidence > 0.7


def test_long_answer_transcript_matches_source_with_word_timestamps(manifest, transcript_of):
    # given a ~60 s Ogg/Opus answer
    clip = manifest["teller_complaint_strong"]
    # when transcribed (once per session)
    transcript = transcript_of("teller_complaint_strong")
    # then the CER is under the measured floor and word timestamps are ordered
    assert cer(clip["text"], transcript.text) < CER_FLOOR
    starts = [w.start for s in transcript.segments for w in s.words]
    assert len(starts) > 100
    assert starts == sorted(starts)
    assert "首先" in transcript.text


def test_model_loads_once_per_process():
    # when the model is requested twice with the same config
    first = get_model(AsrConfig())
    second = get_model(AsrConfig())
    # then it is the same object
    assert first[0] is second[0]


def test_model_dir_without_model_raises_clear_error(tmp_path, monkeypatch):
    # given HIRELINK_ASR_MODEL_DIR pointing to an empty directory
    monkeypatch.setenv("HIRELINK_ASR_MODEL_DIR", str(tmp_path))
    # when the model is loaded from the environment
    # then the error names the problem
    with pytest.raises(ModelUnavailableError, match=r"model\.bin"):
        get_model(AsrConfig.from_env())


def test_cer_counts_edits_ignoring_punctuation():
    assert cer("我会先倾听。", "我會先倾听") == 0.0
    assert cer("abcd", "abxd") == 0.25


def test_english_answer_is_transcribed_in_english():
    # given an English answer (espeak-ng, 10.75 s) and language="en"
    transcript = transcribe(FIXTURES / "answer_en.ogg", language="en")
    # then the words come back in English with word timestamps
    text = transcript.text.lower()
    assert transcript.language == "en"
    assert "listen patiently to the customer" in text
    assert "follow up with the customer" in text
    assert len([w for s in transcript.segments for w in s.words]) >= 25


def test_model_dir_setting_loads_a_local_model_directory(tmp_path, manifest):
    # given a local CTranslate2 model directory (here: the bundled base model written out to disk)
    from hirelink.analysis.asr import _bundled_files

    for name, data in _bundled_files().items():
        (tmp_path / name).write_bytes(data)
    config = AsrConfig(model_dir=str(tmp_path))
    # when the short answer is transcribed with it
    model, model_id = get_model(config)
    transcript = transcribe(FIXTURES / "answer_short.wav", language="zh", config=config)
    # then that model is used and it transcribes like the bundled one
    assert model is not get_model(AsrConfig())[0]
    assert model_id == f"faster-whisper/{tmp_path.name}-int8"
    assert transcript.model == model_id
    assert cer(manifest["answer_short"]["text"], transcript.text) < CER_FLOOR
