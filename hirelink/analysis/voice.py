"""Voice steadiness features (情绪稳定性 proxy) from the audio itself: F0 statistics with pyworld
(DIO + StoneMask, MIT), pitch variability and frame-to-frame jitter in semitones, loudness (RMS)
variability, voice breaks. Runs only with the candidate's consent: without it the result is None.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from hirelink.analysis.audio import SAMPLE_RATE, FloatArray, decode_audio
from hirelink.analysis.types import VoiceResult

VOICE_MODEL = "pyworld-0.3.5-dio+stonemask"
FRAME_SECONDS = 0.010
F0_FLOOR = 65.0
F0_CEIL = 500.0
BREAK_MIN_FRAMES = 15  # 150 ms without pitch ...
BREAK_MAX_FRAMES = 50  # ... up to 500 ms, while the sound level stays up = a voice break


def _band_score(value: float, good_low: float, good_high: float, bad_high: float, bad_low: float = 0.0) -> float:
    """1 inside [good_low, good_high], falling linearly to 0 at bad_low / bad_high."""
    if good_low <= value <= good_high:
        return 1.0
    if value > good_high:
        return max(0.0, 1.0 - (value - good_high) / max(1e-6, bad_high - good_high))
    return max(0.0, (value - bad_low) / max(1e-6, good_low - bad_low))


def analyze_voice(source: str | Path | bytes | FloatArray, *, consent: bool) -> VoiceResult | None:
    """Voice features, or None when ``consent`` is False (absent, not zero)."""
    if not consent:
        return None
    import pyworld

    samples = source if isinstance(source, np.ndarray) else decode_audio(source)
    x = samples.astype(np.float64)
    duration = len(x) / SAMPLE_RATE
    hop = int(FRAME_SECONDS * SAMPLE_RATE)
    f0, times = pyworld.dio(x, SAMPLE_RATE, f0_floor=F0_FLOOR, f0_ceil=F0_CEIL, frame_period=FRAME_SECONDS * 1000)
    f0 = pyworld.stonemask(x, f0, times, SAMPLE_RATE)
    n_frames = len(f0)
    padded = np.pad(x, (0, max(0, n_frames * hop + hop - len(x))))
    frames = np.lib.stride_tricks.sliding_window_view(padded, 2 * hop)[::hop][:n_frames]
    rms = np.sqrt(np.mean(frames**2, axis=1) + 1e-12)
    level_db = 20 * np.log10(rms + 1e-9)
    # DIO finds "pitch" in near-silent codec noise: only frames within 30 dB of the loud ones count.
    speech_gate = float(np.percentile(level_db, 95)) - 30.0 if n_frames else 0.0
    voiced = (f0 > 0) & (level_db >= speech_gate)
    voiced_ratio = float(np.mean(voiced)) if n_frames else 0.0

    f0_mean = f0_median = f0_std = f0_range = jitter = loud_std = snr = None
    breaks = 0
    if int(np.sum(voiced)) >= 20:
        voiced_f0 = f0[voiced]
        semitones = 12 * np.log2(voiced_f0 / np.median(voiced_f0))
        f0_mean = round(float(np.mean(voiced_f0)), 2)
        f0_median = round(float(np.median(voiced_f0)), 2)
        f0_std = round(float(np.std(semitones)), 3)
        f0_range = round(float(np.percentile(semitones, 95) - np.percentile(semitones, 5)), 3)
        # jitter: consecutive voiced frames only
        both = voiced[1:] & voiced[:-1]
        deltas = np.abs(12 * np.log2(f0[1:][both] / f0[:-1][both])) if np.any(both) else np.zeros(1)
        jitter = round(float(np.mean(deltas)), 4)
        voiced_db = level_db[voiced]
        loud_std = round(float(np.std(voiced_db)), 3)
        snr = round(min(60.0, float(np.median(voiced_db) - np.percentile(level_db, 10))), 2)
        loud_floor = float(np.median(voiced_db)) - 10.0
        run = 0
        seen_voiced = False
        for is_voiced, level in zip(voiced, level_db, strict=True):
            if is_voiced:
                if seen_voiced and BREAK_MIN_FRAMES <= run <= BREAK_MAX_FRAMES:
                    breaks += 1
                run = 0
                seen_voiced = True
            elif level >= loud_floor:
                run += 1
            else:
                run = BREAK_MAX_FRAMES + 1  # real silence: a pause, not a voice break
    per_min = breaks / duration * 60 if duration else 0.0
    if f0_std is None or jitter is None or loud_std is None:
        steadiness = 0.0
    else:
        parts = [
            _band_score(f0_std, 1.5, 5.0, 9.0, 0.5),
            _band_score(jitter, 0.0, 0.6, 2.0),
            _band_score(loud_std, 3.0, 9.0, 16.0, 1.0),
            _band_score(per_min, 0.0, 6.0, 25.0),
        ]
        steadiness = 100 * float(np.mean(parts))
    return VoiceResult(
        duration=round(duration, 3),
        voiced_ratio=round(voiced_ratio, 4),
        f0_mean_hz=f0_mean,
        f0_median_hz=f0_median,
        f0_std_semitones=f0_std,
        f0_range_semitones=f0_range,
        pitch_jitter_semitones=jitter,
        loudness_std_db=loud_std,
        voice_breaks=breaks,
        voice_breaks_per_min=round(per_min, 3),
        snr_db=snr,
        steadiness=round(steadiness, 2),
        model=VOICE_MODEL,
    )
