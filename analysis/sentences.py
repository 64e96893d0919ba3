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
    for s, e in map(_MATCH_SPAN, _SENTENCE_END.finditer(text)):
        end = s if text[s] == "\n" else e
        if start < end and not text[start].isspace() and not text[end - 1].isspace():
            spans.append((start, end))  # nothing to trim (most sentences)
        else:
            _append_trimmed(spans, text, start, end)
        start = e
    _append_trimmed(spans, text, start, len(text))
    return spans


_MATCH_SPAN = re.Match.span


def _append_trimmed(spans: list[tuple[int, int]], text: str, s: int, e: int) -> None:
    # str.strip trims exactly the characters str.isspace calls whitespace
    piece = text[s:e]
    left = len(piece) - len(piece.lstrip())
    right = len(piece.rstrip())
    if right > left:
        spans.append((s + left, s + right))


def sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: article_id, sentence_id, start, end, sentence (offsets into body)."""
    rows = []
    for article_id, body in zip(articles["article_id"], articles["body"], strict=True):
        for i, (s, e) in enumerate(split_sentences(body)):
            rows.append((article_id, i, s, e, body[s:e]))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "sentence"])
