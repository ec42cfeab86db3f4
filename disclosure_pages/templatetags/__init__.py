"""Template tags of the public disclosure pages (``{% load disclosure_tags %}``)."""
