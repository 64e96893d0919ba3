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
# # 02 词语 · Words
#
# **中文**　把文章切分成词（分词、词性、在正文中的位置、是否停用词），统计词频和文档频率，用“关键词语境”（KWIC）查看“复工复产”和“爱国卫生运动”在原文中的上下文，从原文中发现词典里还没有的新词，并演示如何添加一个词典条目、看到它对分词的影响。
#
# **换成你自己的版面**：把参数单元格中的 `PAGES` 改成你的文件夹；`KWIC_WORDS` 是要查看上下文的词；`USER_DICT` 可以指向你自己的词典文件（每行 `词 词频 词性`）；`NEW_WORD` 留空时演示会自动选用新词发现的第一名。
#
# **English**　Cuts the articles into tokens (word, POS tag, offsets into the body, stopword
# flag), counts term and document frequencies, shows keyword-in-context (KWIC) lines for 复工复产
# and 爱国卫生运动, discovers candidate new words that the dictionary does not know yet, and shows
# how to add a dictionary entry and see its effect on segmentation.
#
# **Point it at your own pages**: set `PAGES` in the parameters cell to your folder; `KWIC_WORDS`
# are the words to see in context; `USER_DICT` may name your own dictionary file (`word frequency
# tag` per line); with `NEW_WORD` empty the demonstration takes the top discovered word.

# %% tags=["parameters"]
PAGES = "../data/raw"  # 版面文件夹 · folder of pages (relative to notebooks/)
KWIC_WORDS = ["复工复产", "爱国卫生运动"]  # 查看上下文的词 · words to see in context
USER_DICT = ""  # 你的词典文件（可选） · your dictionary file (optional)
NEW_WORD = ""  # 演示添加的词；空 = 新词发现第一名 · word to add; "" = top discovered word

# %%
import shutil
import tempfile
from pathlib import Path

import pandas as pd
from IPython.display import display

import analysis
from analysis import explore
from analysis._paths import PROJECT_ROOT

pages = (PROJECT_ROOT / "notebooks" / PAGES).resolve()
user_dicts = [(PROJECT_ROOT / "notebooks" / USER_DICT).resolve()] if USER_DICT else []
tokenizer = analysis.Tokenizer(user_dicts=user_dicts)
articles = analysis.load_articles(pages)

# %% [markdown]
# ## 分词 · Tokens
#
# 每行一个词：`sentence_id` 是句子序号，`start`/`end` 是词在正文中的位置（`body[start:end]` 就是这个词），`pos` 是 jieba 的词性标记，`is_stop`/`is_punct` 标出停用词和标点。
#
# One row per token: `sentence_id` numbers the sentences, `start`/`end` locate the token in the
# body (`body[start:end]` is the token), `pos` is jieba's tag, `is_stop`/`is_punct` flag stopwords
# and punctuation.

# %%
tokens = analysis.tokens(articles, tokenizer=tokenizer)
tokens.head(20)

# %% [markdown]
# ## 词频 · Frequencies
#
# 去掉停用词和标点后的词频（`n`）、占比（`share`）和出现该词的文章数（`n_docs`）；文档频率表给出逆文档频率 `idf`。
#
# Term frequencies without stopwords and punctuation: count `n`, `share` of all counted tokens,
# and `n_docs`, the number of articles using the word. The document-frequency table adds `idf`.

# %%
explore.term_frequencies(tokens).head(20)

# %%
explore.term_frequencies(tokens, pos="n").head(10)  # 只看名词 · nouns only

# %%
explore.doc_frequencies(tokens).head(10)

# %% [markdown]
# ## 关键词语境 · Keyword in context (KWIC)
#
# 每次出现一行：左语境、匹配的词、右语境，以及它在正文中的位置。
#
# One line per occurrence: left context, the match, right context, and its offsets in the body.

# %%
for word in KWIC_WORDS:
    display(explore.kwic(articles, word, window=14))

# %% [markdown]
# 按词（而不是按字）查找：只匹配被切成一个完整词的出现，语境以词为单位。
#
# Searching by token instead of by character: only occurrences cut as one whole token match, and
# the context is counted in tokens.

# %%
explore.kwic(tokens, KWIC_WORDS[0], by="tokens", window=6)

# %% [markdown]
# ## 新词发现 · New-word candidates
#
# 在原文中反复出现、内部结合紧密（`pmi`）、左右搭配多样（`left_entropy`/`right_entropy`）而词典里没有的字串。`current_cut` 是现在的切分，`entry` 是可以直接写进词典文件的一行。
#
# Character strings that recur, hold together (`pmi`) and occur in varied surroundings (left and
# right neighbour entropy) but are not in the dictionary. `current_cut` is how they are cut now;
# `entry` is a line ready for a dictionary file.

# %%
candidates = explore.discover_words(articles, tokenizer=tokenizer, top=20)
candidates

# %% [markdown]
# ## 添加词典条目 · Adding a dictionary entry
#
# 词典文件是 UTF-8 纯文本，每行 `词 词频 词性`，例如 `招工工作组 100 nt`。把你的文件传给 `analysis.Tokenizer(user_dicts=[...])`（或者设置环境变量 `ANALYSIS_USER_DICTS`），要让整个项目都使用就把这一行加进 `analysis/resources/dict/` 里的文件。下面把一个新词写进临时词典，比较添加前后的分词。
#
# A dictionary file is UTF-8 text, one `word frequency tag` per line. Pass your file to
# `analysis.Tokenizer(user_dicts=[...])` (or list it in the `ANALYSIS_USER_DICTS` environment
# variable); to make it the project's, add the line to a file in `analysis/resources/dict/`. Below,
# a new word goes into a temporary dictionary and the cuts before and after are compared.

# %%
word = NEW_WORD or candidates["word"].iloc[0]
entry = candidates.set_index("word")["entry"].get(word, f"{word} 1000 nz")
my_dict = Path(tempfile.mkdtemp(prefix="user-dict-")) / "my_words.txt"
my_dict.write_text(entry + "\n", encoding="utf-8")
with_entry = analysis.Tokenizer(user_dicts=[*user_dicts, my_dict])
print(my_dict.read_text(encoding="utf-8"))

# %%
tokens_after = analysis.tokens(articles, tokenizer=with_entry)
pd.DataFrame(
    {
        "tokens": [len(tokens), len(tokens_after)],
        f"“{word}” as one token": [
            int((tokens["token"] == word).sum()),
            int((tokens_after["token"] == word).sum()),
        ],
        "cut": [" / ".join(tokenizer.cut(word)), " / ".join(with_entry.cut(word))],
    },
    index=["before 添加前", "after 添加后"],
)

# %%
shutil.rmtree(my_dict.parent)  # (the demo's dictionary: the tokens are cut)
explore.kwic(tokens_after, word, by="tokens", window=6)
