from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo portal of the host project: content only, no models; ``manage.py load_demo``."""

    name = "hostsite.demo"
    label = "disclosure_demo"
    verbose_name = "演示门户"
