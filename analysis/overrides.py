"""Per-page override files: an analyst's fixes, applied last and validated.

A page ``data/raw/<stem>.txt`` may have ``data/raw/<stem>.overrides.toml``::

    # give a detached byline (by its unplaced id) to an article
    [[assign]]
    unplaced = "pinghu-daily-2020-03-u03"
    article = "pinghu-daily-2020-03-06"
    field = "byline"            # byline | kicker | title | subtitle

    # set fields of an article explicitly (the replaced text is kept in the unplaced table)
    [articles."pinghu-daily-2020-03-02"]
    kind = "photo_caption"

Unknown article ids, unplaced ids, fields or keys raise :class:`OverrideError` naming the file.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ASSIGNABLE_FIELDS = ("byline", "kicker", "title", "subtitle")
SETTABLE_FIELDS = ("kind", "kicker", "title", "subtitle", "byline", "dateline")
KINDS = ("article", "photo_caption")


class OverrideError(ValueError):
    """An override file that cannot be applied; the message names the file and the entry."""

    def __init__(self, path: str | Path, problem: str):
        super().__init__(f"{path}: {problem}")


def overrides_path(page_path: str | Path) -> Path:
    page_path = Path(page_path)
    return page_path.with_name(page_path.stem + ".overrides.toml")


def read_overrides(path: str | Path) -> dict:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise OverrideError(path, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise OverrideError(path, f"not valid TOML ({exc})") from None
    unknown = set(data) - {"assign", "articles"}
    if unknown:
        raise OverrideError(
            path, f"unknown section(s) {sorted(unknown)}; expected [[assign]] or [articles.<id>]"
        )
    return data


def apply_overrides(layout, path: str | Path | None = None):
    """Return a new PageLayout with the page's override file applied (if there is one)."""
    if path is None:
        if not layout.page.path:
            return layout
        path = overrides_path(layout.page.path)
    path = Path(path)
    if not path.exists():
        return layout
    data = read_overrides(path)
    articles = {row["article_id"]: dict(row) for row in layout.article_rows}
    unplaced = {row["unplaced_id"]: dict(row) for row in layout.unplaced_rows}
    moved: set[str] = set()
    for n, entry in enumerate(data.get("assign", []), start=1):
        where = f"[[assign]] #{n}"
        if not isinstance(entry, dict):
            raise OverrideError(path, f"{where}: expected a table")
        missing = {"unplaced", "article", "field"} - set(entry)
        if missing:
            raise OverrideError(path, f"{where}: missing key(s) {sorted(missing)}")
        uid, aid, fld = entry["unplaced"], entry["article"], entry["field"]
        if uid not in unplaced:
            raise OverrideError(
                path, f"{where}: unknown unplaced id {uid!r} (known: {sorted(unplaced)})"
            )
        if aid not in articles:
            raise OverrideError(
                path, f"{where}: unknown article id {aid!r} (known: {sorted(articles)})"
            )
        if fld not in ASSIGNABLE_FIELDS:
            raise OverrideError(path, f"{where}: field {fld!r} is not one of {ASSIGNABLE_FIELDS}")
        if uid in moved:
            raise OverrideError(path, f"{where}: unplaced id {uid!r} is assigned twice")
        moved.add(uid)
        text = unplaced[uid]["text"].lstrip("■◆● ")
        old = articles[aid][fld]
        sep = " / " if fld == "byline" else " "
        articles[aid][fld] = f"{old}{sep}{text}" if old else text
    for aid, fields in data.get("articles", {}).items():
        where = f"[articles.{aid!r}]"
        if aid not in articles:
            raise OverrideError(path, f"{where}: unknown article id (known: {sorted(articles)})")
        for fld, value in fields.items():
            if fld not in SETTABLE_FIELDS:
                raise OverrideError(
                    path, f"{where}: field {fld!r} cannot be set; use one of {SETTABLE_FIELDS}"
                )
            if not isinstance(value, str):
                raise OverrideError(path, f"{where}.{fld}: expected a string")
            if fld == "kind" and value not in KINDS:
                raise OverrideError(path, f"{where}.kind: {value!r} is not one of {KINDS}")
            old = articles[aid][fld]
            if old and fld != "kind" and old != value:
                # keep the replaced text: nothing is lost
                uid = f"{aid}-overridden-{fld}"
                unplaced[uid] = {
                    "page_id": layout.page.page_id,
                    "unplaced_id": uid,
                    "kind": "overridden",
                    "text": old,
                    "line_start": 0,
                    "line_end": 0,
                    "note": f"replaced by {path.name}",
                }
            articles[aid][fld] = value
    return replace(
        layout,
        article_rows=list(articles.values()),
        unplaced_rows=[row for uid, row in unplaced.items() if uid not in moved],
    )
