"""The Python rows of `cargo xtask bench`: clean the `text` field of a JSON Lines file.

    python bench.py MODE FILE

MODE is `many` (`Cleaner.clean_many` over batches of `--batch` records, 64 by default as in
the `datasets` recipe and the datatrove step, on `--jobs` threads), `one`
(`Cleaner.clean` one record at a time on this thread) or `ftfy` (`ftfy.fix_text`, one record at
a time). The file is read in chunks of at most 2,048 lines or 8 MB, as `newsclean clean --jsonl`
reads it, and parsed outside the timed section; the timed section is the cleaning and, for
newsclean, `Cleaned.for_record` (the record's text, as `--jsonl` writes it). Prints one JSON
object: records, bytes of the file, seconds and CPU seconds (user + system, all threads) of the
timed section.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from typing import Callable, Iterator, List


def chunks(path: str, max_lines: int = 2048, max_bytes: int = 8 << 20) -> Iterator[List[str]]:
    with open(path, "rb") as f:
        chunk: List[bytes] = []
        size = 0
        for line in f:
            chunk.append(line)
            size += len(line)
            if len(chunk) >= max_lines or size >= max_bytes:
                yield [json.loads(l)["text"] for l in chunk if l.strip()]
                chunk, size = [], 0
        if chunk:
            yield [json.loads(l)["text"] for l in chunk if l.strip()]


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["many", "one", "ftfy"])
    ap.add_argument("file")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--batch", type=int, default=64)
    args = ap.parse_args()

    if args.mode == "ftfy":
        import ftfy

        def run(texts: List[str]) -> int:
            return sum(len(ftfy.fix_text(t)) for t in texts)

    else:
        import newsclean

        cleaner = newsclean.Cleaner()
        if args.mode == "many":

            def run(texts: List[str]) -> int:
                n = 0
                for i in range(0, len(texts), args.batch):
                    batch = texts[i : i + args.batch]
                    results = cleaner.clean_many(batch, jobs=args.jobs)
                    n += sum(len(r.for_record(t)[0]) for r, t in zip(results, batch))
                return n

        else:

            def run(texts: List[str]) -> int:
                return sum(len(cleaner.clean(t).for_record(t)[0]) for t in texts)

    records = 0
    chars = 0
    seconds = 0.0
    cpu_seconds = 0.0
    for texts in chunks(args.file):
        records += len(texts)
        t0, c0 = time.perf_counter(), cpu()
        chars += run(texts)
        seconds += time.perf_counter() - t0
        cpu_seconds += cpu() - c0
    import os

    json.dump(
        {"records": records, "bytes": os.path.getsize(args.file), "chars_out": chars, "seconds": seconds, "cpu_seconds": cpu_seconds},
        sys.stdout,
    )
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
