from __future__ import annotations

import numpy as np
import pytest

from hirelink.analysis.delivery import analyze_delivery
from hirelink.analysis.errors import MediaDecodeError
from hirelink.analysis.face import analyze_face
from hirelink.analysis.tests.conftest import FIXTURES
from hirelink.analysis.types import Segment, Transcript, Word
from hirelink.analysis.voice import analyze_voice


def _transcript(words: list[tuple[float, float, str]], language: str = "zh") -> Transcript:
    joiner = "" if language == "zh" else " "
    segment = Segment(
        start=words[0][0],
        end=words[-1][1],
        text=joiner.join(w[2] for w in words),
        words=tuple(Word(start=s, end=e, text=t, probability=0.9) for s, e, t in words),
    )
    return Transcript(text=segment.text, language=language, segments=(segment,), duration=30.0, model="test")  # type: ignore[arg-type]


def test_delivery_counts_rate_pauses_and_fillers_exactly():
    # given 30 characters over 10 s with one 2.5 s pause and fillers 嗯, 那个 (hard) and 然后 (soft)
    words = [
        (0.0, 1.0, "嗯我会"),
        (1.0, 2.0, "先倾听"),
        (4.5, 6.0, "那个然后"),
        (6.2, 8.0, "核实原因再"),
        (8.0, 10.0, "提出解决的方案和办法并回访客户"),
    ]
    transcript = _transcript(words)
    # when analysed
    result = analyze_delivery(transcript)
    # then: 30 chars / 10 s = 180 chars/min; one pause ≥ 0.6 s (2.5 s); 0.2 s gap is not a pause
    assert result.speaking_rate == 180.0
    assert result.rate_unit == "chars/min"
    assert result.pause_count == 1
    assert result.pause_longest == 2.5
    assert result.fillers == {"嗯": 1, "那个": 1, "然后": 1}
    # 然后 is free once per 100 chars; once in 30 chars exceeds that (0.3 free), so all 3 count
    assert result.filler_count == 3


def test_english_delivery_uses_words_per_minute():
    words = [(0.0, 1.0, "um"), (1.0, 2.0, "first"), (2.0, 3.0, "I"), (3.0, 4.0, "listen")]
    result = analyze_delivery(_transcript(words, language="en"))
    assert result.rate_unit == "words/min"
    assert result.speaking_rate == 60.0
    assert result.fillers == {"um": 1}


def test_delivery_on_the_spoken_fixture_is_in_a_natural_range(transcript_of):
    result = analyze_delivery(transcript_of("teller_complaint_strong"))
    # TTS speaks ~4.5 chars/s; the fixture has 0.25 s gaps between clauses and no fillers
    assert 220 <= result.speaking_rate <= 320
    assert result.filler_count == 0
    assert result.pause_longest < 2.0


def test_voice_is_absent_without_consent():
    assert analyze_voice(FIXTURES / "answer_short.wav", consent=False) is None


def test_voice_measures_a_known_pitch_exactly():
    # given 2 s of a 200 Hz tone with a 2 Hz, ±1 semitone vibrato
    t = np.arange(32000) / 16000
    f = 200 * 2 ** (np.sin(2 * np.pi * 2 * t) / 12)
    phase = 2 * np.pi * np.cumsum(f) / 16000
    tone = (0.5 * np.sin(phase)).astype(np.float32)
    # when analysed with consent
    result = analyze_voice(tone, consent=True)
    # then the median F0 is 200 Hz and the spread is about 1/sqrt(2) semitone
    assert result is not None
    assert result.f0_median_hz == pytest.approx(200, abs=3)
    assert result.f0_std_semitones == pytest.approx(0.707, abs=0.1)
    assert result.voice_breaks == 0


def test_voice_features_on_the_spoken_fixture_are_plausible(short_samples):
    result = analyze_voice(short_samples, consent=True)
    assert result is not None
    assert result.duration == 14.375
    assert 150 < (result.f0_median_hz or 0) < 350  # the TTS voice is a female speaker
    assert 0.4 < result.voiced_ratio < 0.8
    assert 1.0 < (result.f0_std_semitones or 0) < 6.0
    assert result.voice_breaks == 0
    assert result.model == "pyworld-0.3.5-dio+stonemask"


def test_face_is_absent_without_consent():
    assert analyze_face(FIXTURES / "face_astronaut.jpg", consent=False) is None


def test_face_on_smiling_still_image():
    result = analyze_face(FIXTURES / "face_astronaut.jpg", consent=True)
    assert result is not None
    assert result.frames_sampled == 1
    assert result.faces_detected == 1
    assert result.smile_ratio == 1.0
    assert result.frontal_ratio == 1.0
    assert max(result.expression, key=lambda k: result.expression[k]) == "happy"


def test_face_on_video_samples_one_frame_per_second():
    # given a 6 s video whose first 4 s show a face and last 2 s an empty frame
    result = analyze_face(FIXTURES / "face_interview.webm", consent=True)
    # then 6 frames are sampled, 4 with a face
    assert result is not None
    assert result.frames_sampled == 6
    assert result.faces_detected == 4
    assert result.face_presence_ratio == 0.6667
    assert result.multiple_faces_ratio == 0.0


def test_face_on_an_empty_image_finds_nothing(tmp_path):
    import cv2

    path = tmp_path / "blank.png"
    cv2.imwrite(str(path), np.full((240, 320, 3), 128, dtype=np.uint8))
    result = analyze_face(path, consent=True)
    assert result is not None
    assert result.faces_detected == 0
    assert result.smile_ratio == 0.0
    assert result.affinity == 0.0


def test_face_on_a_broken_file_raises_clear_error(tmp_path):
    path = tmp_path / "broken.jpg"
    path.write_bytes(b"not an image")
    with pytest.raises(MediaDecodeError, match="无法读取图片"):
        analyze_face(path, consent=True)
