"""ASR speed and accuracy on the committed Mandarin speech fixtures (tests/fixtures/speech).

    .venv/bin/python benchmarks/asr_speed.py [--baseline]

Prints per clip: duration, transcription time, real-time factor (RTF = time / audio duration; target
≤ 0.25 on the 2-core machine) and CER against the manifest's source text; then the totals. The model
load is timed separately (once per process). With --baseline, also runs greedy decoding without word
timestamps in the same process and prints the speed ratio of the default configuration to it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hirelink.analysis.asr import AsrConfig, get_model, transcribe  # noqa: E402
from hirelink.analysis.audio import decode_audio  # noqa: E402
from hirelink.analysis.metrics import cer  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "speech"


def run(config: AsrConfig, label: str) -> tuple[float, float]:
    manifest = json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    get_model(config)
    print(f"[{label}] model load {time.perf_counter() - started:.2f} s")
    total_audio = total_time = 0.0
    errors = []
    for clip in manifest["clips"]:
        decode_started = time.perf_counter()
        samples = decode_audio(FIXTURES / clip["file"])
        decode_time = time.perf_counter() - decode_started
        started = time.perf_counter()
        transcript = transcribe(samples, language="zh", config=config)
        elapsed = time.perf_counter() - started + decode_time
        duration = len(samples) / 16000
        error = cer(clip["text"], transcript.text)
        errors.append(error)
        total_audio += duration
        total_time += elapsed
        print(
            f"  {clip['id']:<26} {duration:5.1f} s audio  {elapsed:5.2f} s  RTF {elapsed / duration:.3f}  "
            f"CER {100 * error:4.1f} %"
        )
    rtf = total_time / total_audio
    print(
        f"[{label}] total {total_audio:.1f} s audio in {total_time:.1f} s: RTF {rtf:.3f}; "
        f"mean CER {100 * sum(errors) / len(errors):.1f} % (max {100 * max(errors):.1f} %)"
    )
    return rtf, sum(errors) / len(errors)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", action="store_true")
    args = parser.parse_args()
    default = AsrConfig.from_env()
    print(f"config: {default}")
    rtf, _ = run(default, "default")
    if args.baseline:
        base_rtf, _ = run(AsrConfig(beam_size=1, word_timestamps=False), "greedy, no word timestamps")
        print(f"ratio default/baseline RTF: {rtf / base_rtf:.2f}")


if __name__ == "__main__":
    main()
