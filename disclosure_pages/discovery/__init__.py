"""How citizens' tools find the portal: ``sitemap.xml``, ``robots.txt`` and feeds of new catalog entries.

Each lists only what citizens may see (:func:`disclosure_pages.visibility.visible`), in every
language, and is served from the public cache like the pages it lists.
"""
