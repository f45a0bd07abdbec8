"""Scoring quality: agreement of the content scorer with hand labels, rerun stability, ADS figures.

    .venv/bin/python benchmarks/scoring_quality.py [--ads-limit N]

1. benchmarks/data/scoring_labels.jsonl: 44 answers to the demo questions, written and labelled 1–5 by
   the analysis engineer against the demo rubric BEFORE the scorer was run on them (see git history).
   Prints Spearman/Pearson of the content score with the labels, the mean absolute level error (score
   mapped with content.LEVEL_BANDS), and the same for a baseline in the same process: raw e5 cosine of
   answer and question+key points (uncalibrated).
2. Rerun stability: the whole set is scored again after clearing the embedding cache.
3. When /work/shared/data/short_answer_scoring_zh/ads_train.jsonl is present (read-only, never committed),
   the ADS short-answer set (human scores 0–10 against references) is scored with references only and
   correlated with the human scores, next to the raw-cosine baseline. Says so when absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from hirelink.analysis import embeddings  # noqa: E402
from hirelink.analysis.content import level_from_score, score_content  # noqa: E402
from hirelink.analysis.metrics import pearson, spearman  # noqa: E402
from hirelink.analysis.types import Rubric  # noqa: E402

LABELS = ROOT / "benchmarks" / "data" / "scoring_labels.jsonl"
ADS = Path("/work/shared/data/short_answer_scoring_zh/ads_train.jsonl")


def _raw_cosine(answer: str, target: str) -> float:
    vectors = embeddings.embed([answer, target])
    return float(vectors[0] @ vectors[1])


def labelled_set() -> None:
    items = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    scores, levels, baseline = [], [], []
    for item in items:
        rubric = Rubric(question=item["question"], key_points=tuple(item["key_points"]), language=item["language"])
        result = score_content(item["answer"], rubric)
        scores.append(result.score)
        levels.append(item["level"])
        baseline.append(_raw_cosine(item["answer"], item["question"] + " " + " ".join(item["key_points"])))
    elapsed = time.perf_counter() - started
    predicted = [level_from_score(s) for s in scores]
    mae = sum(abs(p - lvl) for p, lvl in zip(predicted, levels, strict=True)) / len(levels)
    exact = sum(p == lvl for p, lvl in zip(predicted, levels, strict=True))
    print(f"labelled set: {len(items)} answers, {len({i['question_id'] for i in items})} questions")
    print(
        f"  scorer   Spearman {spearman(scores, levels):.3f}  Pearson {pearson(scores, levels):.3f}  "
        f"MAE(level) {mae:.2f}  exact level {exact}/{len(levels)}"
    )
    print(f"  baseline raw cosine Spearman {spearman(baseline, levels):.3f}  Pearson {pearson(baseline, levels):.3f}")
    print(f"  ratio scorer/baseline Spearman {spearman(scores, levels) / max(1e-9, spearman(baseline, levels)):.2f}")
    for language in ("zh", "en"):
        idx = [i for i, item in enumerate(items) if item["language"] == language]
        if len(idx) > 2:
            print(
                f"  {language}: n={len(idx)} "
                f"Spearman {spearman([scores[i] for i in idx], [levels[i] for i in idx]):.3f}"
            )
    # within-question ranking: does the scorer order each question's five answers like the labels?
    per_q = []
    for qid in sorted({i["question_id"] for i in items}):
        idx = [i for i, item in enumerate(items) if item["question_id"] == qid]
        if len(idx) >= 3:
            per_q.append(spearman([scores[i] for i in idx], [levels[i] for i in idx]))
    print(f"  mean within-question Spearman {np.mean(per_q):.3f} over {len(per_q)} questions")
    by_level = {lvl: [s for s, l2 in zip(scores, levels, strict=True) if l2 == lvl] for lvl in sorted(set(levels))}
    print("  mean score by label: " + ", ".join(f"L{k}={np.mean(v):.1f}" for k, v in by_level.items()))
    print(f"  time {elapsed:.1f} s ({1000 * elapsed / len(items):.0f} ms/answer incl. model load)")

    embeddings._cache.clear()
    rerun = [
        score_content(
            item["answer"],
            Rubric(question=item["question"], key_points=tuple(item["key_points"]), language=item["language"]),
        ).score
        for item in items
    ]
    diff = max(abs(a - b) for a, b in zip(scores, rerun, strict=True))
    print(
        f"rerun stability: max |score difference| after clearing caches = {diff:.4f} "
        f"({'identical' if diff == 0 else 'NOT identical'})"
    )


def ads_set(limit: int) -> None:
    if not ADS.is_file():
        print(f"ADS: {ADS} not present; skipped")
        return
    rows = [json.loads(line) for line in ADS.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if str(r.get("answer", "")).strip()][:limit]
    scores, human, baseline = [], [], []
    started = time.perf_counter()
    for row in rows:
        refs = tuple(
            str(row[k]).strip() for k in ("reference1", "reference2", "reference3") if str(row.get(k) or "").strip()
        )
        rubric = Rubric(question=row["question"], references=refs, language="zh")
        answer = " ".join(str(row["answer"]).split())
        scores.append(score_content(answer, rubric).score)
        human.append(float(row["score"]))
        baseline.append(max(_raw_cosine(answer, ref) for ref in refs) if refs else 0.0)
    elapsed = time.perf_counter() - started
    print(f"ADS (read from {ADS}, first {len(rows)} non-empty answers, references only, no key points):")
    print(f"  scorer   Spearman {spearman(scores, human):.3f}  Pearson {pearson(scores, human):.3f}")
    print(
        f"  baseline raw cosine to best reference Spearman {spearman(baseline, human):.3f}  "
        f"Pearson {pearson(baseline, human):.3f}"
    )
    print(f"  time {elapsed:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ads-limit", type=int, default=300)
    args = parser.parse_args()
    labelled_set()
    ads_set(args.ads_limit)


if __name__ == "__main__":
    main()
