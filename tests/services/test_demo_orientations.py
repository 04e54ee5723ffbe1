"""The demonstration orientations: a dozen between the demo partners, sent and answered
through the actions, the demo "partenaire" (at the CAF) with some waiting for its answer;
never loaded twice, nothing sent twice, and every problem of the file named with its
place."""

import json
import re
import shutil
from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from services.enums import OrientationStatus, TraceKind
from services.management.commands import load_demo_directory
from services.management.commands.load_demo_directory import read_rows
from services.models import Orientation, OrientationTrace, Service, StructureMembership
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

INBOX = "/espace/orientations/"
CAF = "caf-maine-et-loire"


@pytest.fixture
def demo_accounts(db):
    """The accounts load_demo creates in development; memberships.csv attaches
    "partenaire" to the CAF."""
    return {
        "conseiller": UserFactory(username="conseiller", conseiller=True),
        "partenaire": UserFactory(username="partenaire", partenaire=True),
    }


@pytest.fixture
def demo_copy(tmp_path, monkeypatch):
    """A copy of fixtures/demo/ that a test may break."""
    copy = tmp_path / "demo"
    shutil.copytree(load_demo_directory.DEMO_DIR, copy)
    monkeypatch.setattr(load_demo_directory, "DEMO_DIR", copy)
    return copy


def load() -> str:
    """load_demo_directory, which loads the orientations last; what it says."""
    out = StringIO()
    call_command("load_demo_directory", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "orientations": Orientation.objects.count(),
        "traces": OrientationTrace.objects.count(),
        "accounts": get_user_model().objects.count(),
        "memberships": StructureMembership.objects.count(),
        "tasks": DBTaskResult.objects.count(),
    }


def test_the_demo_orientations_go_between_demo_partners_and_some_are_answered(demo_accounts):
    output = load()

    statuses = Counter(Orientation.objects.values_list("status", flat=True))
    assert 8 <= sum(statuses.values()) <= 12
    assert f"Demo orientations: {sum(statuses.values())} sent" in output
    assert statuses[OrientationStatus.SENT] >= 3
    assert statuses[OrientationStatus.ACCEPTED] >= 2
    assert statuses[OrientationStatus.DECLINED] >= 2
    assert Orientation.objects.values("to_structure").distinct().count() >= 5
    assert Orientation.objects.values("sender").distinct().count() >= 4
    assert Orientation.objects.filter(appointment_at__isnull=False).count() >= 2
    orientable = Service.objects.filter(accepts_orientations=True)
    assert 5 <= orientable.count() <= 12
    assert orientable.exclude(orientation_email="").exists()


def test_loading_twice_adds_nothing_and_sends_no_message_again(
    demo_accounts, committed, run_tasks, sms_outbox
):
    with committed():
        load()
    run_tasks()
    before = counts()
    sent = (len(mail.outbox), len(sms_outbox))

    with committed():
        output = load()
    run_tasks()

    assert "Demo orientations: already loaded" in output
    assert counts() == before
    assert (len(mail.outbox), len(sms_outbox)) == sent
    # Each appointment told once to the person who left a phone.
    told = Orientation.objects.filter(appointment_at__isnull=False).exclude(phone="")
    assert told.exists()
    assert sorted(message.to for message in sms_outbox) == sorted(
        told.values_list("phone", flat=True)
    )


def test_the_partners_inbox_lists_the_orientations_waiting_for_its_answer(client, demo_accounts):
    load()
    client.force_login(demo_accounts["partenaire"])

    response = client.get(INBOX)

    assert response.status_code == 200
    assert response.context["which"] == "recues"
    waiting = Orientation.objects.filter(to_structure__slug=CAF, status=OrientationStatus.SENT)
    assert 2 <= waiting.count() <= 5
    assert response.context["waiting"] == waiting.count()
    listed = {orientation.pk for orientation in response.context["page"]}
    assert set(waiting.values_list("pk", flat=True)) <= listed
    html = response.content.decode()
    assert html.count(f"status-{OrientationStatus.SENT}") == waiting.count()
    detail = client.get(waiting.first().get_absolute_url())
    assert detail.status_code == 200
    assert detail.context["can_answer"]


@pytest.mark.parametrize(
    "today",
    [
        None,  # the real day
        "2026-11-23 08:00",  # a Monday: the days before fall on the weekend
        "2026-11-12 08:30",  # the day after 11 November, a public holiday
    ],
)
def test_the_demo_orientations_keep_the_rules_of_the_orientations(demo_accounts, clock, today):
    if today:
        clock(today)
    load()
    now = timezone.now()

    orientations = Orientation.objects.select_related("service", "sender", "answered_by")
    assert orientations.exists()
    for orientation in orientations:
        orientation.full_clean()  # the choices, the lengths and the check constraints
        assert orientation.service.accepts_orientations
        assert orientation.to_structure_id == orientation.service.structure_id
        assert orientation.from_structure_id != orientation.to_structure_id
        assert orientation.sent_at < now
        assert timezone.localtime(orientation.sent_at).weekday() < 5
        traces = {trace.kind: trace.at for trace in orientation.traces.all()}
        assert traces[TraceKind.SENT] == orientation.sent_at
        if orientation.is_open:
            assert orientation.answered_at is None and orientation.answered_by is None
            assert set(traces) == {TraceKind.SENT}
        else:
            assert orientation.sent_at < orientation.answered_at < now
            assert orientation.closed_at == orientation.answered_at
            assert timezone.localtime(orientation.answered_at).weekday() < 5
            answering = StructureMembership.objects.get(user=orientation.answered_by)
            assert answering.structure_id == orientation.to_structure_id
            kind = {
                OrientationStatus.ACCEPTED: TraceKind.ACCEPTED,
                OrientationStatus.DECLINED: TraceKind.DECLINED,
            }[orientation.status]
            assert traces[kind] == orientation.answered_at
        if orientation.appointment_at is not None:
            assert orientation.status == OrientationStatus.ACCEPTED
            assert orientation.appointment_at > now
            assert timezone.localtime(orientation.appointment_at).weekday() < 5
        if orientation.first_name or orientation.has_contact:
            assert orientation.consent_text
            assert orientation.consented_at == orientation.sent_at
        assert re.fullmatch(r"(06 00 00 00 \d\d)?", orientation.phone)
        assert orientation.email == "" or orientation.email.endswith("@example.org")
        assert not re.search(r"\s", orientation.first_name)
    for service in Service.objects.exclude(orientation_email=""):
        assert service.orientation_email.endswith("@example.org")
    # The demo accounts the loader made cannot log in.
    made = get_user_model().objects.filter(username__startswith="demo-")
    assert made.exists()
    assert not any(user.has_usable_password() for user in made)


def test_without_the_demo_accounts_no_orientation_is_loaded_and_load_demo_says_so(db, capsys):
    call_command("load_demo", no_accounts=True, stdout=StringIO())

    output = capsys.readouterr().out
    assert "Demo orientations: skipped" in output
    assert "--no-accounts" in output
    assert not Orientation.objects.exists()
    assert not get_user_model().objects.filter(username__startswith="demo-").exists()
    assert Service.objects.filter(accepts_orientations=True).exists()


def test_every_problem_of_the_file_is_named_with_its_place_and_nothing_is_loaded(
    demo_accounts, demo_copy
):
    path = demo_copy / "orientations.json"
    demo = json.loads(path.read_text(encoding="utf-8"))
    entries = demo["orientations"]
    entries[0]["service"] = "service-imaginaire"
    entries[1]["need"]["themes"] = ["papiers-elections-citoyennete", "astrologie"]
    entries[2]["service"] = "cafe-demarches"  # takes no orientations
    entries[3]["answer"]["by"] = "demo-agent-ccas"  # not at the CAF, which receives it
    entries[4]["contact"] = {"first_name": "Jeanne Martin", "phone": "06 12 34 56 78"}
    entries[5]["need"]["note"] = "Son numéro d’allocataire est le 1234567."
    entries[6]["sent_time"] = "25:00"
    entries[7]["answer"]["days_ago"] = entries[7]["sent_days_ago"] + 1
    entries[8]["sender"] = "inconnu"
    del entries[9]["need"]
    path.write_text(json.dumps(demo, ensure_ascii=False), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        load()

    message = str(error.value)
    assert "fixtures/demo/orientations.json has problems" in message
    for expected in (
        "orientations[0].service: « service-imaginaire » unknown",
        "orientations[1].need.themes: astrologie unknown",
        "orientations[2].service: « cafe-demarches » takes no orientations",
        "orientations[3].answer.by: « demo-agent-ccas » is not attached to caf-maine-et-loire",
        "orientations[4].contact.first_name: « Jeanne Martin » is not a first name alone",
        "orientations[4].contact.phone: « 06 12 34 56 78 » is not a placeholder",
        "orientations[5].need.note: holds personal data (caf)",
        "orientations[6].sent_time: « 25:00 » is not a time",
        "orientations[7].answer.days_ago: the answer comes before the sending",
        "orientations[8].sender: « inconnu » is not a demo account",
        "orientations[9].need: missing",
    ):
        assert f"orientations.json, {expected}" in message
    assert not Orientation.objects.exists()
    assert not Service.objects.exists()  # the directory waits for the file too
    assert not get_user_model().objects.filter(username__startswith="demo-").exists()


def test_a_shared_mailbox_is_a_placeholder_of_a_service_that_takes_orientations(demo_copy):
    services = demo_copy / "services.csv"
    text = services.read_text(encoding="utf-8")
    text = text.replace("orientations-ccas@example.org", "ccas@angers.fr", 1)
    services.write_text(text.replace(";non;\n", ";non;boite@example.org\n", 1), encoding="utf-8")
    lines = {row.text("slug"): row.line for row in read_rows("services.csv")}
    unwanted = next(
        row
        for row in read_rows("services.csv")
        if row.text("boite_orientations") and row.text("orientations") == "non"
    )

    with pytest.raises(CommandError) as error:
        load()

    message = str(error.value)
    ccas = lines["ccas-aide-urgence"]
    assert f"services.csv, ligne {ccas}: boite_orientations: « ccas@angers.fr »" in message
    assert (
        f"services.csv, ligne {unwanted.line}: boite_orientations: « boite@example.org » "
        "(seulement avec orientations: oui)"
    ) in message
    assert not Service.objects.exists()
