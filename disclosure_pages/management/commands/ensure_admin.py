"""Create the first administrator for `make run`, printing the login once.

With ``--role-users`` it also creates one demo user per role (信息编辑 editor,
保密审查员 reviewer, 审核签发人 approver, 网站管理员 webmaster) sharing the printed
password, so that the whole review workflow can be tried at once.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from ...moderation.roles import APPROVERS, EDITORS, REVIEWERS, WEBMASTERS

ROLE_USERS = {"editor": EDITORS, "reviewer": REVIEWERS, "approver": APPROVERS, "webmaster": WEBMASTERS}


class Command(BaseCommand):
    help = "Create an 'admin' superuser with a random password if the site has no superuser yet."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--role-users", action="store_true", help="also create one demo user per role")
        parser.add_argument(
            "--role-user",
            action="append",
            default=[],
            metavar="USERNAME=GROUP",
            help="with --role-users, one more demo user in another app's group (repeatable)",
        )
        parser.add_argument("--admin-url", default="", help="the admin's address to print (default: WAGTAILADMIN_BASE_URL)")

    def handle(
        self, *args, username: str, role_users: bool = False, role_user: list[str] = (), admin_url: str = "", **options
    ):
        User = get_user_model()
        url = admin_url or f"{getattr(settings, 'WAGTAILADMIN_BASE_URL', 'http://127.0.0.1:8000').rstrip('/')}/admin/"
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                f"管理员账号已存在（admin account exists）: {url} "
                f"— reset with: python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        created_roles = []
        if role_users:
            extra = dict(item.split("=", 1) for item in role_user if "=" in item)
            for name, group in {**ROLE_USERS, **extra}.items():
                if not User.objects.filter(username=name).exists():
                    user = User.objects.create_user(username=name, email="", password=password)
                    user.groups.add(*Group.objects.filter(name=group))
                    created_roles.append(f"{name}（{group}）")
        self.stdout.write(self.style.SUCCESS("管理员账号已创建（admin account created）:"))
        self.stdout.write(f"  URL:      {url}\n  用户名:   {username}\n  密码:     {password}")
        if created_roles:
            self.stdout.write(f"  角色用户（同一密码）: {', '.join(created_roles)}")
        self.stdout.write("  (shown once; store it now)")
