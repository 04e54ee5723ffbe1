"""The schedule in the admin, for coordinators, and the log they read there."""

from datetime import date, time

import pytest
from django.utils import timezone

from permanences.actions.schedule import expand_rule
from permanences.models import Permanence, PermanenceRule
from roseraie_portal import roles
from tests.factories import SchoolHolidayFactory
from tests.permanences.factories import (
    AccompagnementFactory,
    PermanenceFactory,
    PermanenceRuleFactory,
)
from tests.services.factories import LieuFactory, ServiceFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/permanences"


@pytest.fixture
def admin_client(client, coordinator):
    client.force_login(coordinator)
    return client


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def _rule_data(service, lieu, **overrides):
    data = {
        "service": service.pk,
        "lieu": lieu.pk,
        "theme_label": "CAF",
        "thematique": "",
        "rrule": "FREQ=WEEKLY;BYDAY=TU",
        "starts_on": "2026-09-01",
        "ends_on": "2026-09-30",
        "start_time": "14:00",
        "end_time": "17:00",
        "languages": "fr,ar",
    }
    return {**data, **overrides}


def _permanence_data(permanence, **overrides):
    data = {
        "service": permanence.service_id,
        "lieu": permanence.lieu_id,
        "theme_label": permanence.theme_label,
        "thematique": "",
        "date": permanence.date.isoformat(),
        "start_time": permanence.start_time.strftime("%H:%M"),
        "end_time": permanence.end_time.strftime("%H:%M"),
        "languages": "",
    }
    return {**data, **overrides}


@pytest.mark.parametrize(
    "url",
    [
        f"{ADMIN}/permanencerule/",
        f"{ADMIN}/permanencerule/add/",
        f"{ADMIN}/permanence/",
        f"{ADMIN}/permanence/add/",
        f"{ADMIN}/permanence/?lieu__itinerant__exact=1&cancelled__exact=1",
        "/admin/roseraie_portal/schoolholiday/",
        "/admin/roseraie_portal/schoolholiday/add/",
        f"{ADMIN}/accompagnement/",
        f"{ADMIN}/accompagnement/?canal__exact=bus-mairie",
    ],
)
def test_coordinator_opens_the_schedule_and_the_log(admin_client, url):
    rule = PermanenceRuleFactory(starts_on=date(2026, 9, 1), ends_on=date(2026, 9, 30))
    expand_rule(rule=rule)
    PermanenceFactory(cancelled_for_illness=True, lieu=LieuFactory(bus_stop=True))
    SchoolHolidayFactory()
    AccompagnementFactory()

    assert admin_client.get(url).status_code == 200


def test_change_forms_open(admin_client):
    rule = PermanenceRuleFactory()
    permanence = PermanenceFactory(rule=rule)

    assert admin_client.get(f"{ADMIN}/permanencerule/{rule.pk}/change/").status_code == 200
    assert admin_client.get(f"{ADMIN}/permanence/{permanence.pk}/change/").status_code == 200


def test_saving_a_rule_creates_its_dates_and_says_how_many(admin_client):
    service, lieu = ServiceFactory(), LieuFactory()

    response = admin_client.post(
        f"{ADMIN}/permanencerule/add/", _rule_data(service, lieu), follow=True
    )

    assert response.status_code == 200
    assert "5 dates créées." in _messages(response)
    rule = PermanenceRule.objects.get()
    assert rule.occurrences.count() == 5
    assert rule.occurrences.first().languages == ["fr", "ar"]


@pytest.mark.parametrize(
    "overrides, error",
    [
        ({"rrule": "tous les mardis"}, "n’est pas comprise"),
        ({"rrule": "FREQ=MINUTELY"}, "au plus une fois par jour"),
        ({"start_time": "18:00"}, "Le début doit précéder la fin."),
        ({"ends_on": "2026-08-01"}, "La première date doit précéder la dernière."),
        ({"starts_on": "pas une date"}, "Saisissez une date valide."),
    ],
)
def test_bad_rule_comes_back_with_a_french_error_and_no_dates(admin_client, overrides, error):
    service, lieu = ServiceFactory(), LieuFactory()

    response = admin_client.post(
        f"{ADMIN}/permanencerule/add/", _rule_data(service, lieu, **overrides)
    )

    assert response.status_code == 200
    assert error in response.content.decode()
    assert not PermanenceRule.objects.exists()
    assert not Permanence.objects.exists()


def test_occurrence_changed_in_the_admin_survives_a_rule_change(admin_client):
    year = timezone.localdate().year + 1
    rule = PermanenceRuleFactory(starts_on=date(year, 9, 1), ends_on=date(year, 9, 30))
    expand_rule(rule=rule)
    occurrence = rule.occurrences.order_by("date").first()
    admin_client.post(
        f"{ADMIN}/permanence/{occurrence.pk}/change/",
        _permanence_data(occurrence, start_time="15:00"),
    )

    response = admin_client.post(
        f"{ADMIN}/permanencerule/{rule.pk}/change/",
        _rule_data(
            rule.service,
            rule.lieu,
            rrule="FREQ=WEEKLY;BYDAY=TH",
            starts_on=rule.starts_on.isoformat(),
            ends_on=rule.ends_on.isoformat(),
        ),
        follow=True,
    )

    occurrence.refresh_from_db()
    assert occurrence.start_time == time(15)
    assert occurrence.changed_by_hand
    messages = " ".join(_messages(response))
    assert "Gardées car annulées ou modifiées à la main" in messages
    assert rule.occurrences.filter(date__week_day=3).count() == 1  # only the hand-made Tuesday


def test_cancelling_in_the_change_form_needs_a_reason(admin_client):
    permanence = PermanenceFactory()
    url = f"{ADMIN}/permanence/{permanence.pk}/change/"

    response = admin_client.post(url, _permanence_data(permanence, cancelled="on"))

    assert response.status_code == 200
    assert response.content.decode().count("Dites pourquoi la permanence est annulée.") == 1
    permanence.refresh_from_db()
    assert permanence.cancelled is False

    admin_client.post(
        url, _permanence_data(permanence, cancelled="on", cancellation_reason="Grève")
    )
    permanence.refresh_from_db()
    assert (permanence.cancelled, permanence.cancellation_reason) == (True, "Grève")


def test_cancel_action_needs_a_reason(admin_client):
    permanence = PermanenceFactory()
    data = {"action": "cancel_selected", "_selected_action": [permanence.pk]}

    refused = admin_client.post(f"{ADMIN}/permanence/", {**data, "reason": " "}, follow=True)

    assert "Dites pourquoi la permanence est annulée." in _messages(refused)
    permanence.refresh_from_db()
    assert permanence.cancelled is False

    done = admin_client.post(
        f"{ADMIN}/permanence/", {**data, "reason": "Bus en panne"}, follow=True
    )

    assert "1 permanence annulée." in _messages(done)
    permanence.refresh_from_db()
    assert (permanence.cancelled, permanence.cancellation_reason) == (True, "Bus en panne")


def test_duplicate_action_copies_the_bus_tour_to_next_month(admin_client):
    stop = LieuFactory(bus_stop=True)
    tour = [
        PermanenceFactory(lieu=stop, date=date(2026, 12, 8), theme_label="Impôts"),
        PermanenceFactory(lieu=stop, date=date(2026, 12, 29), theme_label="CAF"),  # 5th Tuesday
    ]

    response = admin_client.post(
        f"{ADMIN}/permanence/",
        {"action": "duplicate_to_next_month", "_selected_action": [p.pk for p in tour]},
        follow=True,
    )

    messages = _messages(response)
    assert "1 permanence copiée vers janvier 2027." in messages
    assert any("pas de cinquième mardi" in message for message in messages)
    copy = Permanence.objects.get(date__year=2027)
    assert (copy.date, copy.theme_label) == (date(2027, 1, 12), "Impôts")


def test_duplicate_action_says_when_no_bus_stop_is_selected(admin_client):
    fixed = PermanenceFactory(date=date(2026, 12, 8))

    response = admin_client.post(
        f"{ADMIN}/permanence/",
        {"action": "duplicate_to_next_month", "_selected_action": [fixed.pk]},
        follow=True,
    )

    assert "Aucune permanence choisie n’a lieu à un arrêt du Bus Mairie." in _messages(response)
    assert Permanence.objects.count() == 1


def test_accompaniment_log_is_read_only_in_the_admin(admin_client):
    entry = AccompagnementFactory(note="Dossier CAF à finir.")
    url = f"{ADMIN}/accompagnement/{entry.pk}/change/"

    page = admin_client.get(url)

    assert page.status_code == 200
    html = page.content.decode()
    assert "Dossier CAF à finir." in html
    assert "Papiers, élections, citoyenneté" in html
    assert 'name="_save"' not in html
    assert admin_client.get(f"{ADMIN}/accompagnement/add/").status_code == 403
    assert admin_client.post(url, {"note": "changé"}).status_code == 403
    entry.refresh_from_db()
    assert entry.note == "Dossier CAF à finir."


def test_expand_action_creates_missing_dates_and_reports_a_rule_that_does_not_parse(
    admin_client,
):
    good = PermanenceRuleFactory(starts_on=date(2026, 9, 1), ends_on=date(2026, 9, 30))
    bad = PermanenceRuleFactory(rrule="chaque mardi")

    response = admin_client.post(
        f"{ADMIN}/permanencerule/",
        {"action": "expand_selected", "_selected_action": [good.pk, bad.pk]},
        follow=True,
    )

    assert response.status_code == 200
    messages = _messages(response)
    assert "5 dates créées." in messages
    assert any("n’est pas comprise" in message for message in messages)
    assert good.occurrences.count() == 5
    assert not bad.occurrences.exists()


def test_a_permanence_offers_only_active_conseillers_and_coordinators(admin_client, make_user):
    conseiller = make_user(roles.CONSEILLER)
    partner = make_user(roles.PARTENAIRE)
    gone = make_user(roles.CONSEILLER, is_active=False)

    response = admin_client.get(f"{ADMIN}/permanence/add/")

    offered = set(response.context["adminform"].form.fields["conseillers"].queryset)
    assert conseiller in offered
    assert not {partner, gone} & offered
