"""People for tests: users in the roles' groups, and clients logged in as them."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client


def person(django_user_model=None, username: str = "", *group_names: str, superuser: bool = False):
    """A user in ``group_names`` (role names from moderation.roles); a superuser if asked."""
    model = django_user_model or get_user_model()
    make = model.objects.create_superuser if superuser else model.objects.create_user
    user = make(username, f"{username}@example.gov.cn", "pw-for-tests-only", first_name=username, last_name="测")
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


def client_for(client_class, user) -> Client:
    client = client_class()
    client.force_login(user)
    return client
