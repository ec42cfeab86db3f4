import io

import pytest
from django.core.management import call_command

from disclosure_pages.moderation.permissions import is_confidentiality_reviewer


@pytest.mark.django_db
def test_admin_and_role_users_are_created_once(django_user_model):
    out = io.StringIO()
    call_command("ensure_admin", "--role-users", stdout=out)
    assert "密码" in out.getvalue()
    assert django_user_model.objects.filter(is_superuser=True).count() == 1
    assert is_confidentiality_reviewer(django_user_model.objects.get(username="reviewer"))
    again = io.StringIO()
    call_command("ensure_admin", "--role-users", stdout=again)
    assert "已存在" in again.getvalue() and "密码:" not in again.getvalue()
    assert django_user_model.objects.count() == 5


@pytest.mark.django_db
def test_another_apps_role_user_is_created_in_its_group(django_user_model):
    call_command("ensure_admin", "--role-users", "--role-user", "handler=信息公开申请办理人", stdout=io.StringIO())
    handler = django_user_model.objects.get(username="handler")
    assert list(handler.groups.values_list("name", flat=True)) == ["信息公开申请办理人"]
    assert handler.has_perm("disclosure_applications.change_application")


@pytest.mark.django_db
def test_the_logins_name_the_address_the_server_listens_on():
    out = io.StringIO()
    call_command("ensure_admin", "--role-users", "--admin-url", "http://127.0.0.1:8123/admin/", stdout=out)
    assert "URL:      http://127.0.0.1:8123/admin/" in out.getvalue()
