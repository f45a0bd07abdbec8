from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest

from hirelink.analysis.cli import analyze_media_paths, score_jsonl, score_one, transcribe_paths
from hirelink.analysis.content import score_content
from hirelink.analysis.delivery import analyze_delivery
from hirelink.analysis.errors import LLMGraderError
from hirelink.analysis.face import analyze_face
from hirelink.analysis.fusion import fuse
from hirelink.analysis.llm import OpenAICompatibleGrader, quote_in_text
from hirelink.analysis.tests.conftest import COMPLAINT, FIXTURES
from hirelink.analysis.types import ANALYSIS_VERSION, AnswerInput
from hirelink.analysis.voice import analyze_voice

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def strong_and_weak(manifest):
    strong = score_content(manifest["teller_complaint_strong"]["text"], COMPLAINT)
    weak = score_content(manifest["teller_complaint_weak"]["text"], COMPLAINT)
    return strong, weak


def test_fusion_without_biometric_consent_leaves_those_dimensions_absent(strong_and_weak):
    # given text-only answers (no voice or face consent)
    strong, _ = strong_and_weak
    answers = [AnswerInput(content=strong, dimensions=("service_awareness",))]
    # when fused with weights that include emotional stability and affinity
    weights = {"communication": 1, "professional_match": 1, "position_fit": 1, "emotional_stability": 1, "affinity": 1}
    result = fuse(answers, weights=weights, dimensions=("service_awareness",))
    # then those dimensions are None (absent), and the total is the mean of the three present ones
    assert result.dimensions["emotional_stability"].score is None
    assert result.dimensions["affinity"].score is None
    present = [result.dimensions[k].score or 0.0 for k in ("communication", "professional_match", "position_fit")]
    assert result.total == pytest.approx(round(sum(present) / 3, 2), abs=0.01)
    assert result.dimensions["service_awareness"].score == strong.score
    assert "pitch" not in result.features_used
    assert result.version == ANALYSIS_VERSION


def test_fusion_weights_change_the_total(strong_and_weak):
    strong, _ = strong_and_weak
    answers = [AnswerInput(content=strong)]
    only_fit = fuse(answers, weights={"position_fit": 1})
    only_comm = fuse(answers, weights={"communication": 1})
    assert only_fit.total == only_fit.dimensions["position_fit"].score
    assert only_comm.total == only_comm.dimensions["communication"].score


def test_missing_biometrics_lower_total_confidence(strong_and_weak):
    strong, _ = strong_and_weak
    answers = [AnswerInput(content=strong)]
    without = fuse(answers, weights={"position_fit": 1, "emotional_stability": 1})
    complete = fuse(answers, weights={"position_fit": 1})
    assert without.total == complete.total
    assert without.total_confidence == pytest.approx(complete.total_confidence / 2, abs=1e-3)


def test_short_answers_get_lower_confidence(strong_and_weak, manifest):
    strong, _ = strong_and_weak
    short = score_content("我会道歉。", COMPLAINT)
    long_conf = fuse([AnswerInput(content=strong)]).dimensions["position_fit"].confidence
    short_conf = fuse([AnswerInput(content=short)]).dimensions["position_fit"].confidence
    assert short_conf < long_conf


def test_fusion_with_voice_and_face_fills_biometric_dimensions(transcript_of, short_samples, strong_and_weak):
    strong, _ = strong_and_weak
    transcript = transcript_of("teller_complaint_strong")
    answer = AnswerInput(
        content=strong,
        transcript=transcript,
        delivery=analyze_delivery(transcript),
        voice=analyze_voice(short_samples, consent=True),
        face=analyze_face(FIXTURES / "face_interview.webm", consent=True),
    )
    result = fuse([answer], dimensions=("emotional_stability", "affinity"))
    assert result.dimensions["emotional_stability"].score is not None
    assert result.dimensions["affinity"].score == 85.0
    assert result.models["asr"] == "faster-whisper/whisper-base-int8"
    assert {"pitch", "expression", "speaking_rate"} <= set(result.features_used)
    evidence_kinds = {e.text for e in result.dimensions["affinity"].evidence}
    assert evidence_kinds == {"smile_ratio", "face_presence_ratio", "frontal_ratio"}


def test_professional_match_evidence_quotes_covered_key_points(strong_and_weak):
    strong, _ = strong_and_weak
    result = fuse([AnswerInput(content=strong)])
    evidence = result.dimensions["professional_match"].evidence
    quotes = [e.text for e in evidence if e.kind == "key_point"]
    assert len(quotes) == sum(1 for kp in strong.key_points if kp.covered)
    assert all(" ← " in q for q in quotes)
    # and the numbers the score is made of are always there, even when nothing was quoted
    assert [(e.kind, e.text) for e in evidence if e.kind == "feature"] == [
        ("feature", "key_point_coverage"),
        ("feature", "anchor_closeness"),
    ]


def test_fusion_is_deterministic(strong_and_weak):
    strong, weak = strong_and_weak
    answers = [AnswerInput(content=strong), AnswerInput(content=weak)]
    assert fuse(answers) == fuse(answers)


class _FakeLLM(BaseHTTPRequestHandler):
    reply: str = ""
    requests: list[dict[str, Any]] = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _FakeLLM.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        payload = json.dumps({"choices": [{"message": {"content": _FakeLLM.reply}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        return


@pytest.fixture
def fake_llm():
    server = HTTPServer(("127.0.0.1", 0), _FakeLLM)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _FakeLLM.requests = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_llm_grader_returns_level_with_verified_quotes(fake_llm):
    # given a fake endpoint that quotes one real and one invented sentence
    answer = "首先，我会认真倾听客户的诉求。最后，我会回访客户。"
    _FakeLLM.reply = json.dumps(
        {"level": 4, "evidence": ["我会认真倾听客户的诉求", "我会赔偿客户一万元"], "rationale": "步骤清楚"},
        ensure_ascii=False,
    )
    grader = OpenAICompatibleGrader(base_url=fake_llm, model="qwen-test", api_key="k")
    # when it grades
    grade = grader.grade(rubric=COMPLAINT, answer=answer)
    # then the level is kept, only the verifiable quote survives, and the request was well formed
    assert grade.level == 4
    assert grade.evidence == ("我会认真倾听客户的诉求",)
    assert grade.rejected_quotes == ("我会赔偿客户一万元",)
    assert grade.model == "llm/qwen-test"
    assert _FakeLLM.requests[0]["path"] == "/v1/chat/completions"
    assert _FakeLLM.requests[0]["auth"] == "Bearer k"
    assert _FakeLLM.requests[0]["body"]["temperature"] == 0


def test_llm_grader_rejects_grades_without_any_real_quote(fake_llm):
    _FakeLLM.reply = json.dumps({"level": 5, "evidence": ["完全编造的句子"]}, ensure_ascii=False)
    grader = OpenAICompatibleGrader(base_url=fake_llm + "/v1", model="m")
    with pytest.raises(LLMGraderError, match="证据不在回答中"):
        grader.grade(rubric=COMPLAINT, answer="我会道歉。")


def test_llm_grader_rejects_invalid_level(fake_llm):
    _FakeLLM.reply = '{"level": 9, "evidence": []}'
    grader = OpenAICompatibleGrader(base_url=fake_llm, model="m")
    with pytest.raises(LLMGraderError, match="等级无效"):
        grader.grade(rubric=COMPLAINT, answer="我会道歉。")


def test_llm_grader_reports_unreachable_endpoint():
    grader = OpenAICompatibleGrader(base_url="http://127.0.0.1:9", model="m", timeout=2)
    with pytest.raises(LLMGraderError, match="调用失败"):
        grader.grade(rubric=COMPLAINT, answer="我会道歉。")


def test_quote_matching_ignores_punctuation_and_spaces():
    assert quote_in_text("我会 认真倾听，客户", "首先，我会认真倾听客户的诉求。") is True
    assert quote_in_text("", "任何文字") is False


def test_score_one_has_the_command_shape():
    result = score_one(
        question=COMPLAINT.question, answer="首先我会耐心倾听客户诉求，然后道歉。", key_points=["耐心倾听"]
    )
    assert set(result) == {"score", "dimensions", "content", "key_points", "model", "version"}
    assert set(result["dimensions"]) == {"communication", "professional_match", "position_fit", "logical_thinking"}
    assert result["key_points"][0]["covered"] is True
    assert result["key_points"][0]["evidence"] == "首先我会耐心倾听客户诉求，然后道歉。"


def test_score_jsonl_reports_bad_lines_and_keeps_going():
    lines = [
        json.dumps({"question": "你为什么想做柜员？", "answer": "因为我喜欢和人打交道。"}, ensure_ascii=False),
        "{not json",
        json.dumps({"answer": "没有问题字段"}, ensure_ascii=False),
        json.dumps({"question": "Q", "answer": "A", "language": "fr"}),
    ]
    results = list(score_jsonl(lines))
    assert 0 <= results[0]["score"] <= 100
    assert results[1]["line"] == 2
    assert results[1]["error"]["code"] == "analysis_error"
    assert results[2]["error"]["message"] == "缺少 question 字段 / missing field: question"
    assert results[3]["error"]["message"] == "不支持的语言：fr / unsupported language: fr"


def test_transcribe_paths_reports_missing_and_broken_files(tmp_path):
    broken = tmp_path / "broken.webm"
    broken.write_bytes(b"garbage")
    results = list(transcribe_paths([str(tmp_path / "missing.wav"), str(broken)]))
    assert results[0]["error"]["code"] == "analysis_error"
    assert results[1]["error"]["code"] == "media_decode_error"


def test_analyze_media_on_image_gives_face_only_and_on_audio_voice_only():
    image, audio = analyze_media_paths([str(FIXTURES / "face_astronaut.jpg"), str(FIXTURES / "answer_short.ogg")])
    assert image["voice"] is None
    assert image["face"]["faces_detected"] == 1
    assert image["face"]["smile_ratio"] == 1.0
    assert audio["face"] is None
    assert audio["voice"]["duration"] == pytest.approx(14.375, abs=0.05)


def test_score_answer_command_prints_json_and_fails_on_bad_jsonl(tmp_path):
    # given a JSONL file with one good and one broken line
    path = tmp_path / "answers.jsonl"
    path.write_text('{"question": "你为什么想做柜员？", "answer": "我喜欢服务客户。"}\n{oops\n', encoding="utf-8")
    # when the management command runs
    run = subprocess.run(  # noqa: S603 - fixed argv
        [sys.executable, "manage.py", "score_answer", "--jsonl", str(path), "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
    )
    # then it prints one JSON line per input line and exits non-zero
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert run.returncode == 1
    assert "score" in lines[0]
    assert lines[1]["error"]["code"] == "analysis_error"
