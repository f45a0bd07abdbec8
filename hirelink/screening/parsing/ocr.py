"""Optional offline OCR for scanned PDFs and image résumés: RapidOCR (PP-OCR models on ONNX Runtime).

``rapidocr-onnxruntime`` (Apache-2.0) ships its detection/recognition models inside the wheel, so nothing is
downloaded at run time. The engine is loaded once per process on first use. When the package is not installed,
``available()`` is False and callers reject scans with a clear message instead.
"""

from __future__ import annotations

import importlib.util
import threading
from functools import cache
from typing import Any

_lock = threading.Lock()


@cache
def available() -> bool:
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


@cache
def _engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def recognise(image: Any) -> str:
    """Text of a PIL image, top-to-bottom, one detected line per output line."""
    import numpy as np

    array = np.asarray(image.convert("RGB"))
    with _lock:  # the ONNX sessions are not shared across threads here
        result, _elapsed = _engine()(array)
    if not result:
        return ""
    boxes = sorted(result, key=lambda r: (round(min(p[1] for p in r[0]) / 10), min(p[0] for p in r[0])))
    lines: list[str] = []
    last_top: float | None = None
    for box, text, _score in boxes:
        top = min(p[1] for p in box)
        if last_top is not None and abs(top - last_top) < 10 and lines:
            lines[-1] += "   " + text
        else:
            lines.append(text)
        last_top = top
    return "\n".join(lines)
