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
# # 05 数字与图表 · Quantities and every chart
#
# **中文**　列出文章中出现的每一个数量、日期和时间（数量表），每一行都带着出处：文章、原句，以及在正文中的字符位置。然后画出 `analysis/resources/charts.toml` 中声明的每一张图：数量图（每张图下方脚注列出每个数字的原句）、各主题关键词、主题—关键词热图、文章地图、文章相似度和词云。所有中文都用项目统一的字体（`analysis.fonts`）绘制。
#
# **换成你自己的版面**：把参数单元格中的 `PAGES` 改成你的文件夹，然后“运行全部单元格”。示例版面专用的数量图在你的版面上可能找不到对应的数字，这时会跳过并说明每个筛选条件之后还剩几行；复制一份 `charts.toml`，改写其中的 `[chart.query]`，再把 `CHARTS` 指向它。
#
# **English**　Lists every quantity, date and time quoted in the articles (the quantities table),
# each row with its provenance: article, source sentence and character offsets into the body. Then
# draws every chart declared in `analysis/resources/charts.toml`: the quantity charts (with a
# footnote quoting the source sentence of every number), top keywords per topic, the topic-term
# heatmap, the article map, article similarity and word clouds. All Chinese is drawn with the
# project's one CJK font (`analysis.fonts`).
#
# **Point it at your own pages**: set `PAGES` in the parameters cell and run all cells. Quantity
# charts written for the sample page may find no numbers in your pages; they are skipped with a
# note saying how many rows survived each filter. Copy `charts.toml`, rewrite its `[chart.query]`
# tables, and set `CHARTS` to your copy.

# %% tags=["parameters"]
PAGES = "../data/raw"  # 版面文件夹 · folder of pages (relative to notebooks/)
CHARTS = ""  # 图表声明文件；空 = 项目自带的 charts.toml · chart specs TOML; "" = the package's
KEYWORD_METHOD = "tfidf"  # 关键词方法 · keyword method for the keyword/topic charts

# %%
# %matplotlib inline
import pandas as pd
from IPython.display import display

import analysis
from analysis import figures, viz
from analysis._paths import PROJECT_ROOT

pages = (PROJECT_ROOT / "notebooks" / PAGES).resolve()
charts = (PROJECT_ROOT / "notebooks" / CHARTS).resolve() if CHARTS else viz.CHARTS_TOML
pd.set_option("display.max_colwidth", 80)

# %% [markdown]
# ## 各阶段的表 · The tables, stage by stage

# %%
articles = analysis.load_articles(pages)
tokens = analysis.tokens(articles)
quantities = analysis.quantities(articles)
keywords = analysis.keywords(tokens, method=KEYWORD_METHOD)
topics = analysis.assign_topics(articles)
tables = figures.Tables(articles, tokens, quantities, keywords, topics)
{name: len(frame) for name, frame in tables.as_dict().items()}

# %% [markdown]
# ## 数量表及其出处 · The quantities table with provenance
#
# `text` 是原文中的写法，`value`/`value_low`/`value_high` 是数值和上下界（“16300多”的下界是 16300，上界不定），`sentence` 是原句，`start`/`end` 是 `text` 在文章正文中的位置。
#
# `text` is the number as printed; `value`, `value_low`, `value_high` are its value and bounds
# (16300多 "16300-odd" has a lower bound and no upper bound); `sentence` is the source sentence and
# `start`/`end` locate `text` in the article body.

# %%
shown = ["article_id", "title", "text", "value", "value_low", "value_high", "unit", "qualifier"]
shown += ["kind", "subject", "resolved", "sentence", "start", "end"]
quantities.merge(articles[["article_id", "title"]], on="article_id")[shown]

# %% [markdown]
# 每一行都能回到原文：用 `start`/`end` 从正文中取出的文字，就是 `text`。
#
# Every row leads back to the text: slicing the body with `start`/`end` gives `text` back.

# %%
bodies = articles.set_index("article_id")["body"]
quantities.assign(
    from_body=[bodies[a][s:e] for a, s, e in quantities[["article_id", "start", "end"]].to_numpy()]
)[["article_id", "text", "from_body", "sentence"]].head(8)

# %% [markdown]
# ## 图表声明 · The declared charts
#
# 每个 `[[chart]]` 写明图的种类（`kind`）和标题；数量图用 `[chart.query]` 从数量表中筛选行（按文章标题、单位、种类、主语或原句的正则表达式）。新增一张图：在你的 `charts.toml` 副本中加一段，例如
#
# To add a chart, add a `[[chart]]` table to your copy of `charts.toml`, for example:
#
# ```toml
# [[chart]]
# id = "percentages"
# kind = "bar"               # bar | log_bar | dot_plot
# title = "文中的百分比"
# [chart.query]
# kind = ["percent"]
# ```

# %%
specs = viz.load_chart_specs(charts)
pd.DataFrame([(s.id, s.kind, s.title) for s in specs], columns=["id", "kind", "title"])

# %% [markdown]
# ## 每一张图 · Every chart

# %%
text_tables = figures.text_tables(tables)
for spec in specs:
    try:
        if spec.kind in viz.QUANTITY_KINDS:
            drawn = [(spec.id, viz.render_chart(spec, quantities, articles, topics))]
        else:
            drawn = viz.render_text_chart(spec, text_tables)
    except viz.ChartQueryError as exc:  # the chart's query found nothing in these pages
        print(f"跳过 skipped: {exc}")
        continue
    for _, fig in drawn:
        display(fig)
