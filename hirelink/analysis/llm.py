"""Optional LLM grader behind a Protocol. Off by default: the default scorer needs no LLM.

``OpenAICompatibleGrader`` talks to any ``/v1/chat/completions`` endpoint (a local llama.cpp or
vLLM server, or a cloud one an admin configures). It asks for a rubric level and verbatim quotes;
every quote is checked against the transcript and unverifiable quotes are dropped. A grade whose
quotes are all unverifiable is rejected (LLMGraderError) rather than trusted.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Protocol

import httpx

from hirelink.analysis.errors import LLMGraderError
from hirelink.analysis.types import ANALYSIS_VERSION, Rubric

_SPACE_PUNCT = re.compile(r"[\s，。！？、；：“”‘’（）,.!?;:\"'()]+")

SYSTEM_PROMPT = (
    "You grade a job-interview answer against a rubric. Reply with JSON only: "
    '{"level": <integer 1-5>, "evidence": [<exact quotes copied from the answer>], '
    '"rationale": "<one or two sentences>"}. Quotes must be copied verbatim from the answer.'
)


@dataclass(frozen=True)
class LLMGrade:
    level: int  # 1..5
    evidence: tuple[str, ...]  # quotes verified to appear in the transcript
    rejected_quotes: tuple[str, ...]  # quotes the model returned that are not in the transcript
    rationale: str
    model: str
    version: str = ANALYSIS_VERSION


class RubricGrader(Protocol):
    def grade(self, *, rubric: Rubric, answer: str) -> LLMGrade: ...


def _normalise(text: str) -> str:
    return _SPACE_PUNCT.sub("", text).lower()


def quote_in_text(quote: str, text: str) -> bool:
    """True when ``quote`` appears in ``text`` ignoring whitespace, punctuation and case."""
    needle = _normalise(quote)
    return bool(needle) and needle in _normalise(text)


def build_prompt(rubric: Rubric, answer: str) -> str:
    lines = [f"Question: {rubric.question}"]
    if rubric.key_points:
        lines.append("Key points: " + "; ".join(rubric.key_points))
    for level in sorted(rubric.level_anchors):
        lines.append(f"Level {level}: {rubric.level_anchors[level]}")
    for reference in rubric.references:
        lines.append(f"Exemplary answer: {reference}")
    lines.append(f"Answer: {answer}")
    return "\n".join(lines)


class OpenAICompatibleGrader:
    """Grades with an OpenAI-compatible chat-completions endpoint (temperature 0)."""

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 60.0,
        client: httpx.Client | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.client = client or httpx.Client(timeout=timeout)

    def grade(self, *, rubric: Rubric, answer: str) -> LLMGrade:
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        payload = {
            "model": self.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": build_prompt(rubric, answer)},
            ],
        }
        url = self.base_url + ("/chat/completions" if self.base_url.endswith("/v1") else "/v1/chat/completions")
        try:
            response = self.client.post(url, json=payload, headers=headers)
            response.raise_for_status()
            content = response.json()["choices"][0]["message"]["content"]
        except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as exc:
            raise LLMGraderError(f"大模型评分服务调用失败：{exc} / LLM grader request failed: {exc}") from exc
        match = re.search(r"\{.*\}", str(content), re.S)
        try:
            data = json.loads(match.group(0) if match else str(content))
            level = int(data["level"])
            quotes = [str(q) for q in data.get("evidence", [])]
            rationale = str(data.get("rationale", ""))
        except (ValueError, KeyError, TypeError) as exc:
            raise LLMGraderError(f"大模型返回格式无效 / the LLM reply is not valid JSON: {content!r}") from exc
        if not 1 <= level <= 5:
            raise LLMGraderError(f"大模型返回的等级无效：{level} / level out of range: {level}")
        verified = tuple(q for q in quotes if quote_in_text(q, answer))
        rejected = tuple(q for q in quotes if not quote_in_text(q, answer))
        if quotes and not verified:
            raise LLMGraderError("大模型引用的证据不在回答中 / none of the LLM's quotes appear in the answer")
        return LLMGrade(
            level=level, evidence=verified, rejected_quotes=rejected, rationale=rationale, model=f"llm/{self.model}"
        )
