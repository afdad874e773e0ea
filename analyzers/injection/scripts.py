"""Character classes of the scripts written without spaces, compiled on first use.

Each class spans tens of thousands of code points, and compiling one takes milliseconds: a change
whose text never reaches a lexicon or a non-ASCII word (most changes) does not pay for them.
"""

from __future__ import annotations

import re
from functools import cache


@cache
def spaceless() -> re.Pattern[str]:
    """Kana, CJK ideographs and Hangul syllables."""
    return re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@cache
def unspaced() -> re.Pattern[str]:
    """Kana and CJK ideographs: the scripts written without spaces (Hangul is written with them)."""
    return re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


@cache
def hangul() -> re.Pattern[str]:
    """Hangul syllables."""
    return re.compile(r"[\uac00-\ud7af]")
