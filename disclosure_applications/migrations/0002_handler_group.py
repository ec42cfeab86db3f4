"""The handlers' group (信息公开申请办理人) with the register's permissions.

Self-contained: names and codenames are written here, not imported, so that this
migration means the same thing forever. Webmasters add people to the group and assign
each to the bodies they handle (设置 › 申请办理人员).
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

GROUP = "信息公开申请办理人"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("disclosure_applications", "application", "add_application"),
    ("disclosure_applications", "application", "change_application"),
    ("disclosure_applications", "application", "view_application"),
]
WEBMASTER_GROUP = "网站管理员"
WEBMASTER_PERMISSIONS = [
    (model, f"{action}_{model}")
    for model in ("calendarday", "scheduleyear", "officehandler")
    for action in ("add", "change", "delete", "view")
]


def forwards(apps, schema_editor):
    for config in apps.get_app_configs():
        config.models_module = True
        create_contenttypes(config, apps=apps, verbosity=0)
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    handlers, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, _model, codename in PERMISSIONS:
        handlers.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    webmasters = Group.objects.filter(name=WEBMASTER_GROUP).first()
    if webmasters is not None:
        for _model, codename in WEBMASTER_PERMISSIONS:
            webmasters.permissions.add(
                Permission.objects.get(content_type__app_label="disclosure_applications", codename=codename)
            )


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_applications", "0001_initial"),
        ("disclosure_pages", "0006_roles_and_workflow"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
