"""Starting synonyms, and permission for the 网站管理员 group to maintain the vocabulary."""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

SYNONYMS = [
    "信息公开，政务公开",
    "低保，最低生活保障",
    "年报，年度报告",
    "依申请公开，申请公开",
    "复议，行政复议",
]


def forwards(apps, schema_editor):
    SearchSynonym = apps.get_model("disclosure_search", "SearchSynonym")
    for terms in SYNONYMS:
        SearchSynonym.objects.get_or_create(terms=terms)
    app_config = apps.get_app_config("disclosure_search")
    app_config.models_module = True
    create_contenttypes(app_config, apps=apps, verbosity=0)
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    webmasters = Group.objects.filter(name="网站管理员").first()
    if webmasters is not None:
        webmasters.permissions.add(*Permission.objects.filter(content_type__app_label="disclosure_search"))


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_search", "0001_vocabulary"),
        ("disclosure_pages", "0006_roles_and_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
