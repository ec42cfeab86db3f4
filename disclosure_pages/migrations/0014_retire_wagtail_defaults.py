"""Retire what a fresh Wagtail database starts with and the add-on replaces.

Wagtail's first migrations create the groups Editors and Moderators (Moderators may publish
anywhere) and the workflow "Moderators approval" on the tree's root. The add-on's roles and its
review workflow (0006) replace them: a webmaster saw both sets side by side. Removed only while
unused: a group with members stays, and so does a workflow that ever moderated a page. The
root's pages then follow the add-on's review workflow.
"""

from django.db import migrations

WAGTAIL_GROUPS = ("Editors", "Moderators")
WAGTAIL_WORKFLOW = "Moderators approval"
REVIEW_WORKFLOW = "信息公开发布审核"  # disclosure_pages.moderation.roles.WORKFLOW_NAME, as of 0006


def retire(apps, schema_editor):
    db = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")

    review = Workflow.objects.using(db).filter(name=REVIEW_WORKFLOW).first()
    for workflow in Workflow.objects.using(db).filter(name=WAGTAIL_WORKFLOW):
        if WorkflowState.objects.using(db).filter(workflow=workflow).exists():
            continue
        task_ids = list(WorkflowTask.objects.using(db).filter(workflow=workflow).values_list("task_id", flat=True))
        pages = list(WorkflowPage.objects.using(db).filter(workflow=workflow).values_list("page_id", flat=True))
        WorkflowPage.objects.using(db).filter(workflow=workflow).delete()
        if review is not None:
            for page_id in pages:
                WorkflowPage.objects.using(db).get_or_create(page_id=page_id, defaults={"workflow": review})
        WorkflowTask.objects.using(db).filter(workflow=workflow).delete()
        workflow.delete()
        for task in Task.objects.using(db).filter(pk__in=task_ids):
            used = WorkflowTask.objects.using(db).filter(task=task).exists()
            if not used and not TaskState.objects.using(db).filter(task=task).exists():
                task.delete()
    Group.objects.using(db).filter(name__in=WAGTAIL_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_pages", "0013_public_cache_generation"),
    ]

    operations = [migrations.RunPython(retire, migrations.RunPython.noop)]
