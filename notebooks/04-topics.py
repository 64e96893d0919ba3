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
# # 04 主题 · Topics
#
# **中文**　两种主题归类并排看：一是按可编辑的主题词表（`analysis/resources/topics.toml`）给每篇文章一个有名字的主题，并列出起作用的种子词；二是不预设主题的无监督聚类（`TopicModel`：TF-IDF → LSA → 谱聚类，类数按轮廓系数选择），列出每类的高权重词，并与有名主题对照。然后画出各主题的高分关键词和文章地图，最后演示如何在词表中添加一个主题。
#
# **换成你自己的版面**：把参数单元格中的 `PAGES` 改成你的文件夹；`LEXICON` 可以指向你自己的主题词表（复制 `topics.toml` 再修改）；`N_TOPICS` 固定聚类数（`None` 为自动选择）。文章越多，聚类越有意义；只有几篇文章时，请以主题词表的结果为准。
#
# **English**　Two ways of grouping articles, side by side: named topics from an editable lexicon
# (`analysis/resources/topics.toml`), each article with the seed terms that decided it; and
# unsupervised clusters (`TopicModel`: TF-IDF → LSA → spectral clustering, k chosen by silhouette)
# with their top terms, matched against the named topics. Then the top keywords per topic and the
# article map, and how to add a topic to the lexicon.
#
# **Point it at your own pages**: set `PAGES` in the parameters cell to your folder; `LEXICON` may
# name your own lexicon (copy `topics.toml` and edit it); `N_TOPICS` fixes the number of clusters
# (`None`: chosen automatically). Clusters mean more with more articles; with only a few, trust the
# lexicon.

# %% tags=["parameters"]
PAGES = "../data/raw"  # 版面文件夹 · folder of pages (relative to notebooks/)
LEXICON = ""  # 主题词表；空 = 项目自带的 topics.toml · topic lexicon; "" = the package's
N_TOPICS = None  # 聚类数；None = 按轮廓系数自动选择 · number of clusters; None = by silhouette
KEYWORD_METHOD = "tfidf"  # 主题关键词图使用的方法 · keyword method for the topic charts

# %%
# %matplotlib inline
import shutil
import tempfile
from pathlib import Path

import analysis
from analysis import figures, viz
from analysis._paths import PROJECT_ROOT, RESOURCES_DIR

pages = (PROJECT_ROOT / "notebooks" / PAGES).resolve()
lexicon = (
    (PROJECT_ROOT / "notebooks" / LEXICON).resolve() if LEXICON else RESOURCES_DIR / "topics.toml"
)
articles = analysis.load_articles(pages)
keywords = analysis.keywords(analysis.tokens(articles), method=KEYWORD_METHOD)
labels = {a["article_id"]: viz.article_label(a) for a in articles.to_dict("records")}

# %% [markdown]
# ## 有名主题 · Named topics from the lexicon
#
# `score` 是文章的 TF-IDF 向量与主题种子词向量的余弦相似度；低于词表中 `threshold` 的文章归入“其他”（`other`）。`top_terms` 是起作用最大的种子词。
#
# `score` is the cosine between the article's TF-IDF vector and the topic's seed vector; articles
# below the lexicon's `threshold` go to `other`. `top_terms` are the seeds that counted most.

# %%
named = analysis.assign_topics(articles, lexicon=lexicon)
named.assign(title=named["article_id"].map(labels))

# %% [markdown]
# ## 无监督聚类 · Unsupervised clusters
#
# 不看词表，只按文章用词的相似程度分组。`silhouette_` 是每个候选类数的轮廓系数（越高分得越开）。
#
# Groups the articles by how alike their words are, without the lexicon. `silhouette_` gives the
# silhouette of each candidate number of clusters (higher: better separated).

# %%
model = analysis.TopicModel(n_topics=N_TOPICS, random_state=0, lexicon=lexicon).fit(articles)
model.silhouette_

# %%
model.cluster_table().merge(named[["article_id", "topic_name"]], on="article_id").assign(
    title=lambda t: t["article_id"].map(labels)
)

# %% [markdown]
# 每类的高权重词（该类文章的平均 TF-IDF），以及每类与有名主题的对应关系：`agreement` 是该类文章中属于同一有名主题的比例。
#
# The top terms of each cluster (mean TF-IDF over its articles), and how the clusters line up with
# the named topics: `agreement` is the share of a cluster's articles that carry the same named
# topic.

# %%
model.top_terms_per_cluster(8).pivot(index="rank", columns="cluster", values="term")

# %%
model.match_clusters(articles)

# %% [markdown]
# ## 各主题的高分关键词 · Top keywords per topic
#
# 一个词在某主题中的权重，是它在该主题各篇文章中的关键词得分的平均值（不是关键词的文章记 0），所以在多篇文章中都重要的词排在前面。
#
# A word's weight in a topic is its mean keyword score over the topic's articles (0 where it is not
# a keyword), so words that matter in several of the topic's articles rank first.

# %%
topic_terms = figures.topic_terms(keywords, named)
viz.topic_keyword_bars(topic_terms, title="各主题的高分关键词", top_n=8)

# %% [markdown]
# ## 文章地图 · The article map
#
# 每个点是一篇文章：位置来自 TF-IDF 的二维 SVD（意思相近的文章靠得近），颜色是有名主题。
#
# Each point is an article, placed by a 2-D SVD of the TF-IDF vectors (similar articles sit close
# together) and coloured by its named topic.

# %%
from analysis.topics import article_map

points = article_map(model, named).merge(named[["article_id", "topic_name"]], on="article_id")
points = points.assign(label=points["article_id"].map(labels))
viz.article_map(points, title="文章地图（按有名主题着色）", note=f"聚类方法 {model.method}")

# %% [markdown]
# ## 添加一个主题 · Adding a topic to the lexicon
#
# 在词表中加一节 `[topics.<编号>]`，写上显示名 `name` 和种子词 `seeds`（可以是多词短语），不需要改代码。编号只能用小写字母、数字和下划线。下面把一个新主题加到词表的临时副本中，比较加入前后的归类。
#
# Add a `[topics.<id>]` table with a display `name` and its `seeds` (multi-word phrases are fine);
# no code changes. The id is lower-case letters, digits and `_`. Below, a new topic goes into a
# temporary copy of the lexicon and the assignments before and after are compared.

# %%
new_topic = """
[topics.production]
name = "企业生产"
description = "Factories back at work: production lines, orders, overtime."
seeds = ["生产", "车间", "订单", "新订单", "加班加点", "工人", "全员复工", "生产线", "产能"]
"""
my_lexicon = Path(tempfile.mkdtemp(prefix="lexicon-")) / "topics.toml"
my_lexicon.write_text(lexicon.read_text(encoding="utf-8") + new_topic, encoding="utf-8")
print(new_topic)

# %%
after = analysis.assign_topics(articles, lexicon=my_lexicon)
shutil.rmtree(my_lexicon.parent)  # (the demo's copy: the topics are assigned)
comparison = named[["article_id", "topic_name", "score"]].merge(
    after[["article_id", "topic_name", "score", "top_terms"]],
    on="article_id",
    suffixes=("_before", "_after"),
)
comparison.assign(title=comparison["article_id"].map(labels))
