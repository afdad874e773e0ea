"""Run every pattern over its adversarial texts, reporting after each: `index seconds` on a line.

Started by `tests/hostile/test_patterns.py` in a process of its own (a backtracking match cannot be
interrupted): `python -m tests.hostile.pattern_probe LENGTH FIRST`.
"""

from __future__ import annotations

import re
import sys
import time

from tests.hostile.patterns import TRUSTED, adversarial_texts, all_patterns


def main() -> int:
    length, first = int(sys.argv[1]), int(sys.argv[2])
    found = all_patterns()
    print(len(found), flush=True)
    for index in range(first, len(found)):
        item = found[index]
        if item.where in TRUSTED:  # never sees pull-request text
            print(index, 0.0, flush=True)
            continue
        compiled = re.compile(item.pattern, item.flags)
        texts = adversarial_texts(item.pattern, item.flags, length)
        started = time.perf_counter()
        for text in texts:  # a search that fails tries every position: it covers `match` too
            compiled.search(text)
        print(index, round(time.perf_counter() - started, 4), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
