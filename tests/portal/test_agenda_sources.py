"""The agenda takes what every app schedules: a second source's items are merged in time
order into the agenda page, its iCalendar feeds and the printed programme."""

from datetime import date, time

import pytest
from django.template import engines

from roseraie_portal import agenda
from roseraie_portal.agenda import AgendaItem, AgendaQuery
from roseraie_portal.content_language import ShownText
from tests.permanences.factories import PermanenceFactory
from tests.services.factories import LieuFactory

pytestmark = pytest.mark.django_db


class WorkshopSource:
    """What an app such as ateliers registers: here, one session a day at one place."""

    label = "Ateliers"

    def __init__(self, lieu, days):
        self.lieu, self.days = lieu, days

    def _item(self, day):
        return AgendaItem(
            kind="atelier",
            uid=f"atelier-{day:%Y%m%d}@test",
            date=day,
            start_time=time(10),
            end_time=time(11),
            title=ShownText(f"Atelier numérique du {day:%d}", "fr"),
            pictogram="numerique",
            legend="Numérique",
            lieu=self.lieu,
            url="/ateliers/",
            description="Un atelier.",
            template=engines["django"].from_string("<p><bdi>{{ item.title }}</bdi></p>"),
            obj=None,
        )

    def items(self, query: AgendaQuery):
        last = query.last_day or date.max
        return [self._item(day) for day in self.days if query.first_day <= day <= last]

    def first_day(self, query):
        return min((day for day in self.days if day >= query.first_day), default=None)

    def lieu_ids(self):
        return type(self.lieu).objects.filter(pk=self.lieu.pk).values("pk")


@pytest.fixture
def workshops(monkeypatch, clock):
    clock("2026-11-24 08:00")
    lieu = LieuFactory(name="Maison des ateliers")
    source = WorkshopSource(lieu, [date(2026, 11, 25), date(2026, 11, 27)])
    monkeypatch.setitem(agenda._sources, "atelier", source)
    return source


def test_the_agenda_page_merges_every_source_in_time_order(client, workshops):
    PermanenceFactory(date=date(2026, 11, 26), start_time=time(14), end_time=time(17))

    response = client.get("/agenda/")

    kinds = [item.kind for day in response.context["days"] for item in day["items"]]
    assert kinds == ["atelier", "permanence", "atelier"]
    assert "Atelier numérique du 25" in response.content.decode()
    places = dict(response.context["form"].fields["lieu"].widget.choices)
    assert places[workshops.lieu.slug] == "Maison des ateliers"


def test_the_feeds_and_the_programme_carry_the_other_sources_items(client, workshops):
    feed = client.get("/agenda.ics").content.decode()
    programme = client.get("/agenda/imprimer/", {"mois": "2026-11"})

    assert "UID:atelier-20261125@test" in feed
    assert "SUMMARY:Atelier numérique du 27" in feed
    assert [item.kind for day in programme.context["days"] for item in day["items"]] == [
        "atelier",
        "atelier",
    ]
    assert {"pictogram": "numerique", "label": "Numérique"} in programme.context["legend"]


def test_an_empty_period_points_to_the_first_day_any_source_has(client, workshops):
    response = client.get("/agenda/", {"du": "2026-11-28"})

    assert response.context["days"] == []
    assert response.context["next_day"] is None  # nothing after the 27th in any source
    workshops.days.append(date(2027, 2, 2))
    assert client.get("/agenda/", {"du": "2026-11-28"}).context["next_day"] == date(2027, 2, 2)
