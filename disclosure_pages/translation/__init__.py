"""Translated pages: the machine translator and keeping translations in step with their source."""
