"""Delivery features of a spoken answer from its transcript and timestamps: speaking rate, pauses,
filler words (嗯/啊/呃/那个, and 就是/然后 beyond a natural rate; um/uh/like)."""

from __future__ import annotations

from hirelink.analysis.text import EN_SOFT_FILLERS, ZH_SOFT_FILLERS, count_fillers, length_units
from hirelink.analysis.types import DeliveryResult, Pause, Transcript

PAUSE_MIN_SECONDS = 0.6
LONG_PAUSE_SECONDS = 2.0
# Comfortable ranges for interview answers (chars/min for Mandarin, words/min for English).
RATE_RANGE = {"zh": (180.0, 300.0), "en": (110.0, 170.0)}
SOFT_FILLER_FREE_PER_100 = 1.0  # 就是/然后 up to once per 100 chars are ordinary words


def _timeline(transcript: Transcript) -> list[tuple[float, float]]:
    spans: list[tuple[float, float]] = []
    for segment in transcript.segments:
        if segment.words:
            spans.extend((w.start, w.end) for w in segment.words)
        else:
            spans.append((segment.start, segment.end))
    return sorted(spans)


def _rate_score(rate: float, low: float, high: float) -> float:
    if low <= rate <= high:
        return 1.0
    if rate < low:
        return max(0.0, rate / low) ** 2
    return max(0.0, 1.0 - (rate - high) / high)


def analyze_delivery(transcript: Transcript) -> DeliveryResult:
    """Deterministic delivery features; requires segment (and ideally word) timestamps."""
    language = transcript.language
    spans = _timeline(transcript)
    units = length_units(transcript.text, language)
    pauses: list[Pause] = []
    speech_seconds = 0.0
    if spans:
        speech_seconds = max(0.0, spans[-1][1] - spans[0][0])
        previous_end = spans[0][1]
        for start, end in spans[1:]:
            gap = start - previous_end
            if gap >= PAUSE_MIN_SECONDS:
                pauses.append(Pause(start=round(previous_end, 3), duration=round(gap, 3)))
            previous_end = max(previous_end, end)
    rate = units / speech_seconds * 60 if speech_seconds > 0 else 0.0
    fillers = count_fillers(transcript.text, language)
    soft = ZH_SOFT_FILLERS if language == "zh" else EN_SOFT_FILLERS
    free_soft = SOFT_FILLER_FREE_PER_100 * units / 100
    hard_count = sum(n for word, n in fillers.items() if word not in soft)
    soft_count = sum(n for word, n in fillers.items() if word in soft)
    filler_count = hard_count + max(0, round(soft_count - free_soft))
    per_100 = 100 * filler_count / units if units else 0.0

    low, high = RATE_RANGE[language]
    rate_score = _rate_score(rate, low, high) if units else 0.0
    long_pause_time = sum(p.duration for p in pauses if p.duration >= LONG_PAUSE_SECONDS)
    pause_score = 1.0 - min(1.0, long_pause_time / speech_seconds * 4) if speech_seconds else 0.0
    filler_score = max(0.0, 1.0 - per_100 / 6)
    score = 100 * (0.4 * rate_score + 0.3 * pause_score + 0.3 * filler_score)
    durations = [p.duration for p in pauses]
    return DeliveryResult(
        speaking_rate=round(rate, 2),
        rate_unit="chars/min" if language == "zh" else "words/min",
        speech_seconds=round(speech_seconds, 3),
        pause_count=len(pauses),
        pause_mean=round(sum(durations) / len(durations), 3) if durations else 0.0,
        pause_longest=round(max(durations), 3) if durations else 0.0,
        pauses=tuple(pauses),
        filler_count=filler_count,
        filler_per_100=round(per_100, 3),
        fillers=fillers,
        score=round(score, 2),
    )
