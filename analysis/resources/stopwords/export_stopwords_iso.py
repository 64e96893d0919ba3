"""Write the stopwords-iso Chinese list (from the ``stopwordsiso`` package) to stopwords-iso-zh.txt.

Run from the project root:  .venv/bin/python analysis/resources/stopwords/export_stopwords_iso.py
The output is a plain, editable file (one word a line, sorted); see README.md in this folder.
"""

from __future__ import annotations

from pathlib import Path

import stopwordsiso

OUT = Path(__file__).resolve().parent / "stopwords-iso-zh.txt"


def export(path: Path = OUT) -> int:
    """Write the list to ``path``; return the number of words written."""
    words = sorted(w.strip() for w in stopwordsiso.stopwords("zh") if w.strip())
    header = (
        f"# stopwords-iso, language zh, exported from the stopwordsiso package {stopwordsiso.__version__}\n"
        "# (https://github.com/stopwords-iso/stopwords-zh, MIT licence) by export_stopwords_iso.py.\n"
        "# One word a line. Editable: delete a word here to keep it; add domain words to domain.txt.\n"
    )
    path.write_text(header + "\n".join(words) + "\n", encoding="utf-8", newline="\n")
    return len(words)


if __name__ == "__main__":
    print(f"wrote {export()} words to {OUT}")
