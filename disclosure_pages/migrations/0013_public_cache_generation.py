"""The public cache's content generation: one row, bumped by the triggers public_cache installs after migrate."""

import secrets

from django.db import migrations, models


def first_generation(apps, schema_editor):
    apps.get_model("disclosure_pages", "ContentGeneration").objects.using(schema_editor.connection.alias).create(
        pk=1, value=0, token=secrets.token_hex(16)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_pages", "0012_names_in_three_languages"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentGeneration",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("value", models.BigIntegerField(default=0, verbose_name="内容版本")),
                ("token", models.CharField(default="", max_length=32, verbose_name="版本标识")),
            ],
            options={
                "verbose_name": "公开内容版本",
                "verbose_name_plural": "公开内容版本",
                "db_table": "disclosure_pages_public_cache_generation",
            },
        ),
        migrations.RunPython(first_generation, migrations.RunPython.noop),
    ]
