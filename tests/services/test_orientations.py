"""Orientations: a professional hands a resident over to a partner's service, the
partner answers, and everyone who must know is told; nothing else sees the person."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from services import tasks
from services.actions import orientations as actions
from services.enums import DeclineReason, OrientationStatus, ThemeNumerique, TraceKind
from services.models import Orientation
from tests.factories import UserFactory
from tests.permanences.log_form import valid_post
from tests.services.factories import (
    OrientationFactory,
    ServiceFactory,
    StructureFactory,
    StructureMembershipFactory,
)
from tests.text import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

NEW = "/espace/orientations/nouvelle/"
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def world(clock):
    """The CCAS (a conseillère attached to it) orients to the CAF's "Allocations"
    service; the CAF has two accounts, one without e-mail, and a shared mailbox."""
    clock("2026-11-24 09:30")  # a Tuesday
    ccas, caf = StructureFactory(name="CCAS d’Angers"), StructureFactory(name="CAF")
    conseillere = UserFactory(conseiller=True, email="conseillere@example.org")
    StructureMembershipFactory(user=conseillere, structure=ccas)
    service = ServiceFactory(
        structure=caf,
        name="Allocations familiales",
        slug="allocations",
        orientable=True,
        orientation_email="orientations@caf.example.org",
        phone="02 41 00 00 02",
    )
    caf_agent = StructureMembershipFactory(structure=caf, user__email="agent@caf.example.org").user
    StructureMembershipFactory(structure=caf, user__email="")
    return {
        "ccas": ccas,
        "caf": caf,
        "conseillere": conseillere,
        "service": service,
        "caf_agent": caf_agent,
    }


def posted(**overrides):
    data = {
        "service": "allocations",
        "themes": [ThemeNumerique.ARGENT],
        "demarche": "caf",
        "urgency": "semaine",
        "note": "Ses droits ont été coupés en octobre, elle ne comprend pas pourquoi.",
        "already_done": "Nous avons vérifié son espace en ligne.",
        "papers": "Avis d’imposition 2025",
        "language": "ar",
        "interpreter": "on",
        "availability": "Le matin",
        "first_name": "Aïcha",
        "phone": "06 12 34 56 78",
        "email": "",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def send(client, committed, user, **overrides):
    client.force_login(user)
    with committed():
        return client.post(NEW, posted(**overrides))


# --- Sending ----------------------------------------------------------------------------


def test_a_conseillere_sends_an_orientation_with_the_persons_consent(
    client, world, committed, run_tasks
):
    response = send(client, committed, world["conseillere"])

    orientation = Orientation.objects.get()
    assert response.status_code == 302
    assert response.url == f"/espace/orientations/{orientation.pk}/"
    assert (orientation.from_structure, orientation.to_structure) == (world["ccas"], world["caf"])
    assert orientation.status == OrientationStatus.SENT
    assert orientation.phone == "06 12 34 56 78" and orientation.first_name == "Aïcha"
    assert "effacés 3 mois après la réponse" in orientation.consent_text
    assert orientation.consented_at is not None
    assert orientation.interpreter and orientation.language == "ar"
    assert [trace.kind for trace in orientation.traces.all()] == [TraceKind.SENT]

    run_tasks()
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["agent@caf.example.org", "orientations@caf.example.org"]
    message = mail.outbox[0]
    assert message.subject == "Nouvelle orientation : « Allocations familiales »"
    assert "CCAS d’Angers vous adresse une personne" in message.body
    assert f"http://127.0.0.1:8000/espace/orientations/{orientation.pk}/" in message.body
    # The e-mail names no one.
    assert "Aïcha" not in message.body and "06 12" not in message.body


def test_the_consent_is_kept_in_french_when_sent_from_an_arabic_page(client, world, committed):
    client.force_login(world["conseillere"])
    with committed():
        response = client.post("/ar" + NEW, posted())

    orientation = Orientation.objects.get()
    assert response.status_code == 302
    assert "effacés 3 mois après la réponse" in orientation.consent_text


def test_without_consent_no_name_or_contact_is_kept_and_what_was_typed_stays(
    client, world, committed
):
    response = send(client, committed, world["conseillere"], consent=None)

    assert response.status_code == 400
    assert not Orientation.objects.exists()
    page = response.content.decode()
    assert "Cochez cette case si la personne est d’accord" in page
    assert "Ses droits ont été coupés en octobre" in page
    assert 'value="06 12 34 56 78"' in page


def test_an_orientation_without_contact_needs_no_consent(client, world, committed):
    response = send(client, committed, world["conseillere"], first_name="", phone="", consent=None)

    orientation = Orientation.objects.get()
    assert response.status_code == 302
    assert not orientation.has_contact
    assert orientation.consent_text == "" and orientation.consented_at is None


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("NIR 1 84 12 76 451 089 46", "numéro de sécurité sociale"),
        ("Son numéro CAF est le 1234567", "numéro d’allocataire CAF"),
        ("Identifiant 1234567A", "identifiant France Travail"),
    ],
)
def test_the_note_refuses_the_numbers_no_partner_needs(client, world, committed, note, message):
    response = send(client, committed, world["conseillere"], note=note)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "le partenaire n’en a pas besoin" in response.content.decode()
    assert not Orientation.objects.exists()


def test_the_note_may_describe_the_situation_with_dates_and_amounts(client, world, committed):
    note = "Rendez-vous manqué le 12/03/2026 à 14h30, dette de 1 250 € depuis 2025 (49100)."

    assert send(client, committed, world["conseillere"], note=note).status_code == 302


def test_a_service_that_takes_no_orientation_cannot_be_chosen(client, world, committed):
    ServiceFactory(slug="fermé", structure=world["caf"])

    response = send(client, committed, world["conseillere"], service="fermé")

    assert response.status_code == 400
    assert "Ce service ne reçoit pas d’orientation par le portail" in response.content.decode()
    with pytest.raises(actions.NotAccepted):
        actions.send_orientation(
            sender=world["conseillere"],
            service=ServiceFactory(),
            need={"themes": [ThemeNumerique.ARGENT]},
        )


def test_the_service_page_offers_professionals_to_orient_there(client, world):
    link = f"{NEW}?service=allocations"

    assert link not in client.get("/services/allocations/").content.decode()
    client.force_login(world["conseillere"])
    assert link in client.get("/services/allocations/").content.decode()
    form = client.get(link)
    assert form.context["form"].initial["service"] == "allocations"


def test_a_reoriented_entry_of_the_log_leads_to_the_orientation_filled_in(client, world):
    client.force_login(world["conseillere"])

    response = client.post(
        "/espace/accompagnements/nouveau/",
        valid_post(resultat="reorientee", reoriente_vers=world["caf"].pk, demarche="caf"),
        follow=True,
    )

    page = response.content.decode()
    link = f"{NEW}?structure={world['caf'].pk}&amp;themes=papiers-elections-citoyennete"
    assert link in page
    assert "Envoyer l’orientation à CAF" in page
    form = client.get(
        NEW, {"structure": world["caf"].pk, "themes": ["papiers-elections-citoyennete"]}
    ).context["form"]
    assert form.initial["service"] == "allocations"
    assert form.initial["themes"] == ["papiers-elections-citoyennete"]


# --- Who sees what ----------------------------------------------------------------------


def test_only_the_sending_and_the_receiving_structures_read_an_orientation(client, world):
    orientation = OrientationFactory(
        service=world["service"], sender=world["conseillere"], from_structure=world["ccas"]
    )
    colleague = StructureMembershipFactory(structure=world["ccas"]).user
    third = StructureMembershipFactory().user
    url = orientation.get_absolute_url()

    for user, status in [
        (world["conseillere"], 200),
        (colleague, 200),
        (world["caf_agent"], 200),
        (third, 404),
        (UserFactory(coordination=True), 404),
        (UserFactory(conseiller=True), 404),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == status, user


def test_every_reading_is_traced_and_shown(client, world):
    orientation = OrientationFactory(service=world["service"], with_contact=True)
    client.force_login(world["caf_agent"])

    client.get(orientation.get_absolute_url())
    page = page_text(client.get(orientation.get_absolute_url()))

    traces = list(orientation.traces.values_list("username", "kind"))
    assert traces == [(world["caf_agent"].username, TraceKind.VIEWED)] * 2
    assert f"{world['caf_agent'].username}</bdi> : Consultation" in page
    assert 'href="tel:06 12 34 56 78"' in page


def test_the_boxes_list_received_and_sent_orientations(client, world):
    OrientationFactory.create_batch(2, service=world["service"])
    sent = OrientationFactory(sender=world["conseillere"], from_structure=world["ccas"])
    client.force_login(world["caf_agent"])

    received = client.get("/espace/orientations/")
    assert received.context["which"] == "recues"
    assert len(received.context["page"].object_list) == 2
    assert "Reçues (2 en attente de réponse)" in received.content.decode()

    client.force_login(world["conseillere"])
    boxes = client.get("/espace/orientations/")
    assert [o.pk for o in boxes.context["page"].object_list] == []
    assert [o.pk for o in client.get("/espace/orientations/?boite=envoyees").context["page"]] == [
        sent.pk
    ]


def test_the_coordination_reads_figures_not_orientations(client, world):
    OrientationFactory.create_batch(3, service=world["service"], with_contact=True)
    client.force_login(UserFactory(coordination=True))

    response = client.get("/espace/orientations/")

    assert response.context["territory"]["received"] == 3
    assert "Aïcha" not in response.content.decode()
    assert not response.context["page"].object_list


# --- Answering --------------------------------------------------------------------------


def answer(client, committed, orientation, user, **data):
    client.force_login(user)
    with committed():
        return client.post(f"{orientation.get_absolute_url()}reponse/", data)


def test_accepting_with_an_appointment_tells_the_sender_and_the_person(
    client, world, committed, run_tasks, sms_outbox
):
    orientation = OrientationFactory(
        service=world["service"],
        sender=world["conseillere"],
        from_structure=world["ccas"],
        with_contact=True,
        language="ar",
    )

    response = answer(
        client,
        committed,
        orientation,
        world["caf_agent"],
        decision="accepter",
        appointment_day="2026-12-02",
        appointment_time="10:30",
        appointment_place="CAF, 32 rue Louis-Gain",
        appointment_bring="Votre avis d’imposition",
    )

    orientation.refresh_from_db()
    assert response.status_code == 302
    assert orientation.status == OrientationStatus.ACCEPTED
    assert orientation.answered_by == world["caf_agent"]
    assert orientation.appointment_at == datetime(2026, 12, 2, 10, 30, tzinfo=PARIS)
    assert orientation.closed_at is not None
    run_tasks()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "accepté votre orientation" in by_address["conseillere@example.org"].body
    assert "Rendez-vous le mercredi 2 décembre 2026 à 10:30." in (
        by_address["conseillere@example.org"].body
    )
    # The person, in Arabic, by e-mail and text message.
    to_person = by_address["aicha@example.org"]
    assert "Aïcha" in to_person.body and "10:30" in to_person.body
    assert "CAF, 32 rue Louis-Gain" in to_person.body
    assert "02 41 00 00 02" in to_person.body
    assert to_person.subject == "موعدك: «Allocations familiales»"
    (sms,) = sms_outbox
    assert sms.to == "06 12 34 56 78" and "10:30" in sms.body


def test_declining_needs_a_reason_and_tells_the_sender(client, world, committed, run_tasks):
    orientation = OrientationFactory(service=world["service"], sender=world["conseillere"])

    refused = answer(client, committed, orientation, world["caf_agent"], decision="refuser")
    assert refused.status_code == 400
    assert "Choisissez la raison du refus." in refused.content.decode()

    answer(
        client,
        committed,
        orientation,
        world["caf_agent"],
        decision="refuser",
        decline_reason=DeclineReason.FULL,
        answer_note="Essayez le centre social.",
    )
    orientation.refresh_from_db()
    assert orientation.status == OrientationStatus.DECLINED
    assert orientation.decline_reason == DeclineReason.FULL
    run_tasks()
    (message,) = [m for m in mail.outbox if m.to == ["conseillere@example.org"]]
    assert (
        "ne peut pas recevoir la personne que vous lui avez adressée : Nous sommes complets."
        in (message.body)
    )


def test_an_orientation_is_answered_once_and_by_the_receiving_structure_only(
    client, world, committed
):
    orientation = OrientationFactory(service=world["service"], sender=world["conseillere"])

    assert (
        answer(
            client, committed, orientation, world["conseillere"], decision="accepter"
        ).status_code
        == 403
    )
    assert (
        answer(client, committed, orientation, world["caf_agent"], decision="accepter").status_code
        == 302
    )
    again = answer(
        client,
        committed,
        orientation,
        world["caf_agent"],
        decision="refuser",
        decline_reason="complet",
    )
    assert again.status_code == 409
    assert "a déjà reçu une réponse" in again.content.decode()
    orientation.refresh_from_db()
    assert orientation.status == OrientationStatus.ACCEPTED


def test_an_appointment_in_the_past_is_refused(client, world, committed):
    orientation = OrientationFactory(service=world["service"])

    response = answer(
        client,
        committed,
        orientation,
        world["caf_agent"],
        decision="accepter",
        appointment_day="2026-11-20",
        appointment_time="10:00",
    )

    assert response.status_code == 400
    assert "Le rendez-vous ne peut pas être dans le passé." in response.content.decode()


def test_the_sender_withdraws_an_unanswered_orientation_and_the_partner_is_told(
    client, world, committed, run_tasks
):
    orientation = OrientationFactory(service=world["service"], sender=world["conseillere"])
    client.force_login(world["caf_agent"])
    assert client.post(f"{orientation.get_absolute_url()}retrait/").status_code == 403

    client.force_login(world["conseillere"])
    with committed():
        response = client.post(f"{orientation.get_absolute_url()}retrait/")

    orientation.refresh_from_db()
    assert response.status_code == 302
    assert orientation.status == OrientationStatus.WITHDRAWN
    run_tasks()
    assert any("a été retirée" in message.body for message in mail.outbox)


# --- The reminder -----------------------------------------------------------------------


def test_the_reminder_after_five_working_days_is_sent_once(
    client, world, committed, run_tasks, clock
):
    send(client, committed, world["conseillere"])
    run_tasks()
    mail.outbox.clear()

    clock("2026-12-01 09:29")  # Tuesday a week later, a minute early
    assert run_tasks() == 0
    clock("2026-12-01 09:31")
    run_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "agent@caf.example.org",
        "orientations@caf.example.org",
    ]
    assert mail.outbox[0].subject.startswith("Relance")
    assert Orientation.objects.get().reminded_at is not None

    # Run again (a retry, a second worker): nothing more leaves.
    tasks.send_about_orientation.call(Orientation.objects.get().pk, "reminder")
    assert len(mail.outbox) == 2


def test_no_reminder_once_answered(client, world, committed, run_tasks, clock):
    send(client, committed, world["conseillere"])
    orientation = Orientation.objects.get()
    answer(client, committed, orientation, world["caf_agent"], decision="accepter")
    run_tasks()
    mail.outbox.clear()

    clock("2026-12-08 10:00")
    run_tasks()

    assert mail.outbox == []


@pytest.mark.parametrize(
    ("sent", "due"),
    [
        ("2026-11-24 09:30", "2026-12-01 09:30"),  # Tuesday: the next Tuesday
        ("2026-11-27 16:00", "2026-12-04 16:00"),  # Friday: the next Friday
        ("2026-12-22 11:00", "2026-12-30 11:00"),  # Christmas Day is not a working day
        ("2026-11-07 11:00", "2026-11-16 11:00"),  # a Saturday, and 11 November
    ],
)
def test_the_reminder_counts_working_days_only(sent, due):
    moment = datetime.fromisoformat(sent).replace(tzinfo=PARIS)

    assert tasks.reminder_moment(moment) == datetime.fromisoformat(due).replace(tzinfo=PARIS)


# --- Retention --------------------------------------------------------------------------


def test_the_purge_erases_contacts_3_months_after_closing_and_keeps_the_counts(world, clock):
    answered = OrientationFactory(service=world["service"], with_contact=True)
    actions.accept_orientation(orientation=answered, user=world["caf_agent"])
    waiting = OrientationFactory(service=world["service"], with_contact=True)

    clock("2027-02-23 10:00")  # within 3 months of both
    assert actions.purge_orientations() == 0
    clock("2027-02-25 10:00")
    assert actions.purge_orientations() == 2
    assert actions.purge_orientations() == 0

    for orientation in (answered, waiting):
        orientation.refresh_from_db()
        assert (orientation.first_name, orientation.phone, orientation.email, orientation.note) == (
            "",
            "",
            "",
            "",
        )
        assert orientation.erased_at is not None
    assert Orientation.objects.filter(to_structure=world["caf"]).count() == 2
    assert Orientation.objects.get(pk=answered.pk).status == OrientationStatus.ACCEPTED


def test_the_privacy_notice_says_how_long_contacts_are_kept(client, settings):
    settings.ORIENTATION_RETENTION_MONTHS = 6

    page = client.get("/donnees-personnelles/").content.decode()

    assert "effacés 6 mois après la réponse du partenaire" in page


def test_the_espace_says_how_many_orientations_wait(client, world):
    OrientationFactory.create_batch(2, service=world["service"])
    client.force_login(world["caf_agent"])

    page = page_text(client.get(reverse("espace")))

    assert "Les orientations : 2 attendent votre réponse" in page
