"""Word segmentation: a scikit-learn style ``Tokenizer`` over its own jieba instance, and ``tokens()``.

``Tokenizer`` owns a private ``jieba.Tokenizer`` (or an ``rjieba.Jieba`` with ``engine="rjieba"``),
built lazily on first use. It never reads or changes jieba's global ``jieba.dt``, so tokenizers with
different dictionaries live side by side in one process. jieba's dictionary cache is written to
``analysis._paths.cache_dir()`` (the project's ``.cache/``), never to /tmp. A Tokenizer pickles
without its jieba instance and rebuilds it on first use, so it can be shipped to worker processes
and used as the ``tokenizer=`` of a ``TfidfVectorizer``.

Dictionaries. jieba's general dictionary, then every ``*.txt`` in ``analysis/resources/dict/``
(``domain_dicts=True``), then the analyst's own files (``user_dicts=[...]``, or the
``ANALYSIS_USER_DICTS`` environment variable, paths separated by ``os.pathsep``, for
``default_tokenizer()``). Dictionary lines are ``word frequency tag``, separated by single spaces,
UTF-8 without BOM, LF line ends; ``#`` starts a comment. Files are validated before use: a BOM,
CRLF, non-UTF-8 bytes, a missing frequency or an unknown POS tag raise ``DictionaryError`` naming the
file and line (jieba itself would silently mis-read such lines).

Organisations. After cutting, a merge pass joins names of the forms ``…有限公司``,
``…有限责任公司``, ``…学院`` (the name part is extended left over name-like tokens, stopping at
punctuation, stopwords and function words; a bracketed place such as ``（平湖）`` is kept) and
``市…局`` / ``县…局`` (``市市场监管局``, ``平湖市公安局``) into one token tagged ``nt``.

POS tags (the fast path). jieba's ``posseg`` runs a second, slower HMM over every sentence to get
tags. Here the text is cut with jieba's plain accurate mode (the same words as ``jieba.lcut``) and
each word takes its tag from the dictionary's tag table (jieba's dict.txt and the user dictionaries
carry a tag for every word). Words absent from the table are tagged by rule: whitespace and
punctuation ``x``, numbers ``m``, Latin ``eng``; Chinese out-of-vocabulary words (found by the
segmentation HMM) get the tag that jieba's POS HMM scores best for the word as a whole (its BMES
model constrained to one word), cached per word. Differences from ``jieba.posseg.lcut``: (1)
segmentation follows ``jieba.lcut``, while posseg's HMM sometimes segments unknown runs
differently and splits ``100%`` and ``2006-07``; (2) an out-of-vocabulary word gets the tag of its
best single-word path, where posseg tags the pieces of its own segmentation.
``bench/bench_tokens_speed.py`` measures the agreement with posseg (about 97 % of spans and 98 % of
tags on news) and the speed of both.

Speed. ``_JiebaCut`` computes jieba's DAG and best route in one backward pass (identical words,
checked by the tests against ``jieba.Tokenizer.lcut`` with and without HMM) and remembers the HMM
cut of unknown runs, which is what lets ``tokens()`` with tags and offsets run at about the speed of
plain ``jieba.lcut``. jieba's main dictionary (prefix dict and tag table) is loaded once per process
from one marshal file in ``cache_dir()``; each tokenizer copies it before adding its own entries.

Engines. ``engine="rjieba"`` cuts with jieba-rs (same dict.txt, same user entries). Without HMM it
gives the same words as ``engine="jieba"``; with HMM, jieba-rs's HMM joins digits and hyphens
differently (``2006-07``), measured in the speed benchmark. POS tags come from the same tag table
for both engines.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import logging
import marshal
import os
import pickle
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import accumulate, islice
from math import log
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from analysis._paths import RESOURCES_DIR, cache_dir
from analysis.sentences import split_sentences

DICT_DIR = RESOURCES_DIR / "dict"
STOPWORDS_DIR = RESOURCES_DIR / "stopwords"
DEFAULT_STOPWORD_FILES = (
    STOPWORDS_DIR / "stopwords-iso-zh.txt",
    STOPWORDS_DIR / "domain.txt",
)
USER_DICTS_ENV = "ANALYSIS_USER_DICTS"
# Bump when the cutting, tagging or merge rules here change, so caches of token tables rebuild.
RULES_VERSION = "1"

TOKEN_COLUMNS = [
    "article_id",
    "sentence_id",
    "position",
    "token",
    "pos",
    "start",
    "end",
    "is_stop",
    "is_punct",
]

# Tags of jieba's dict.txt (ICTCLAS / PKU set) plus the few PKU tags it happens not to use.
POS_TAGS = frozenset(
    """a ad ag an b c d df dg e eng f g h i j k l m mg mq n ng nr nrfg nrt ns nt nz o p q r rg rr rz
    s t tg u ud ug uj ul uv uz v vd vg vi vn vq w x y z zg nl nr1 nr2 nrj nrf nsf""".split()
)

# Organisation suffixes that end a name built from the tokens before them.
_ORG_SUFFIXES = ("有限责任公司", "有限公司", "学院")
# Dictionary words with these tags end an organisation name when met leftwards (函数词, 动词, 数量).
_NAME_BREAK_TAGS = frozenset(
    "c d df dg e m mg mq o p q r rg rr rz u ud ug uj ul uv uz v vd vg vi vq y f t tg".split()
)
_OPEN_BRACKETS = {"）": "（", ")": "("}  # closing bracket -> its opener
_CLOSE_BRACKETS = {v: k for k, v in _OPEN_BRACKETS.items()}
_MAX_NAME_TOKENS = 8
_MAX_NAME_CHARS = 30

_NUMBER = re.compile(r"[0-9０-９.．,，%％‰]*[0-9０-９][0-9０-９.．,，%％‰]*")
_LATIN = re.compile(
    r"[A-Za-zＡ-Ｚａ-ｚ0-9０-９._+#&\-]*[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ0-9０-９._+#&\-]*"
)
_SPACE = re.compile(r"\s")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_MIN_LOGP = -3.14e100  # jieba's floor for impossible HMM states

_jieba_log = logging.getLogger("jieba")


class DictionaryError(ValueError):
    """A user or domain dictionary file that jieba would mis-read; the message names file and line."""


@dataclass(frozen=True)
class DictEntry:
    word: str
    freq: int
    tag: str
    path: str
    line: int


# --------------------------------------------------------------------------- dictionary files


def read_dictionary(path: str | Path) -> list[DictEntry]:
    """Read and validate one dictionary file (``word frequency tag`` a line).

    Raises ``DictionaryError`` with ``file:line: problem`` for a BOM, CRLF line ends, bytes that
    are not UTF-8, a missing frequency or tag, a frequency that is not a positive integer, an
    unknown POS tag, extra fields or a repeated word. Blank lines and ``#`` comments are skipped.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read dictionary file ({exc.strerror})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DictionaryError(f"{path}:1: file is UTF-16; save it as UTF-8 (without BOM)")
    if data.startswith(b"\xef\xbb\xbf"):
        raise DictionaryError(
            f"{path}:1: file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"
        )
    entries: list[DictEntry] = []
    seen: dict[str, int] = {}
    for lineno, raw in enumerate(data.split(b"\n"), 1):
        if raw.endswith(b"\r"):
            raise DictionaryError(
                f"{path}:{lineno}: Windows line ending (CRLF); save the file with LF line endings"
            )
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DictionaryError(
                f"{path}:{lineno}: not UTF-8 (byte 0x{raw[exc.start]:02x} at byte {exc.start}); "
                "save the file as UTF-8"
            ) from None
        text = line.strip(" \t")
        if not text or text.startswith("#"):
            continue
        where = f"{path}:{lineno}"
        if "\t" in text:
            raise DictionaryError(f"{where}: tab in {text!r}; separate fields with single spaces")
        if "\u3000" in text:
            raise DictionaryError(f"{where}: full-width space in {text!r}; use ASCII spaces")
        fields = text.split(" ")
        if "" in fields:
            raise DictionaryError(f"{where}: double space in {text!r}; use single spaces")
        word = fields[0]
        if len(fields) == 1:
            raise DictionaryError(f"{where}: missing frequency and POS tag after {word!r}")
        if len(fields) == 2:
            what = "POS tag" if fields[1].isdigit() else "frequency"
            raise DictionaryError(
                f"{where}: missing {what} in {text!r} (expected: word frequency tag)"
            )
        if len(fields) > 3:
            raise DictionaryError(
                f"{where}: too many fields in {text!r} (expected: word frequency tag; "
                "a word cannot contain spaces)"
            )
        freq_text, tag = fields[1], fields[2]
        if not freq_text.isascii() or not freq_text.isdigit() or int(freq_text) < 1:
            raise DictionaryError(
                f"{where}: frequency {freq_text!r} of {word!r} is not a positive integer"
            )
        if tag not in POS_TAGS:
            raise DictionaryError(
                f"{where}: unknown POS tag {tag!r} for {word!r} "
                f"(use a jieba/ICTCLAS tag such as n, nr, ns, nt, nz, v, vn, l)"
            )
        if word in seen:
            raise DictionaryError(f"{where}: {word!r} repeats line {seen[word]}")
        seen[word] = lineno
        entries.append(DictEntry(word, int(freq_text), tag, str(path), lineno))
    return entries


def domain_dictionary_files() -> list[Path]:
    """The domain dictionaries shipped in ``analysis/resources/dict/``, in name order."""
    return sorted(DICT_DIR.glob("*.txt"))


def read_word_list(path: str | Path) -> list[str]:
    """Read a stopword file: one word a line, UTF-8, ``#`` comments and blank lines skipped."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"{path}: cannot read word list ({exc.strerror})") from None
    words = []
    for lineno, raw in enumerate(data.split(b"\n"), 1):
        try:
            line = raw.decode("utf-8").lstrip("\ufeff").strip()
        except UnicodeDecodeError:
            raise ValueError(f"{path}:{lineno}: not UTF-8; save the file as UTF-8") from None
        if line and not line.startswith("#"):
            words.append(line)
    return words


# --------------------------------------------------------------------------- tag tables


def _jieba_dict_path() -> Path:
    import jieba

    return Path(jieba.__file__).resolve().parent / "dict.txt"


def _cache_key(*parts: object) -> str:
    return hashlib.md5("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _load_marshal(path: Path) -> Any:
    try:
        data = path.read_bytes()  # one read: marshal.load on a file object is ~4x slower
        return marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _dump_marshal(path: Path, value: Any) -> None:
    """Write then rename, so a concurrent reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(value, fh)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


@functools.lru_cache(maxsize=1)
def _main_dictionary() -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's main dictionary: prefix dict (FREQ), total and word -> POS tag table.

    Loaded once per process from one marshal file in ``cache_dir()``, where the tag table shares
    its key strings with FREQ (about a third faster to load than jieba's cache plus a separate
    tag table).
    Built on first use by a private ``jieba.Tokenizer`` (its own jieba.cache also goes to
    ``cache_dir()``). Read-only: each tokenizer works on a copy of FREQ.
    """
    import jieba

    dict_path = _jieba_dict_path()
    stat = dict_path.stat()
    key = _cache_key(dict_path, stat.st_size, stat.st_mtime_ns, jieba.__version__, 1)
    cache_file = cache_dir() / f"jieba-main.{key}.marshal"
    loaded = _load_marshal(cache_file)
    if isinstance(loaded, tuple) and len(loaded) == 3:
        return loaded
    jt = jieba.Tokenizer()
    jt.tmp_dir = str(cache_dir())
    with _quiet_jieba():
        jt.initialize()
    freq, total = jt.FREQ, jt.total
    canonical = {w: w for w in freq}  # reuse FREQ's key objects so marshal stores them once
    tags: dict[str, str] = {}
    with open(dict_path, "rb") as fh:
        for line in fh:
            parts = line.decode("utf-8").split()
            if len(parts) >= 3:
                tags[canonical.get(parts[0], parts[0])] = parts[2]
    _dump_marshal(cache_file, (freq, total, tags))
    return freq, total, tags


@functools.lru_cache(maxsize=1)
def _posseg_model() -> tuple[dict, dict, dict, dict]:
    """jieba's POS HMM: start, transition, emission log-probabilities and the char -> states table.

    Read from its package pickles (re-stored as marshal in ``cache_dir()``, three times faster to
    load) instead of importing ``jieba.posseg``, whose import builds a second tag table for the
    global ``jieba.dt`` (about 0.3 s and 50 MB).
    """
    import jieba

    folder = Path(jieba.__file__).resolve().parent / "posseg"
    names = ("prob_start.p", "prob_trans.p", "prob_emit.p", "char_state_tab.p")
    stats = [(folder / n).stat() for n in names]
    key = _cache_key(folder, *((st.st_size, st.st_mtime_ns) for st in stats))
    cache_file = cache_dir() / f"jieba-posseg.{key}.marshal"
    loaded = _load_marshal(cache_file)
    if isinstance(loaded, tuple) and len(loaded) == 4:
        return loaded
    tables = []
    for name in names:
        with open(folder / name, "rb") as fh:
            tables.append(pickle.load(fh))  # jieba's own package data
    model = (tables[0], tables[1], tables[2], tables[3])
    _dump_marshal(cache_file, model)
    return model


def _word_path_score(word: str, tag: str, start: dict, trans: dict, emit: dict) -> float:
    """Log-probability of ``word`` as one word with ``tag`` (states B M… E, or S)."""
    if len(word) == 1:
        state = ("S", tag)
        return start.get(state, _MIN_LOGP) + emit.get(state, {}).get(word, _MIN_LOGP)
    b, m, e = ("B", tag), ("M", tag), ("E", tag)
    score = start.get(b, _MIN_LOGP) + emit.get(b, {}).get(word[0], _MIN_LOGP)
    prev = b
    for ch in word[1:-1]:
        score += trans.get(prev, {}).get(m, _MIN_LOGP) + emit.get(m, {}).get(ch, _MIN_LOGP)
        prev = m
    return score + trans.get(prev, {}).get(e, _MIN_LOGP) + emit.get(e, {}).get(word[-1], _MIN_LOGP)


@functools.lru_cache(maxsize=200_000)
def hmm_word_tag(word: str) -> str:
    """The POS tag jieba's POS HMM scores best for ``word`` read as one word (BMES, one tag)."""
    start, trans, emit, char_states = _posseg_model()
    # Only tags whose B / M / E (or S) states each character can take; all tags if none fits.
    if len(word) == 1:
        candidates = {t for (bmes, t) in char_states.get(word, ()) if bmes == "S"}
    else:
        candidates = {t for (bmes, t) in char_states.get(word[0], ()) if bmes == "B"}
        candidates &= {t for (bmes, t) in char_states.get(word[-1], ()) if bmes == "E"}
        for ch in word[1:-1]:
            candidates &= {t for (bmes, t) in char_states.get(ch, ()) if bmes == "M"}
    if not candidates:
        candidates = {t for (_, t) in start}
    return max(sorted(candidates), key=lambda t: _word_path_score(word, t, start, trans, emit))


@functools.lru_cache(maxsize=100_000)
def is_punct(word: str) -> bool:
    """True when every character of ``word`` is punctuation or a symbol (。，“”《》■% …)."""
    return bool(word) and all(unicodedata.category(ch)[0] in "PS" for ch in word)


def rule_tag(word: str) -> str:
    """Tag of a word absent from the dictionaries: x / m / eng by form, else the POS HMM's tag."""
    if word.isspace() or is_punct(word):
        return "x"
    if _NUMBER.fullmatch(word):
        return "m"
    if _LATIN.fullmatch(word):
        return "eng"
    if _CJK.search(word):
        return hmm_word_tag(word)
    return "x"


@contextmanager
def _quiet_jieba():
    """Silence jieba's 'Building prefix dict' messages while our own instance loads."""
    level = _jieba_log.level
    _jieba_log.setLevel(logging.WARNING)
    try:
        yield
    finally:
        _jieba_log.setLevel(level)


# --------------------------------------------------------------------------- the Tokenizer


_HMM_MEMO_SIZE = 200_000
_OOV_CACHE_SIZE = 500_000


_ABSENT = object()  # not in the prefix dict


class _JiebaCut:
    """jieba's accurate-mode ``lcut`` over a private ``jieba.Tokenizer``, about 1.8x faster.

    Same words as ``jieba.Tokenizer.lcut`` (tests check equality, with and without HMM): the DAG
    and the best route are computed in one backward pass instead of a dict of lists and a
    generator per character. Unknown runs still go through jieba's own ``finalseg`` HMM.
    """

    def __init__(self, jt: Any, hmm: bool):
        import jieba
        from jieba import finalseg

        self.jt = jt
        self.hmm = hmm
        self._re_han = jieba.re_han_default
        self._re_skip = jieba.re_skip_default
        self._re_eng = jieba.re_eng
        self._hmm_cut = finalseg.cut
        # Unknown runs recur (names, places): remember their HMM cut; the result is identical.
        self._hmm_memo: dict[str, list[str]] = {}
        self._log_prob: dict[str, float | None] = {}
        self._log_prob_of: tuple[int, int] | None = None

    def _log_probs(self) -> dict[str, float | None]:
        """Per prefix-dict entry: ``log(freq) - log(total)`` as jieba computes it, or None for a
        prefix that is no word. Built once (rebuilt if the dictionary changed), instead of a
        ``log`` per candidate word."""
        freq, total = self.jt.FREQ, self.jt.total
        if self._log_prob_of != (len(freq), total):
            logtotal = log(total)
            self._log_prob = {w: (log(f) - logtotal if f else None) for w, f in freq.items()}
            self._log_prob_of = (len(freq), total)
        return self._log_prob

    def _route(self, s: str) -> list[int]:
        """End index of the best word starting at each character (jieba's ``calc``)."""
        log_prob = self._log_probs()
        get = log_prob.get
        unknown = log(1) - log(self.jt.total)  # jieba's score of a character not in the dict
        n = len(s)
        score = [0.0] * (n + 1)
        nxt = [0] * n
        for k in range(n - 1, -1, -1):
            best = None
            end = k
            i = k
            p = get(s[k], _ABSENT)
            while p is not _ABSENT:  # frag = s[k : i + 1] is in the prefix dict
                if p is not None:
                    sc = p + score[i + 1]
                    if best is None or sc >= best:  # ties go to the longer word, as in jieba
                        best = sc
                        end = i
                i += 1
                if i >= n:
                    break
                p = get(s[k : i + 1], _ABSENT)
            if best is None:
                best = unknown + score[k + 1]
                end = k
            score[k] = best
            nxt[k] = end + 1
        return nxt

    def _block_hmm(self, s: str, out: list[str]) -> None:
        nxt = self._route(s)
        freq = self.jt.FREQ
        x, n, buf = 0, len(s), ""
        while x < n:
            y = nxt[x]
            if y - x == 1:
                buf += s[x]
            else:
                if buf:
                    self._flush(buf, freq, out)
                    buf = ""
                out.append(s[x:y])
            x = y
        if buf:
            self._flush(buf, freq, out)

    def _flush(self, buf: str, freq: dict, out: list[str]) -> None:
        # A run of single characters: one char stays; an unknown run goes to the HMM.
        if len(buf) == 1:
            out.append(buf)
        elif not freq.get(buf):
            pieces = self._hmm_memo.get(buf)
            if pieces is None:
                if len(self._hmm_memo) >= _HMM_MEMO_SIZE:
                    self._hmm_memo.clear()
                pieces = self._hmm_memo[buf] = list(self._hmm_cut(buf))
            out.extend(pieces)
        else:
            out.extend(buf)

    def _block_no_hmm(self, s: str, out: list[str]) -> None:
        nxt = self._route(s)
        match = self._re_eng.match
        x, n, buf = 0, len(s), ""
        while x < n:
            y = nxt[x]
            w = s[x:y]
            if y - x == 1 and match(w):  # runs of single Latin letters / digits stay together
                buf += w
            else:
                if buf:
                    out.append(buf)
                    buf = ""
                out.append(w)
            x = y
        if buf:
            out.append(buf)

    def __call__(self, text: str) -> list[str]:
        out: list[str] = []
        block = self._block_hmm if self.hmm else self._block_no_hmm
        han_match, skip = self._re_han.match, self._re_skip
        for blk in self._re_han.split(text):
            if not blk:
                continue
            if han_match(blk):
                block(blk, out)
            else:
                for x in skip.split(blk):
                    if skip.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out


class _OovTags(dict):
    """Tags of words absent from the dictionaries, computed once per word by ``rule_tag``."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _OOV_CACHE_SIZE:  # bound memory on very large corpora
            self.clear()
        tag = self[word] = rule_tag(word)
        return tag


class _Built:
    """Everything a Tokenizer builds lazily; dropped on pickling."""

    def __init__(self, est: Tokenizer):
        if est.engine not in ("jieba", "rjieba"):
            raise ValueError(f"engine must be 'jieba' or 'rjieba', not {est.engine!r}")
        entries: list[DictEntry] = []
        files = [*(domain_dictionary_files() if est.domain_dicts else []), *_paths(est.user_dicts)]
        for path in files:
            entries.extend(read_dictionary(path))
        self.dict_files = [str(p) for p in files]
        main_freq, main_total, self.main_tags = _main_dictionary()
        self.user_tags = {e.word: e.tag for e in entries}
        self.hmm = bool(est.hmm)
        if est.engine == "jieba":
            import jieba

            jt = jieba.Tokenizer()
            jt.tmp_dir = str(cache_dir())  # jieba.cache for the main dictionary, never /tmp
            # A private copy of the process-wide main dictionary: what jt.initialize() would
            # load, for a dict copy instead of a cache read per tokenizer.
            jt.FREQ, jt.total, jt.initialized = dict(main_freq), main_total, True
            for e in entries:
                jt.add_word(e.word, e.freq, e.tag)
            self.engine = jt
            self.lcut = _JiebaCut(jt, self.hmm)
            self._freq = jt.FREQ
        else:
            try:
                import rjieba
            except ImportError as exc:  # the 'fast' extra is optional
                raise ImportError(
                    "engine='rjieba' needs the rjieba package: pip install 'analysis[fast]'"
                ) from exc
            rj = rjieba.Jieba()  # jieba-rs embeds the same dict.txt as jieba
            for e in entries:
                rj.add_word(e.word, e.freq, e.tag)
            self.engine = rj
            self.lcut = functools.partial(rj.cut, hmm=self.hmm)
            self._freq = None
        self.stopwords = frozenset(_load_stopwords(est.stopwords))
        self.merge_orgs = bool(est.merge_orgs)
        self.oov_tags = _OovTags()

    def has_word(self, word: str) -> bool:
        if self._freq is not None:
            return bool(self._freq.get(word))
        return bool(self.engine.has_word(word))

    def cut_tags(self, text: str) -> tuple[list[str], list[str]]:
        """Words of ``text`` (concatenating to ``text``) and their POS tags, as two lists."""
        words = self.lcut(text)
        main, user, oov = self.main_tags, self.user_tags, self.oov_tags
        # User entries win; the main table is shared read-only between tokenizers (not copied).
        if user:
            pos = [user.get(w) or main.get(w) or oov[w] for w in words]
        else:
            pos = [main.get(w) or oov[w] for w in words]
        if self._may_merge(text):
            pairs = _merge_organisations(list(zip(words, pos, strict=True)), self)
            words = [w for w, _ in pairs]
            pos = [t for _, t in pairs]
        return words, pos

    def _may_merge(self, text: str) -> bool:
        return self.merge_orgs and ("公司" in text or "学院" in text or "局" in text)

    def cut_words(self, text: str) -> tuple[list[str], list[str] | None]:
        """``cut_tags`` for callers that read few tags: the words, and the tags only when an
        organisation merge needed them (else None; ``tag(word)`` then gives what ``cut_tags``
        would). Tagging every word, OOV ones through the POS HMM, costs more than the cut."""
        if self._may_merge(text):
            return self.cut_tags(text)
        return self.lcut(text), None

    def tag(self, word: str) -> str:
        """The tag ``cut_tags`` gives ``word`` when no merge rewrote it."""
        return self.user_tags.get(word) or self.main_tags.get(word) or self.oov_tags[word]

    def cut_pos(self, text: str) -> list[tuple[str, str]]:
        words, tags = self.cut_tags(text)
        return list(zip(words, tags, strict=True))

    def name_breaker(self, word: str, tag: str) -> bool:
        """True when ``word`` cannot be inside an organisation name."""
        if word.isspace() or is_punct(word) or word in self.stopwords:
            return True
        if word in self.user_tags or word in self.main_tags:  # known function words etc. end it
            return tag in _NAME_BREAK_TAGS
        # Unknown words (brand names such as 兴荣, 翰诠) never break a name; bare numbers do.
        return bool(_NUMBER.fullmatch(word))


def _paths(spec: str | Path | Sequence[str | Path] | None) -> list[str | Path]:
    """One path or a sequence of paths as a list (a bare string is one file, not characters)."""
    if spec is None:
        return []
    if isinstance(spec, (str, Path)):
        return [spec]
    return list(spec)


def _stopword_files(spec: Any) -> list[str | Path]:
    """The files a ``stopwords=`` parameter names: "default", one path, paths, or None."""
    if isinstance(spec, str) and spec == "default":
        return list(DEFAULT_STOPWORD_FILES)
    return _paths(spec)


def _load_stopwords(spec: Any) -> set[str]:
    words: set[str] = set()
    for path in _stopword_files(spec):
        words.update(read_word_list(path))
    return words


def _merge_organisations(pairs: list[tuple[str, str]], built: _Built) -> list[tuple[str, str]]:
    """Join …有限公司 / …学院 names and 市…局 / 县…局 bureaus into single ``nt`` tokens."""
    # A merge only rewrites the tail of what is read so far, so copy the runs between the words
    # that may end a name in slices rather than token by token.
    ends = [i for i, (word, _) in enumerate(pairs) if word.endswith(_NAME_ENDS)]
    if not ends:
        return pairs
    out: list[tuple[str, str]] = []
    done = 0
    for i in ends:
        out.extend(pairs[done : i + 1])
        done = i + 1
        if pairs[i][0].endswith("局"):
            _merge_bureau(out, built)
        else:
            _merge_suffix_name(out, built)
    out.extend(pairs[done:])
    return out


_NAME_ENDS = ("局", "公司", "学院")


def _merge_suffix_name(out: list[tuple[str, str]], built: _Built) -> None:
    # Where the suffix starts: 有限 / 责任 / 公司 may come as separate tokens.
    k = len(out) - 1
    tail = out[k][0]
    while not tail.endswith(_ORG_SUFFIXES) and k > 0 and len(tail) < 6:
        k -= 1
        tail = out[k][0] + tail
    if not tail.endswith(_ORG_SUFFIXES):
        return
    j = k  # out[j:] becomes the name; extend j leftwards over name-like tokens
    n_chars = len(tail)
    while j > 0 and len(out) - j < _MAX_NAME_TOKENS:
        w, t = out[j - 1]
        if w in _OPEN_BRACKETS:  # a bracketed place inside the name: 翰诠特种纺织品（平湖）有限公司
            opener = _OPEN_BRACKETS[w]
            i = j - 2
            while i >= 0 and j - i <= 5 and out[i][0] != opener:
                i -= 1
            inner = out[i + 1 : j - 1]
            if i < 0 or out[i][0] != opener or not inner:
                break
            if any(built.name_breaker(x, xt) for x, xt in inner):
                break
            n_chars += sum(len(x) for x, _ in out[i:j])
            j = i
            continue
        if built.name_breaker(w, t) or n_chars + len(w) > _MAX_NAME_CHARS:
            break
        n_chars += len(w)
        j -= 1
    # A name does not start with a bracket group; skip groups that nothing precedes.
    while j < k and out[j][0] in _CLOSE_BRACKETS:
        closer = _CLOSE_BRACKETS[out[j][0]]
        j = next((i + 1 for i in range(j, k) if out[i][0] == closer), k)
    if j >= k:
        return  # no name before the suffix (a bare 有限公司 / 学院)
    merged = "".join(w for w, _ in out[j:])
    out[j:] = [(merged, "nt")]


def _merge_bureau(out: list[tuple[str, str]], built: _Built) -> None:
    word = out[-1][0]
    # 格局 / 布局 / 当局 … are two-character words where 局 is not a bureau.
    if word != "局" and len(word) < 3 and built.has_word(word):
        return
    n_chars = len(word)
    for j in range(len(out) - 2, max(-1, len(out) - 6), -1):
        w, t = out[j]
        is_start = (w in ("市", "县")) or (
            w[0] in "市县" and len(w) == 2 and not built.has_word(w)  # 市文 | 旅局 (HMM pieces)
        )
        is_place = t == "ns" and w.endswith(("市", "县")) and len(w) >= 2
        if is_start or is_place:
            if n_chars + len(w) > 12:
                return
            merged = "".join(x for x, _ in out[j:])
            out[j:] = [(merged, "nt")]
            return
        if built.name_breaker(w, t):
            return
        n_chars += len(w)


class Tokenizer(TransformerMixin, BaseEstimator):
    """Chinese word segmenter with its own jieba instance, domain dictionaries and stopwords.

    Parameters (hyperparameters only; the jieba instance is built on first use):

    - ``user_dicts``: extra dictionary files (``word frequency tag`` a line), loaded after the
      domain dictionaries.
    - ``engine``: ``"jieba"`` (reference) or ``"rjieba"`` (jieba-rs, same dictionaries, faster).
    - ``hmm``: let jieba's HMM join unknown words (jieba's default).
    - ``stopwords``: ``"default"`` (stopwords-iso zh + the domain file), a path (or list of paths)
      of one-word-a-line files, or None.
    - ``drop_stopwords`` / ``drop_punct`` / ``min_len``: what ``__call__`` and ``transform`` keep.
    - ``domain_dicts``: load ``analysis/resources/dict/*.txt``.
    - ``merge_orgs``: join organisation names (…有限公司, …学院, 市…局) into one ``nt`` token.

    ``cut`` returns every token including punctuation and whitespace (``"".join(cut(t)) == t``);
    ``__call__`` returns the tokens a vectoriser should count.
    """

    def __init__(
        self,
        user_dicts: Sequence[str | Path] = (),
        engine: str = "jieba",
        hmm: bool = True,
        stopwords: str | Path | Sequence[str | Path] | None = "default",
        drop_stopwords: bool = True,
        drop_punct: bool = True,
        min_len: int = 1,
        domain_dicts: bool = True,
        merge_orgs: bool = True,
    ):
        self.user_dicts = user_dicts
        self.engine = engine
        self.hmm = hmm
        self.stopwords = stopwords
        self.drop_stopwords = drop_stopwords
        self.drop_punct = drop_punct
        self.min_len = min_len
        self.domain_dicts = domain_dicts
        self.merge_orgs = merge_orgs

    # -- lazily built state ---------------------------------------------------------------

    def _built(self) -> _Built:
        built = self.__dict__.get("_state")
        if built is None:
            built = _Built(self)
            self.__dict__["_state"] = built
        return built

    @property
    def tokenizer_(self) -> Any:
        """The private ``jieba.Tokenizer`` (or ``rjieba.Jieba``), built on first access."""
        return self._built().engine

    @property
    def stopwords_(self) -> frozenset[str]:
        """The loaded stopword set."""
        return self._built().stopwords

    def set_params(self, **params: Any) -> Tokenizer:
        self.__dict__.pop("_state", None)  # rebuild with the new dictionaries / engine
        return super().set_params(**params)

    def __getstate__(self) -> dict:
        state = super().__getstate__()
        state = dict(state)
        state.pop("_state", None)  # jieba instances do not pickle; rebuilt lazily
        return state

    # -- segmentation ---------------------------------------------------------------------

    def cut(self, text: str) -> list[str]:
        """All tokens of ``text`` in order, punctuation and whitespace included."""
        return [w for w, _ in self._built().cut_pos(text)]

    def cut_pos(self, text: str) -> list[tuple[str, str]]:
        """(word, POS) pairs for every token of ``text``; punctuation and whitespace are ``x``."""
        return self._built().cut_pos(text)

    def __call__(self, text: str) -> list[str]:
        """The tokens to count: no whitespace, and no stopwords / punctuation per the settings."""
        built = self._built()
        stop = built.stopwords if self.drop_stopwords else frozenset()
        drop_punct, min_len = self.drop_punct, self.min_len
        return [
            w
            for w, _ in built.cut_pos(text)
            if len(w) >= min_len
            and w not in stop
            and not w.isspace()
            and not (drop_punct and is_punct(w))
        ]

    def is_stop(self, word: str) -> bool:
        return word in self._built().stopwords

    @staticmethod
    def is_punct(word: str) -> bool:
        return is_punct(word)

    def in_dictionary(self, word: str) -> bool:
        """True when ``word`` is a word of the loaded dictionaries (general + domain + user)."""
        return self._built().has_word(word)

    def tag_of(self, word: str) -> str:
        """The POS tag this tokenizer gives ``word`` (dictionary tag, else the fallback rule)."""
        return self._built().tag(word)

    def suggest_freq(self, word: str) -> int:
        """A dictionary frequency that makes jieba keep ``word`` whole (jieba engine only)."""
        built = self._built()
        if self.engine == "jieba":
            return int(built.engine.suggest_freq(word, False))
        return int(built.engine.suggest_freq(word))

    def fingerprint(self) -> str:
        """Hash of everything that decides the output: parameters, dictionary and stopword file
        contents, jieba's dictionary, engine versions and the version of the rules in this module.
        Caches of token tables key on it."""
        from importlib import metadata

        h = hashlib.sha256(f"{type(self).__qualname__}|rules={RULES_VERSION}".encode())
        h.update(repr(sorted((k, repr(v)) for k, v in self.get_params().items())).encode())
        files = [
            *(domain_dictionary_files() if self.domain_dicts else []),
            *_paths(self.user_dicts),
            *_stopword_files(self.stopwords),
        ]
        for path in files:
            h.update(str(path).encode())
            h.update(Path(path).read_bytes() if Path(path).is_file() else b"<missing>")
        stat = _jieba_dict_path().stat()
        h.update(f"dict.txt|{stat.st_size}|{stat.st_mtime_ns}".encode())
        for dist in ("jieba", "rjieba"):
            try:
                h.update(f"{dist}={metadata.version(dist)}".encode())
            except metadata.PackageNotFoundError:
                h.update(f"{dist}=absent".encode())
        return h.hexdigest()[:16]

    # -- scikit-learn ---------------------------------------------------------------------

    def fit(self, X: Iterable[str] | None = None, y: Any = None) -> Tokenizer:
        self._built()
        return self

    def transform(self, X: Iterable[str]) -> list[list[str]]:
        return [self(text) for text in X]


@functools.lru_cache(maxsize=1)
def default_tokenizer() -> Tokenizer:
    """The project tokenizer (domain dictionaries, default stopwords), one per process.

    Extra dictionary files can be configured with ``ANALYSIS_USER_DICTS`` (paths joined by
    ``os.pathsep``).
    """
    extra = os.environ.get(USER_DICTS_ENV, "")
    user_dicts = tuple(p for p in extra.split(os.pathsep) if p.strip())
    return Tokenizer(user_dicts=user_dicts)


# --------------------------------------------------------------------------- tokens table


def _check_articles(articles: pd.DataFrame) -> None:
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"articles must be a DataFrame, not {type(articles).__name__}")
    missing = [c for c in ("article_id", "body") if c not in articles.columns]
    if missing:
        raise ValueError(
            f"articles needs columns article_id and body; missing {missing} "
            f"(got {list(articles.columns)})"
        )


def tokens(
    articles: pd.DataFrame, tokenizer: Tokenizer | None = None, n_jobs: int = 1
) -> pd.DataFrame:
    """One row per token of every article body.

    Columns: article_id, sentence_id (0-based in the article), position (0-based in the article),
    token, pos, start, end (``body[start:end] == token``), is_stop, is_punct. Whitespace is never
    a token. ``articles`` is any frame with ``article_id`` and ``body`` columns.

    ``n_jobs``: worker processes (``-1``: one per CPU). The articles are split between them by
    article, never inside one; the table is identical to ``n_jobs=1``, rows in the same order.
    """
    _check_articles(articles)
    tok = tokenizer if tokenizer is not None else default_tokenizer()
    n_jobs = (os.cpu_count() or 1) if n_jobs == -1 else n_jobs
    if n_jobs < 1:
        raise ValueError(f"n_jobs must be -1 or >= 1, not {n_jobs}")
    if n_jobs > 1 and len(articles) > 1:
        return _tokens_in_processes(articles, tok, n_jobs)
    return _tokens(articles, tok)


def _tokens(articles: pd.DataFrame, tok: Tokenizer) -> pd.DataFrame:
    built = tok._built()
    cut_tags = built.cut_tags

    # Pass 1 (Python): cut each body whole, keeping whitespace tokens so offsets stay right.
    words: list[str] = []
    tags: list[str] = []
    starts: list[int] = []
    n_tokens: list[int] = []  # per article, whitespace included
    sentence_keys: list[int] = []  # article index * _KEY + sentence start, sorted
    for k, (article_id, body) in enumerate(
        zip(articles["article_id"], articles["body"], strict=True)
    ):
        body = _body_text(article_id, body)
        w, t = cut_tags(body)
        words.extend(w)
        tags.extend(t)
        starts.extend(islice(accumulate(map(len, w), initial=0), len(w)))
        n_tokens.append(len(w))
        base = k * _KEY
        sentence_keys.extend(base + s for s, _ in split_sentences(body))

    # Pass 2 (vectorised): flags per distinct word, whitespace dropped, ids from sorted keys.
    token_array = pd.array(words, dtype="str")
    codes, uniques = pd.factorize(token_array)
    stopwords = built.stopwords
    unique_words = list(uniques)
    is_space_u = np.array([w.isspace() for w in unique_words], dtype=bool)
    is_stop_u = np.array([w in stopwords for w in unique_words], dtype=bool)
    is_punct_u = np.array([is_punct(w) for w in unique_words], dtype=bool)
    length_u = np.array([len(w) for w in unique_words], dtype=np.int64)
    keep = ~is_space_u[codes] if len(codes) else np.zeros(0, dtype=bool)
    codes = codes[keep]

    article_index = np.repeat(np.arange(len(n_tokens), dtype=np.int64), n_tokens)[keep]
    start = np.asarray(starts, dtype=np.int64)[keep]
    end = start + length_u[codes]
    keys = np.asarray(sentence_keys, dtype=np.int64)
    sentence_global = np.searchsorted(keys, article_index * _KEY + start, side="right") - 1
    first_sentence = np.searchsorted(keys, np.arange(len(n_tokens), dtype=np.int64) * _KEY)
    first_token = np.searchsorted(article_index, np.arange(len(n_tokens), dtype=np.int64))

    frame = pd.DataFrame(
        {
            "article_id": articles["article_id"].array.take(article_index),
            "sentence_id": sentence_global - first_sentence[article_index],
            "position": np.arange(len(codes), dtype=np.int64) - first_token[article_index],
            "token": token_array[keep],
            "pos": pd.array(tags, dtype="str")[keep],
            "start": start,
            "end": end,
            "is_stop": is_stop_u[codes],
            "is_punct": is_punct_u[codes],
        }
    )
    return frame


_KEY = 1 << 32  # article index * _KEY + char offset: one sortable key across all bodies

# What forked workers of _tokens_in_processes read: set before the pool starts, so neither the
# articles nor the built tokenizer are pickled; tasks are (start, stop) row ranges.
_WORK: tuple[pd.DataFrame, Tokenizer] | None = None


def _work_init(articles: pd.DataFrame | None = None, tok: Tokenizer | None = None) -> None:
    global _WORK
    if articles is not None and tok is not None:  # spawned workers: shipped once per worker
        _WORK = (articles, tok)
    assert _WORK is not None
    _WORK[1]._built()


def _work_range(bounds: tuple[int, int]) -> pd.DataFrame:
    assert _WORK is not None
    articles, tok = _WORK
    return _tokens(articles.iloc[bounds[0] : bounds[1]], tok)


def _task_ranges(lengths: np.ndarray, n_jobs: int) -> list[tuple[int, int]]:
    """Runs of whole articles, large first and shrinking (about a quarter of what is left
    per worker each), so that the workers finish together: the last tasks are small."""
    total = float(lengths.sum())
    cumulative = np.cumsum(lengths)
    ranges, start, done = [], 0, 0.0
    smallest = max(total / (64 * n_jobs), 1.0)
    while start < len(lengths):
        size = max((total - done) / (4 * n_jobs), smallest)
        stop = int(np.searchsorted(cumulative, done + size, side="left")) + 1
        stop = min(max(stop, start + 1), len(lengths))
        ranges.append((start, stop))
        done = float(cumulative[stop - 1])
        start = stop
    return ranges


def _tokens_in_processes(articles: pd.DataFrame, tok: Tokenizer, n_jobs: int) -> pd.DataFrame:
    import concurrent.futures as cf
    import multiprocessing

    global _WORK
    lengths = articles["body"].map(lambda b: len(b) if isinstance(b, str) else 0).to_numpy()
    ranges = _task_ranges(lengths, n_jobs)
    fork = "fork" in multiprocessing.get_all_start_methods()
    tok._built()  # built once here: forked workers inherit it ready to use
    _WORK = (articles, tok)
    # Objects inherited from this process go to the collector's permanent generation, so that
    # a worker's collections neither traverse them nor write to their pages (copy-on-write).
    gc.freeze()
    try:
        with cf.ProcessPoolExecutor(
            max_workers=min(n_jobs, len(ranges)),
            mp_context=multiprocessing.get_context("fork" if fork else "spawn"),
            initializer=_work_init,
            initargs=() if fork else (articles, tok),
        ) as pool:
            frames = list(pool.map(_work_range, ranges))
    finally:
        gc.unfreeze()
        _WORK = None
    return pd.concat(frames, ignore_index=True)


def _body_text(article_id: Any, body: Any) -> str:
    if isinstance(body, str):
        return body
    if body is None or (isinstance(body, float) and body != body):
        return ""  # a missing body has no tokens
    raise TypeError(f"article {article_id!r}: body must be str, not {type(body).__name__}")
