import re

import pytest

pytestmark = pytest.mark.django_db


def month_input(html: str) -> str:
    return re.search(r'<input[^>]*name="mois"[^>]*>', html).group(0)


@pytest.mark.parametrize("url", ["/ateliers/", "/agenda/imprimer/"])
def test_a_month_badly_typed_is_kept_in_a_text_box_beside_its_error(client, url):
    response = client.get(url, {"mois": "demain"})

    assert response.status_code == 400
    html = response.content.decode()
    box = month_input(html)
    assert 'type="text"' in box and 'value="demain"' in box
    assert "min=" not in box and "max=" not in box
    assert "Écrivez le mois sous la forme année-mois" in html


@pytest.mark.parametrize("url", ["/ateliers/", "/agenda/imprimer/"])
def test_a_month_stays_a_month_input(client, url):
    response = client.get(url, {"mois": "2027-01"})

    assert response.status_code == 200
    box = month_input(response.content.decode())
    assert 'type="month"' in box and 'value="2027-01"' in box
