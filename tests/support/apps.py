from django.apps import AppConfig


class TestSupportConfig(AppConfig):
    """Test-only commands (listed first in the test settings so that they win)."""

    name = "tests.support"
    label = "disclosure_test_support"
