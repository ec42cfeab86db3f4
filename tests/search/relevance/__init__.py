"""A hand-judged relevance set for the public search (see :mod:`tests.search.relevance.cases`)."""
