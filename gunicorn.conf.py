"""gunicorn's configuration for the portal: ``gunicorn -c gunicorn.conf.py`` from the repository.

Threads serve citizens while a worker waits on the database or the cache; workers use the
cores. Each setting can be changed from the environment (the README's production section).
"""

import os

wsgi_app = "hostsite.wsgi:application"
pythonpath = ".,site,search"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", str(os.cpu_count() or 1)))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))  # recycles a worker that grows
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
