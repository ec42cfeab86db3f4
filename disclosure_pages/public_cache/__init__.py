"""The public page cache: what citizens read is served from the cache until anything it shows changes.

Every change a citizen could see (a page going live or offline, its text, its child rows, a
view restriction, a file, a term, the site's settings) bumps one content generation in the
database, inside the transaction that makes the change, through database triggers
(:mod:`.triggers`); so no path (admin, command, ORM, raw SQL) can change what citizens see
without it. Cached copies are keyed by that generation (:mod:`.store`), and a copy made
before the change is never found again once the change commits.
"""
