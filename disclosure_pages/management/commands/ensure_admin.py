"""Create the first administrator for `make run`, printing the login once."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an 'admin' superuser with a random password if the site has no superuser yet."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username: str, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "管理员账号已存在（admin account exists）: http://127.0.0.1:8000/admin/ "
                f"— reset with: python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS("管理员账号已创建（admin account created）:"))
        self.stdout.write(f"  URL:      http://127.0.0.1:8000/admin/\n  用户名:   {username}\n  密码:     {password}")
        self.stdout.write("  (shown once; store it now)")
