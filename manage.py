#!/usr/bin/env python
"""Django's command-line utility. The host project lives in site/hostsite, the search app in search/."""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    root = Path(__file__).resolve().parent
    sys.path[:0] = [str(root / "site"), str(root / "search")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hostsite.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
