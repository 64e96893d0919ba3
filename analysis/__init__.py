"""Chinese newspaper text-analytics workbench.

Data flows one way, one module per stage, each taking and returning DataFrames::

    pages --ingest/layout--> articles --tokenize--> tokens --> keywords / topics / quantities --> viz

    import analysis
    articles = analysis.load_articles()            # data/raw/*.txt -> one row per article
    tokens = analysis.tokens(articles)             # one row per token, with POS and offsets
    analysis.keywords(tokens, method="keyphrase")  # article_id, keyword, score, rank, method
    analysis.assign_topics(articles)               # article_id, topic, score, top_terms
    analysis.quantities(articles)                  # the figures quoted in the text, with provenance
"""

from __future__ import annotations

import importlib
import sys
import types

__version__ = "0.1.0"

# Public name -> module. Imported lazily so `import analysis` stays fast and light
# (jieba, scikit-learn and matplotlib load only when a stage that needs them is used).
_EXPORTS = {
    "Page": "ingest",
    "PageError": "ingest",
    "read_page": "ingest",
    "parse_page": "layout",
    "check_conservation": "layout",
    "load_articles": "layout",
    "load_paragraphs": "layout",
    "load_unplaced": "layout",
    "OverrideError": "overrides",
    "split_sentences": "sentences",
    "sentences": "sentences",
    "Tokenizer": "tokenize",
    "tokens": "tokenize",
    "default_tokenizer": "tokenize",
    "kwic": "explore",
    "term_frequencies": "explore",
    "doc_frequencies": "explore",
    "discover_words": "explore",
    "keywords": "keywords",
    "bind_tf_idf": "keywords",
    "TopicModel": "topics",
    "assign_topics": "topics",
    "match_clusters": "topics",
    "article_map": "topics",
    "similarity_matrix": "topics",
    "load_lexicon": "topics",
    "quantities": "quantities",
    "cjk_font_path": "fonts",
    "use_cjk_font": "fonts",
    "load_chart_specs": "viz",
    "render_chart": "viz",
    "build_figures": "figures",
    "Corpus": "corpus",
    "CorpusError": "corpus",
    "StreamingTopics": "stream",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        module = importlib.import_module(f".{_EXPORTS[name]}", __name__)
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)


class _Package(types.ModuleType):
    """Keeps public functions that share a name with their module (keywords, quantities,
    sentences) from being replaced by the module when Python imports the submodule."""

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and _EXPORTS.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
