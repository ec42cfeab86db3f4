"""The search benchmark behind ``manage.py bench_search``: synthetic catalog entries in bulk,
bulk indexing and timed queries, on a throwaway database (see :mod:`.portal`).

Modules: :mod:`.vocabulary` and :mod:`.seeds` (text), :mod:`.content` (one entry's
fields), :mod:`.portal` (the benchmark's portal, its cleanup and the refusal to run
beside real content), :mod:`.entries` (bulk creation), :mod:`.indexing`, :mod:`.queries`.
"""
