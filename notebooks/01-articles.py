# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#   kernelspec:
#     display_name: Python (analysis)
#     language: python
#     name: analysis
# ---

# %% [markdown]
# # 01 从版面到文章表 · From the raw page to the article table
#
# **中文**　读取从 PDF 提取的报纸版面文本（`*.txt`，每个文件一版），切分出文章表：每篇文章一行，含引题、标题、副题、署名、电头、正文和正文在原文中的行号。版面分析放不进任何文章的文字（孤立的署名、重复印刷的标题、版面装饰）不会丢失，而是进入“未归位表”。最后演示如何写一个覆盖文件（`<版面名>.overrides.toml`）来修正版面分析的结果。
#
# **换成你自己的版面**：把下面参数单元格中的 `PAGES` 改成你的文件夹（或单个 `.txt` 文件），然后“运行全部单元格”。相对路径从 `notebooks/` 文件夹算起。
#
# **English**　Reads PDF-extracted newspaper page text (`*.txt`, one file per page) and splits it
# into the article table: one row per article with kicker, title, subtitle, byline, dateline, body
# and the body's source lines. Text the layout pass cannot place in any article (detached bylines,
# headlines printed twice, page furniture) is not lost: it goes to the *unplaced* table. Last, how
# to write an override file (`<page>.overrides.toml`) that fixes the layout result.
#
# **Point it at your own pages**: set `PAGES` in the parameters cell below to your folder (or one
# `.txt` file) and run all cells. Relative paths start from the `notebooks/` folder.

# %% tags=["parameters"]
PAGES = "../data/raw"  # 版面文件夹或 .txt 文件 · folder of pages or one .txt file

# %%
import shutil
import tempfile

import pandas as pd

import analysis
from analysis._paths import PROJECT_ROOT
from analysis.ingest import find_pages
from analysis.overrides import overrides_path

pages = (PROJECT_ROOT / "notebooks" / PAGES).resolve()
pd.set_option("display.max_colwidth", 60)
pages

# %% [markdown]
# ## 原始版面 · The raw page
#
# PDF 提取的文字按栏宽硬换行，段落之间和分栏处都有空行，两端对齐还留下多余的空格。下面是第一个版面文件的开头。
#
# The extracted text is hard-wrapped at the column width, with blank lines both at paragraph ends
# and at column breaks, and justification spaces. Here is the start of the first page file.

# %%
first_page = analysis.read_page(find_pages(pages)[0])
print(first_page.page_id, first_page.metadata.get("newspaper", ""))
print(first_page.text[:400])

# %% [markdown]
# ## 文章表 · The article table
#
# 每行一篇文章（`kind` 为 `article` 或图片说明 `photo_caption`）。`line_start`/`line_end` 是正文在原文件中的行号，便于回到原文核对。
#
# One row per article (`kind` is `article` or `photo_caption`). `line_start`/`line_end` give the
# body's lines in the source file, so every row can be checked against the page.

# %%
articles = analysis.load_articles(pages)
articles[["article_id", "kind", "kicker", "title", "subtitle", "byline", "dateline", "n_chars"]]

# %%
articles[["article_id", "line_start", "line_end", "body"]].assign(
    body=articles["body"].str.slice(0, 50) + "…"
)

# %% [markdown]
# ## 段落与出处 · Paragraphs and where they came from
#
# `load_paragraphs` 给出每个段落（以及标题的每个部分）所属的字段和原文行号。
#
# `load_paragraphs` lists every paragraph (and every headline part) with its field and source
# lines.

# %%
paragraphs = analysis.load_paragraphs(pages)
paragraphs[["article_id", "field", "paragraph", "line_start", "line_end", "text"]].head(12)

# %% [markdown]
# ## 未归位表 · The unplaced table
#
# 版面分析无法确定归属的文字都在这里，并注明原因（`note`）。原文中每个非空白字符要么在某篇文章的某个字段里，要么在这张表里。
#
# Whatever the layout pass could not attribute is listed here with the reason (`note`). Every
# non-whitespace character of the page ends up either in a field of an article or in this table.

# %%
unplaced = analysis.load_unplaced(pages)
unplaced

# %% [markdown]
# ## 用覆盖文件修正 · Fixing the result with an override file
#
# 版面本身没有说明一个孤立署名属于哪篇文章，这需要人来判断。把判断写进与版面同名的 `<版面名>.overrides.toml`，放在版面文件旁边；`load_articles` 最后应用它，写错的编号或字段会报出文件名和条目。两种写法：
#
# - `[[assign]]`：把未归位表中的一条（`unplaced`）交给某篇文章（`article`）的某个字段（`field`：byline、kicker、title、subtitle）；
# - `[articles."<文章编号>"]`：直接设置字段，例如 `kind = "photo_caption"`（被替换的旧文字进入未归位表，不会丢失）。
#
# The page does not say which article a detached byline belongs to; that takes a person. Write
# the decision into `<page>.overrides.toml` next to the page file; `load_articles` applies it last,
# and a wrong id or field is reported with the file name and the entry. Two forms: `[[assign]]`
# gives an unplaced item to a field of an article; `[articles."<id>"]` sets fields directly.
#
# 下面在临时文件夹里的版面副本上演示（不改动你的文件）：把第一条孤立署名交给这一版的最后一篇文章。这只是为了演示写法；署名到底属于哪篇，要对照印刷版面来定。
#
# The demonstration below works on a copy of the page in a temporary folder (your files are not
# touched): it gives the first detached byline to the last article of that page. This only shows
# the mechanics; which article a byline really belongs to has to be checked on the printed page.

# %%
workdir = tempfile.mkdtemp(prefix="overrides-demo-")
page_path = find_pages(pages)[0]
copy = shutil.copy(page_path, workdir)
detached = unplaced[
    (unplaced["page_id"] == page_path.stem) & (unplaced["kind"] == "detached_byline")
]
target = articles[articles["page_id"] == page_path.stem]["article_id"].iloc[-1]
override_text = (
    f"""# {page_path.stem}.overrides.toml
[[assign]]
unplaced = "{detached["unplaced_id"].iloc[0]}"
article = "{target}"
field = "byline"
"""
    if len(detached)
    else f'[articles."{target}"]\nkind = "article"\n'
)
print(override_text)

# %%
overrides_path(copy).write_text(override_text, encoding="utf-8")
fixed = analysis.load_articles(copy)
fixed.loc[fixed["article_id"] == target, ["article_id", "title", "byline"]]

# %%
analysis.load_unplaced(copy)[["unplaced_id", "kind", "text"]]

# %%
shutil.rmtree(workdir)
