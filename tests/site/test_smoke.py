import pytest

from disclosure_pages.models import CatalogEntryPage
from tests import factories


@pytest.mark.django_db
def test_publishing_an_entry_assigns_an_index_number(catalog, client):
    page = factories.entry(catalog)
    assert page.index_number == "003110926/2024-00001"
    response = client.get(page.url)
    assert response.status_code == 200
    assert CatalogEntryPage.objects.live().count() == 1
