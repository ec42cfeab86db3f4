from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Commands that measure the add-on on the host's database; installed by the dev and test settings."""

    name = "benchmarks"
    verbose_name = "Benchmarks"
