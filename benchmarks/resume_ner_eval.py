"""Measure the résumé parser's mention finders on ResumeNER (Zhang & Yang, 2018), dev split.

    .venv/bin/python benchmarks/resume_ner_eval.py [--data /work/shared/data/resume_ner_zh] [--split dev]

Reads the shared development data read-only when present (never committed, never used by tests) and prints
exact-span and overlap precision/recall/F1 for EDU (degree), PRO (major), ORG (organisation) and TITLE,
plus how often a sentence's degree level is normalised correctly. The sentences are executive bios (prose),
not laid-out résumés, so they measure ``hirelink.screening.parsing.mentions``, the prose path.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hirelink.screening.parsing.entries import _find_degree
from hirelink.screening.parsing.mentions import find_mentions

KIND_TO_TAG = {"degree": "EDU", "major": "PRO", "org": "ORG", "title": "TITLE"}
TAGS = ("EDU", "PRO", "ORG", "TITLE")


def read_bmes(path: Path) -> list[tuple[str, set[tuple[str, int, int]]]]:
    sentences: list[tuple[str, set[tuple[str, int, int]]]] = []
    chars: list[str] = []
    spans: set[tuple[str, int, int]] = set()
    start = 0
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not raw.strip():
            if chars:
                sentences.append(("".join(chars), spans))
            chars, spans = [], set()
            continue
        char, tag = raw.split()
        index = len(chars)
        chars.append(char)
        if tag.startswith(("B-", "S-")):
            start = index
        if tag.startswith(("E-", "S-")):
            spans.add((tag[2:], start, index + 1))
    return sentences


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="/work/shared/data/resume_ner_zh")
    parser.add_argument("--split", default="dev")
    args = parser.parse_args()
    path = Path(args.data) / f"{args.split}.char.bmes"
    if not path.exists():
        print(f"ResumeNER not found at {path}; nothing to measure.")
        return 0
    sentences = read_bmes(path)
    gold_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    exact: Counter[str] = Counter()
    overlap_p: Counter[str] = Counter()
    overlap_r: Counter[str] = Counter()
    level_ok = level_total = 0
    started = time.perf_counter()
    for text, gold in sentences:
        pred = {(KIND_TO_TAG[m.kind], m.start, m.end) for m in find_mentions(text)}
        gold = {g for g in gold if g[0] in TAGS}
        for tag in TAGS:
            g = {s for s in gold if s[0] == tag}
            p = {s for s in pred if s[0] == tag}
            gold_n[tag] += len(g)
            pred_n[tag] += len(p)
            exact[tag] += len(g & p)
            overlap_p[tag] += sum(1 for a in p if any(a[1] < b[2] and b[1] < a[2] for b in g))
            overlap_r[tag] += sum(1 for b in g if any(a[1] < b[2] and b[1] < a[2] for a in p))
        for _tag, s, e in (x for x in gold if x[0] == "EDU"):
            span = text[s:e]
            want = _find_degree(span.replace("大学学历", "本科").replace("大学文化", "本科"))
            got = _find_degree(text[max(0, s - 2) : e + 2])
            level_total += 1
            level_ok += int(want is not None and want == got)
    elapsed = time.perf_counter() - started
    print(f"ResumeNER {args.split}: {len(sentences)} sentences from {path} (read-only)")
    print(f"{'type':6s} {'gold':>5s} {'pred':>5s}  exact P/R/F1          overlap P/R/F1")
    for tag in TAGS:
        ep, er, ef = prf(exact[tag], pred_n[tag], gold_n[tag])
        op = overlap_p[tag] / pred_n[tag] if pred_n[tag] else 0.0
        orr = overlap_r[tag] / gold_n[tag] if gold_n[tag] else 0.0
        of = 2 * op * orr / (op + orr) if op + orr else 0.0
        print(f"{tag:6s} {gold_n[tag]:5d} {pred_n[tag]:5d}  {ep:.3f}/{er:.3f}/{ef:.3f}   {op:.3f}/{orr:.3f}/{of:.3f}")
    print(f"EDU spans whose degree level is normalised as the gold span's: {level_ok}/{level_total}")
    print(f"{len(sentences) / elapsed:.0f} sentences/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
