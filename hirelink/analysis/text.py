"""Text helpers shared by the analysers: Simplified conversion, sentence splitting with offsets,
jieba/word tokens, character n-grams, discourse markers and filler words (zh + en)."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from hirelink.analysis.types import Language

_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_END = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")
_EN_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;]*")
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\d+(?:\.\d+)?")
_PUNCT = re.compile(r"[\s，。！？、；：“”‘’（）《》,.!?;:\"'()\[\]…—-]+")

ZH_STOPWORDS = frozenset(
    [
        "的",
        "了",
        "和",
        "是",
        "我",
        "你",
        "他",
        "她",
        "它",
        "我们",
        "你们",
        "他们",
        "在",
        "也",
        "就",
        "都",
        "而",
        "及",
        "与",
        "着",
        "或",
        "一个",
        "没有",
        "这",
        "那",
        "会",
        "要",
        "对",
        "把",
        "被",
        "让",
        "给",
        "时",
        "时候",
        "如何",
        "什么",
        "怎么",
        "一下",
        "一些",
        "以及",
        "如果",
        "可以",
        "进行",
        "能够",
        "请",
        "吗",
        "呢",
        "吧",
        "啊",
        "嗯",
    ]
)
EN_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "i",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "my",
        "your",
        "our",
        "their",
        "this",
        "that",
        "these",
        "those",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "how",
        "what",
        "why",
        "when",
        "which",
        "who",
        "so",
        "then",
        "than",
        "there",
        "here",
        "about",
        "into",
        "not",
        "no",
    ]
)

# Discourse markers (逻辑标记) by role. Order markers are checked for sequence.
ZH_ORDER = ("首先", "第一", "其次", "第二", "再次", "第三", "然后", "接着", "另外", "第四", "最后")
CLAUSE_START_ONLY = frozenset({"另外", "然后", "接着", "再次", "then", "next"})
ZH_ORDER_RANK = {"首先": 1, "第一": 1, "其次": 2, "第二": 2, "再次": 3, "第三": 3, "第四": 4, "最后": 9}
ZH_CAUSAL = ("因为", "所以", "因此", "由于", "从而", "导致")
ZH_SUMMARY = ("总之", "总的来说", "综上", "总结")
ZH_EXAMPLE = ("比如", "例如", "举例", "举个例子")
ZH_CONTRAST = ("但是", "不过", "然而", "当然", "同时")
EN_ORDER = ("first", "firstly", "second", "secondly", "third", "then", "next", "finally", "lastly")
EN_ORDER_RANK = {"first": 1, "firstly": 1, "second": 2, "secondly": 2, "third": 3, "finally": 9, "lastly": 9}
EN_CAUSAL = ("because", "so", "therefore", "as a result", "since")
EN_SUMMARY = ("in summary", "overall", "to sum up", "in conclusion")
EN_EXAMPLE = ("for example", "for instance", "such as")
EN_CONTRAST = ("however", "but", "although", "on the other hand")

ZH_FILLERS = ("嗯", "啊", "呃", "额", "那个", "就是", "然后")
# "就是"/"然后" are normal words; they count as fillers only beyond a natural rate (see delivery).
ZH_SOFT_FILLERS = frozenset({"就是", "然后"})
EN_FILLERS = ("um", "uh", "erm", "like", "you know")
EN_SOFT_FILLERS = frozenset({"like"})


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # character offset in the source text


def is_chinese(text: str) -> bool:
    cjk = len(_CJK.findall(text))
    return cjk >= max(1, len(text.strip()) // 5)


@functools.cache
def _opencc() -> object:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified Chinese (OpenCC t2s tables; no-op for other text)."""
    if not _CJK.search(text):
        return text
    return str(_opencc().convert(text))  # type: ignore[attr-defined]


def split_sentences(text: str, language: Language) -> list[Sentence]:
    """Split into sentences, keeping their offsets so evidence can be quoted and highlighted.
    Long Chinese sentences are further split at commas (clauses) so evidence stays specific."""
    pattern = _SENTENCE_END if language == "zh" else _EN_SENTENCE
    out: list[Sentence] = []
    for match in pattern.finditer(text):
        raw = match.group(0)
        stripped = raw.strip()
        if not _PUNCT.sub("", stripped):
            continue
        offset = match.start() + (len(raw) - len(raw.lstrip()))
        if language == "zh" and len(stripped) > 60:
            out.extend(_split_clauses(stripped, offset))
            continue
        out.append(Sentence(stripped, offset))
    return out


def _split_clauses(sentence: str, offset: int) -> list[Sentence]:
    """Split a long Chinese sentence at commas into clauses of at least ~12 characters."""
    pieces: list[Sentence] = []
    current_start: int | None = None
    current = ""
    for clause in re.finditer(r"[^，,]+(?:[，,]|$)", sentence):
        if current_start is None:
            current_start = clause.start()
        current += clause.group(0)
        if len(_PUNCT.sub("", current)) >= 12:
            pieces.append(Sentence(current, offset + current_start))
            current, current_start = "", None
    if current and _PUNCT.sub("", current):
        if pieces and len(_PUNCT.sub("", current)) < 6:
            last = pieces.pop()
            pieces.append(Sentence(last.text + current, last.start))
        else:
            pieces.append(Sentence(current, offset + (current_start or 0)))
    return pieces


@functools.cache
def _jieba() -> object:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def tokens(text: str, language: Language) -> list[str]:
    """Content tokens: jieba words (zh) or lower-cased words (en), stop words removed."""
    if language == "zh":
        words = [w.strip() for w in _jieba().lcut(text)]  # type: ignore[attr-defined]
        return [w for w in words if w and not _PUNCT.fullmatch(w) and w not in ZH_STOPWORDS]
    return [w.lower() for w in _WORD.findall(text) if w.lower() not in EN_STOPWORDS]


def char_ngrams(text: str, n: int = 2) -> set[str]:
    compact = _PUNCT.sub("", text)
    return {compact[i : i + n] for i in range(max(0, len(compact) - n + 1))}


@functools.lru_cache(maxsize=8192)
def _char_pinyin(char: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return str(lazy_pinyin(char, style=Style.NORMAL)[0]) if _CJK.match(char) else char


def pinyin_bigrams(text: str) -> set[tuple[str, str]]:
    """Toneless-pinyin bigrams: ASR homophone errors (权限→全线, 倾听→清听) still match."""
    syllables = [_char_pinyin(ch) for ch in _PUNCT.sub("", text)]
    return {(syllables[i], syllables[i + 1]) for i in range(max(0, len(syllables) - 1))}


def lexical_recall(target: str, candidate: str, language: Language) -> float:
    """Share of ``target``'s content units (zh: char bigrams of content words; en: stems) in
    ``candidate``; 0..1. Quotable: a high value means the words are literally there. For Chinese, a
    unit found only as the same sounds (a likely ASR homophone) counts 0.8."""
    if language == "zh":
        target_units = set()
        for word in tokens(target, language):
            target_units |= char_ngrams(word, 2) if len(word) > 1 else {word}
        if not target_units:
            return 0.0
        compact = _PUNCT.sub("", candidate)
        sounds = pinyin_bigrams(compact)
        hits = 0.0
        for unit in target_units:
            if unit in compact:
                hits += 1.0
            elif len(unit) == 2 and (_char_pinyin(unit[0]), _char_pinyin(unit[1])) in sounds:
                hits += 0.8
        return hits / len(target_units)
    target_stems = {w[:5] for w in tokens(target, language)}
    if not target_stems:
        return 0.0
    candidate_stems = {w[:5] for w in tokens(candidate, language)}
    return len(target_stems & candidate_stems) / len(target_stems)


def length_units(text: str, language: Language) -> int:
    """Characters (CJK, without punctuation) for zh; words for en."""
    if language == "zh":
        return len(_PUNCT.sub("", text))
    return len(_WORD.findall(text))


def find_markers(text: str, language: Language) -> list[tuple[int, str, str]]:
    """(offset, marker, role) for each discourse marker, in order of appearance."""
    groups: tuple[tuple[tuple[str, ...], str], ...] = (
        (ZH_ORDER, "order"),
        (ZH_CAUSAL, "causal"),
        (ZH_SUMMARY, "summary"),
        (ZH_EXAMPLE, "example"),
        (ZH_CONTRAST, "contrast"),
    )
    if language == "en":
        groups = (
            (EN_ORDER, "order"),
            (EN_CAUSAL, "causal"),
            (EN_SUMMARY, "summary"),
            (EN_EXAMPLE, "example"),
            (EN_CONTRAST, "contrast"),
        )
    found: list[tuple[int, str, str]] = []
    lowered = text.lower()
    for words, role in groups:
        for word in words:
            pattern = re.escape(word) if language == "zh" else r"\b" + re.escape(word) + r"\b"
            for m in re.finditer(pattern, lowered):
                # a sequence marker opens a clause; mid-clause 另外/然后 ("另外两位同事") is an ordinary word
                opens_clause = m.start() == 0 or bool(_PUNCT.fullmatch(lowered[m.start() - 1]))
                if word in CLAUSE_START_ONLY and not opens_clause:
                    continue
                found.append((m.start(), word, role))
    found.sort()
    # drop markers contained in a longer one at the same place (e.g. 总之 inside 总的来说 is not)
    return found


def count_fillers(text: str, language: Language) -> dict[str, int]:
    counts: dict[str, int] = {}
    lowered = text.lower()
    for filler in ZH_FILLERS if language == "zh" else EN_FILLERS:
        if language == "zh":
            n = len(re.findall(re.escape(filler), lowered))
        else:
            n = len(re.findall(r"\b" + re.escape(filler) + r"\b", lowered))
        if n:
            counts[filler] = n
    return counts
