"""How a PDF's extracted text is compared with the guide's words. Its own module, not
conftest, because tests/browser has a conftest too and ``import conftest`` finds whichever
loaded first."""
from __future__ import annotations

import re

# Chinese lines break between any two characters: such a break is no space in the text.
_CJK_BREAK = re.compile("(?<=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]) "
                        "(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])")


def fold(text: str) -> str:
    """Line breaks and runs of spaces as one space; a break between Chinese characters as none."""
    return _CJK_BREAK.sub("", re.sub(r"\s+", " ", text).strip())
