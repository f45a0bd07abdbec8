from __future__ import annotations

import numpy as np

from hirelink.analysis.answer import analyze_answer
from hirelink.analysis.fusion import answer_confidence
from hirelink.analysis.tests.conftest import COMPLAINT, FIXTURES
from hirelink.analysis.types import AnswerInput, Rubric
from hirelink.analysis.voice import analyze_voice

INTRO = Rubric(question="请简单介绍一下你自己。", key_points=("毕业院校和专业", "柜面服务经验"), language="zh")


def test_video_answer_with_only_voice_consent_has_no_face_result():
    # given the WebM answer and consent for voice analysis only
    result = analyze_answer(rubric=INTRO, media_path=FIXTURES / "face_interview.webm", voice_consent=True)
    # then transcript, content, delivery and voice exist, face is absent
    assert result.transcript is not None
    assert result.transcript.text.startswith("您好")
    assert result.delivery is not None
    assert result.voice is not None
    assert result.face is None


def test_video_answer_with_face_consent_has_face_result_and_no_voice():
    result = analyze_answer(rubric=INTRO, media_path=FIXTURES / "face_interview.webm", face_consent=True)
    assert result.voice is None
    assert result.face is not None
    assert result.face.faces_detected == 4


def test_text_answer_needs_no_media():
    result = analyze_answer(rubric=COMPLAINT, text="我会先倾听客户，然后道歉。")
    assert result.transcript is None
    assert result.delivery is None
    assert result.content.length == 11  # characters without punctuation


def test_noisy_audio_lowers_snr_and_answer_confidence(short_samples):
    # given the short answer and the same answer with white noise at roughly 0 dB SNR
    rng = np.random.default_rng(7)
    noisy = (short_samples + rng.normal(0, float(np.std(short_samples)), len(short_samples))).astype(np.float32)
    clean_voice = analyze_voice(short_samples, consent=True)
    noisy_voice = analyze_voice(noisy, consent=True)
    content = analyze_answer(
        rubric=INTRO, text="您好，我叫李明，毕业于西南财经大学金融学专业，有柜面服务的经验。"
    ).content
    # then the noisy one has a lower SNR estimate and a lower answer confidence
    assert clean_voice is not None
    assert noisy_voice is not None
    assert (noisy_voice.snr_db or 0) < (clean_voice.snr_db or 0)
    assert answer_confidence(AnswerInput(content=content, voice=noisy_voice)) < answer_confidence(
        AnswerInput(content=content, voice=clean_voice)
    )
