"""Government information disclosure (政府信息公开) content types for Wagtail."""
