"""The next permanences, on each service page and on the home page."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from permanences.selectors.schedule import next_permanences, upcoming_permanences
from tests.permanences.factories import PermanenceFactory
from tests.services.factories import LieuFactory, ServiceFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db


def _in_days(days: int):
    return timezone.localdate() + timedelta(days=days)


def _section(html: str, heading_id: str) -> str:
    match = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    assert match, f"no section {heading_id}"
    return match.group(1)


def test_service_page_shows_its_next_three_permanences_soonest_first(client, directory):
    service = directory["allocations"]
    for days in (9, 2, 5, 30):
        PermanenceFactory(service=service, date=_in_days(days), theme_label=f"Thème {days}")
    PermanenceFactory(service=service, date=_in_days(-1), theme_label="Passée")
    PermanenceFactory(service=directory["ameli"], date=_in_days(1), theme_label="Autre service")

    response = client.get("/services/allocations/")

    section = _section(response.content.decode(), "permanences")
    assert "Prochaines permanences" in section
    themes = re.findall(r"Thème \d+|Passée|Autre service", section)
    assert themes == ["Thème 2", "Thème 5", "Thème 9"]
    assert 'href="/agenda/"' in section


def test_permanence_says_when_where_and_how_in_words(client, directory):
    lieu = LieuFactory(name="Bibliothèque de La Roseraie", address="3 rue Henri-Bergson")
    day = _in_days(3)
    PermanenceFactory(
        service=directory["allocations"],
        lieu=lieu,
        date=day,
        start_time=time(9, 30),
        end_time=time(12),
        appointment_required=True,
        languages=["fr", "ar"],
    )

    section = _section(page_text(client.get("/services/allocations/")), "permanences")

    weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    assert f"{weekdays[day.weekday()]} {day.day} " in section
    assert "de 9 h 30 à 12 h<" in section
    assert f'datetime="{day.isoformat()}T09:30"' in section
    assert "Bibliothèque de La Roseraie" in section and "3 rue Henri-Bergson" in section
    assert "Sur rendez-vous." in section
    assert "français, arabe" in section


def test_cancelled_permanence_is_struck_through_with_its_reason(client, directory):
    PermanenceFactory(service=directory["allocations"], cancelled_for_illness=True)

    section = _section(page_text(client.get("/services/allocations/")), "permanences")

    assert "<s><time" in section
    assert re.search(r"<strong>Annulée\.</strong>\s*Raison : Conseiller malade", section)


def test_service_page_without_permanences_has_no_section(client, directory):
    html = client.get("/services/allocations/").content.decode()

    assert "Prochaines permanences" not in html


def test_home_page_shows_upcoming_permanences_with_their_service_and_the_agenda(client, directory):
    PermanenceFactory(service=directory["impots"], date=_in_days(1), theme_label="Impôts")
    PermanenceFactory(service=directory["ameli"], date=_in_days(2), cancelled_for_illness=True)
    hidden = ServiceFactory(is_published=False, name="Service pas encore publié")
    PermanenceFactory(service=hidden, date=_in_days(1))

    section = _section(client.get("/").content.decode(), "home-permanences")

    assert "Prochaines permanences" in section
    assert "Impôts" in section
    assert 'href="/services/impots/"' in section
    assert "Conseiller malade" in section
    assert "Service pas encore publié" not in section
    assert 'href="/agenda/"' in section


def test_home_page_says_when_nothing_is_planned(client, db):
    section = _section(client.get("/").content.decode(), "home-permanences")

    assert "Aucune permanence n’est prévue pour le moment." in section
    assert 'href="/agenda/"' in section


def test_a_permanence_over_today_is_no_longer_next():
    service = ServiceFactory()
    now = timezone.make_aware(datetime.combine(_in_days(0), time(15)))
    PermanenceFactory(
        service=service, date=now.date(), start_time=time(9), end_time=time(12), theme_label="Finie"
    )
    PermanenceFactory(
        service=service,
        date=now.date(),
        start_time=time(14),
        end_time=time(17),
        theme_label="En cours",
    )

    themes = [p.theme_label for p in next_permanences(service=service, now=now)]

    assert themes == ["En cours"]
    assert [p.theme_label for p in upcoming_permanences(now=now)] == ["En cours"]
