"""Groups for the four roles and the default workflow 信息公开发布审核 (保密审查 → 审核签发).

Permissions and content types are normally created after migrations; they are created
here first so that a fresh database gets complete groups in one ``migrate``.
"""

import swapper
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.conf import settings
from django.db import migrations


def forwards(apps, schema_editor):
    from disclosure_pages.moderation.roles import setup_default_workflow, setup_roles

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    groups = setup_roles(apps)
    workflow = setup_default_workflow(apps, groups)
    # Existing portals get the workflow (new ones get it when created, see moderation/workflow.py).
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model(*swapper.get_model_name("wagtailcore", "Page").split("."))
    portal_type = ContentType.objects.filter(app_label="disclosure_pages", model="disclosureportalpage").first()
    if portal_type is not None:
        for page in Page.objects.filter(content_type=portal_type):
            WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_pages", "0005_review_triggers"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
