"""Build the second frozen held-out split once: `python -m bench.injection.frozen2.build`.

Writes `attacks.jsonl` (technique, language, text; smuggled texts also name their encoding), with
the encodings of the first frozen split (`bench.injection.frozen.build.encode`). Its hash is
recorded in README.md; `bench.injection_eval --frozen2` refuses to run when it differs.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.injection.frozen.build import encode
from bench.injection.frozen2.texts import SMUGGLED, TEXTS

FOLDER = Path(__file__).parent


def main() -> None:
    with (FOLDER / "attacks.jsonl").open("w", encoding="utf-8") as handle:
        for technique, language, text in TEXTS:
            row = {"technique": technique, "language": language, "text": text}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        for language, plain, how in SMUGGLED:
            row = {
                "technique": "smuggling",
                "language": language,
                "encoding": how,
                "text": encode(plain, how),
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
