"""Names of terms and organisations in Traditional Chinese and English; English names for
the standard terms (taxonomy/standard_terms_en.json, a data file, read as it is)."""

import json
from pathlib import Path

from django.db import migrations, models

ENGLISH = Path(__file__).resolve().parents[1] / "taxonomy" / "standard_terms_en.json"


def english_names(apps, schema_editor):
    names = json.loads(ENGLISH.read_text("utf-8"))["names"]
    term_model = apps.get_model("disclosure_pages", "ClassificationTerm")
    terms = list(term_model.objects.filter(is_standard=True, name_en="", name__in=list(names)))
    for term in terms:
        term.name_en = names[term.name]
    term_model.objects.bulk_update(terms, ["name_en"])


class Migration(migrations.Migration):

    dependencies = [
        ('disclosure_pages', '0011_traditional_variant'),
    ]

    operations = [
        migrations.AddField(
            model_name='classificationterm',
            name='name_en',
            field=models.CharField(blank=True, help_text='留空时英文版显示中文名称。', max_length=200, verbose_name='英文名称'),
        ),
        migrations.AddField(
            model_name='classificationterm',
            name='name_hant',
            field=models.CharField(blank=True, help_text='留空时由 OpenCC 从名称转换（只转换字形）。', max_length=200, verbose_name='繁体名称'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='name_en',
            field=models.CharField(blank=True, help_text='留空时英文版显示中文名称。', max_length=200, verbose_name='英文名称'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='name_hant',
            field=models.CharField(blank=True, help_text='留空时由 OpenCC 从名称转换（只转换字形）。', max_length=200, verbose_name='繁体名称'),
        ),
        migrations.RunPython(english_names, migrations.RunPython.noop),
    ]
