"""Signals of the moderation package, for the parts that follow a publication."""

from django.dispatch import Signal

# Sent after a disclosure page's content was saved live with the guard's approval (the
# page row, its specific row and its child rows are all written), inside the same
# transaction. Arguments: ``page`` (the specific page), ``review`` (the approval that
# let it through, or None for an alias), ``fingerprint`` (of the content now live), and
# ``new`` (optional, True when the page was created by this publication: a bulk import).
content_published = Signal()

# Sent once when a bulk publication (an import) has published and indexed its pages, inside
# its transaction. Arguments: ``count`` (pages published). The search index merges itself
# after a large one.
bulk_published = Signal()
