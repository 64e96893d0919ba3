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
# # 03 关键词 · Keywords
#
# **中文**　用四种方法为每篇文章提取关键词并并排比较：`tfidf`（在所读文章上学习的 TF-IDF）、`jieba_tfidf`（jieba 自带的 IDF 表）、`textrank`（词语共现图上的 TextRank）和 `keyphrase`（多词短语，如“爱国卫生运动”，标题中出现的短语加分）。然后为每篇文章画一张关键词词云（字体来自项目统一的中文字体）。
#
# **换成你自己的版面**：把参数单元格中的 `PAGES` 改成你的文件夹。`METHODS` 选择要比较的方法，`TOP_K` 是每篇文章的关键词数，`CLOUD_METHOD` 是词云使用的方法。文章越多，`tfidf` 的 IDF 越可靠。
#
# **English**　Extracts keywords for every article with four methods and puts them side by side:
# `tfidf` (TF-IDF learned on the articles read), `jieba_tfidf` (jieba's shipped IDF table),
# `textrank` (TextRank over the word co-occurrence graph) and `keyphrase` (multi-word phrases such
# as 爱国卫生运动, boosted when the headline contains them). Then draws a keyword word cloud per
# article, with the project's one CJK font.
#
# **Point it at your own pages**: set `PAGES` in the parameters cell to your folder. `METHODS`
# picks the methods to compare, `TOP_K` the keywords per article, `CLOUD_METHOD` the method the
# word clouds use. The more articles, the more reliable the `tfidf` IDF.

# %% tags=["parameters"]
PAGES = "../data/raw"  # 版面文件夹 · folder of pages (relative to notebooks/)
METHODS = ["tfidf", "jieba_tfidf", "textrank", "keyphrase"]  # 比较的方法 · methods to compare
TOP_K = 8  # 每篇文章的关键词数 · keywords per article
CLOUD_METHOD = "tfidf"  # 词云使用的方法 · method for the word clouds

# %%
# %matplotlib inline
import pandas as pd
from IPython.display import Markdown, display

import analysis
from analysis import viz
from analysis._paths import PROJECT_ROOT

pages = (PROJECT_ROOT / "notebooks" / PAGES).resolve()
articles = analysis.load_articles(pages)
tokens = analysis.tokens(articles)

# %% [markdown]
# ## 四种方法 · The methods
#
# 每种方法返回同样的表：`article_id`、`keyword`、`score`（越高越好）、`rank`、`method`。
#
# Every method returns the same table: `article_id`, `keyword`, `score` (higher is better),
# `rank`, `method`.

# %%
keywords = pd.concat(
    [analysis.keywords(tokens, method=m, top_k=TOP_K, articles=articles) for m in METHODS],
    ignore_index=True,
)
keywords.head(10)

# %% [markdown]
# ## 逐篇并排比较 · Side by side, article by article
#
# 每篇文章一张表：行是名次，列是方法。
#
# One table per article: rows are ranks, columns are methods.

# %%
side_by_side = keywords.pivot_table(
    index=["article_id", "rank"], columns="method", values="keyword", aggfunc="first"
)[METHODS]
for article in articles.to_dict("records"):
    display(Markdown(f"### {article['article_id']}　{viz.article_label(article)}"))
    display(side_by_side.loc[article["article_id"]].fillna(""))

# %% [markdown]
# ## tidytext 式的 tf-idf · tidytext-style tf-idf
#
# `bind_tf_idf` 像 R 的 tidytext 一样在词频表上加 `tf`、`idf`、`tf_idf` 三列，便于自己排序、筛选。
#
# `bind_tf_idf` adds `tf`, `idf` and `tf_idf` columns to a count table, as R's tidytext does, for
# your own sorting and filtering.

# %%
content = tokens[~tokens["is_stop"] & ~tokens["is_punct"]]
tf_idf = analysis.bind_tf_idf(content).sort_values(
    ["article_id", "tf_idf"], ascending=[True, False]
)
tf_idf.groupby("article_id").head(3)  # 每篇文章前三 · top three per article

# %% [markdown]
# ## 词云 · Word clouds
#
# 词的大小与 `CLOUD_METHOD` 的关键词得分成正比（不使用 wordcloud 自带的分词，它不会切中文）。
#
# Word size follows the `CLOUD_METHOD` keyword score (wordcloud's own tokenizer, which cannot
# split Chinese, is not used).

# %%
cloud_keywords = analysis.keywords(tokens, method=CLOUD_METHOD, top_k=40, articles=articles)
for article in articles.to_dict("records"):
    part = cloud_keywords[cloud_keywords["article_id"] == article["article_id"]]
    if len(part):
        display(
            viz.wordcloud_figure(
                viz.keyword_frequencies(part, top_n=40),
                title=f"关键词词云：{viz.article_label(article)}",
                note=f"{article['article_id']}；方法 {CLOUD_METHOD}",
            )
        )
