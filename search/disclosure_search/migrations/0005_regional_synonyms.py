"""Starting synonyms for words each region says differently (Taiwan 記者會 for 新闻发布会).

OpenCC converts script and most vocabulary, but not every regional word: these groups let
a reader in one region find what another region wrote. Webmasters may edit or delete them.
"""

from django.db import migrations

SYNONYMS = [
    "新闻发布会，记者会",
]


def forwards(apps, schema_editor):
    SearchSynonym = apps.get_model("disclosure_search", "SearchSynonym")
    for terms in SYNONYMS:
        SearchSynonym.objects.get_or_create(terms=terms)


def backwards(apps, schema_editor):
    apps.get_model("disclosure_search", "SearchSynonym").objects.filter(terms__in=SYNONYMS).delete()


class Migration(migrations.Migration):
    dependencies = [("disclosure_search", "0004_postgres_engine")]

    operations = [migrations.RunPython(forwards, backwards)]
