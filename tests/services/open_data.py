"""What the open-data tests share: a formula hidden in a service's name, downloading an
export, and emptying the directory before importing it back."""

import csv
import io
import json

from services.models import Lieu, OpeningHours, Service, Structure

HYPERLINK = '=HYPERLINK("https://exemple.org/piege","Cliquez ici")'


def download(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def download_json(client, url) -> list[dict]:
    return json.loads(download(client, url))


def download_csv(client, url) -> list[list[str]]:
    text = download(client, url).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def delete_directory():
    Service.objects.all().delete()
    Structure.objects.all().delete()
    Lieu.objects.all().delete()
    assert not OpeningHours.objects.exists()
