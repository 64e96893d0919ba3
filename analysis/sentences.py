"""Chinese sentence splitting that keeps closing quotes and brackets with their sentence.

A sentence ends at 。！？!? or an ellipsis (…… / ...), together with any closing quotes or
brackets that follow (。” ！” ？」 …). A newline (paragraph break) also ends a sentence.
Spans are half-open character offsets into the text, so ``text[start:end]`` is the sentence.
"""

from __future__ import annotations

import re

import pandas as pd

_CLOSERS = "”’」』）)》〉】\"'"
_SENTENCE_END = re.compile(rf"(?:[。！？!?]+|…+|\.\.\.+)[{re.escape(_CLOSERS)}]*|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of ``text``, whitespace trimmed, none empty."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() if match.group().startswith("\n") else match.end()
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: article_id, sentence_id, start, end, sentence (offsets into body)."""
    rows = []
    for article_id, body in zip(articles["article_id"], articles["body"], strict=True):
        for i, (s, e) in enumerate(split_sentences(body)):
            rows.append((article_id, i, s, e, body[s:e]))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "sentence"])
