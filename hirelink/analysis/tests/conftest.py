"""Fixtures for the analysis tests: the committed speech/face fixtures (tests/fixtures/speech) and
transcripts computed once per test session (Whisper is the slow part)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hirelink.analysis.audio import decode_audio
from hirelink.analysis.types import Rubric, Transcript

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "speech"

COMPLAINT = Rubric(
    question="遇到客户投诉时，你会如何处理？",
    key_points=(
        "保持冷静，耐心倾听，先处理情绪再处理事情",
        "复述确认客户诉求，真诚致歉",
        "依据制度核实事实，给出明确可行的解决方案",
        "超出权限及时上报主管，并告知客户处理时限",
        "事后回访客户，总结原因、改进服务",
    ),
    language="zh",
    expected_seconds=90,
)
BLOCKCHAIN = Rubric(
    question="请解释一下你对区块链技术的理解",
    key_points=(
        "区块通过哈希指针链接，形成难以篡改的链式账本",
        "多节点分布式记账，通过共识机制（如 PoW、PoS、PBFT、Raft）保持一致",
        "智能合约让业务规则自动执行",
        "区分公链与联盟链，银行多使用许可制的联盟链",
        "结合金融场景，并客观说明局限（性能、隐私、监管）",
    ),
    language="zh",
    expected_seconds=90,
)


@pytest.fixture(scope="session")
def manifest() -> dict[str, dict[str, Any]]:
    data = json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))
    return {clip["id"]: clip for clip in data["clips"]}


_transcripts: dict[str, Transcript] = {}


@pytest.fixture(scope="session")
def transcript_of(manifest: dict[str, dict[str, Any]]) -> Any:
    """transcript_of(clip_id) → Transcript, computed once per session."""
    from hirelink.analysis.asr import transcribe

    def get(clip_id: str) -> Transcript:
        if clip_id not in _transcripts:
            _transcripts[clip_id] = transcribe(FIXTURES / manifest[clip_id]["file"], language="zh")
        return _transcripts[clip_id]

    return get


@pytest.fixture(scope="session")
def short_samples() -> Any:
    return decode_audio(FIXTURES / "answer_short.wav")
