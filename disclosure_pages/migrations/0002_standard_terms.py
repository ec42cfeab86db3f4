"""Load the standard terms of the six classification dimensions (taxonomy/standard_terms.json)."""

from django.db import migrations


def load(apps, schema_editor):
    from disclosure_pages.taxonomy.standard_terms import load_standard_terms

    load_standard_terms(apps.get_model("disclosure_pages", "ClassificationTerm"))


class Migration(migrations.Migration):
    dependencies = [("disclosure_pages", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
