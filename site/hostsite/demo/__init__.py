"""Demo content for ``manage.py load_demo``: data modules plus the builder that loads them.

The figures, names and prose are illustrative. Facts taken from public documents (organisations,
document numbers, dates, statistics) are restated in our own words; no source text is copied.
"""
