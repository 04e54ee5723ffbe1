"""The orientations the benchmark lists (benchmarks/generators/orientations.py)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import F, Q

from benchmarks.generators import GenerationError
from benchmarks.generators.__main__ import main as generators_command
from benchmarks.generators.accompaniments import generate_accompaniments
from benchmarks.generators.orientations import (
    PARTNER,
    STRUCTURE_SLUG,
    generate_orientations,
    generated,
)
from roseraie_portal import roles
from services.enums import OrientationStatus
from services.forms.orientations import consent_wording
from services.models import Orientation, Service, Structure, StructureMembership
from tests.services.factories import OrientationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

SMALL = {"count": 300, "structure_orientations": 60, "structure_sent": 10}
NOW = "2026-06-17 15:30"  # a Wednesday
PARIS = ZoneInfo(settings.TIME_ZONE)


def measured():
    return Structure.objects.get(slug=STRUCTURE_SLUG)


def partner():
    return get_user_model().objects.get(username=PARTNER)


def orientation_fields():
    """Every column of an orientation but its key."""
    return [field.attname for field in Orientation._meta.concrete_fields if field.name != "id"]


def test_generated_orientations_have_the_requested_size_and_the_structures_share():
    counts = generate_orientations(**SMALL)

    assert counts["generated"] == generated().count() == Orientation.objects.count() == 300
    assert Orientation.objects.received_by(measured().pk).count() == 60
    assert Orientation.objects.sent_by(partner()).count() == 10
    assert Orientation.objects.filter(sender=partner(), from_structure=measured()).count() == 10
    assert not Orientation.objects.filter(to_structure=measured(), sender=partner()).exists()


def test_the_measured_account_is_a_partner_attached_to_the_structure_and_answers():
    generate_orientations(**SMALL)

    account = partner()
    assert set(account.groups.values_list("name", flat=True)) == {roles.PARTENAIRE}
    assert account.is_active and not account.is_staff and not account.has_usable_password()
    assert StructureMembership.objects.get(user=account).structure == measured()
    answered = Orientation.objects.received_by(measured().pk).filter(answered_at__isnull=False)
    assert answered.exists()
    assert not answered.exclude(answered_by=account).exists()
    assert measured().services.filter(accepts_orientations=True).count() == 3


def test_senders_are_bench_conseillers_sending_from_their_structure_to_another():
    generate_orientations(**SMALL)

    others = generated().exclude(sender=partner())
    assert others.count() == 290
    assert not others.exclude(sender__username__startswith="bench-conseiller-").exists()
    assert not others.exclude(sender__groups__name=roles.CONSEILLER).exists()
    assert not others.exclude(from_structure=F("sender__structure_membership__structure")).exists()
    assert not generated().filter(from_structure=F("to_structure")).exists()
    assert others.values("sender").distinct().count() > 5


def test_orientations_go_to_orientable_services_of_the_structure_receiving():
    generate_orientations(**SMALL)

    assert not generated().exclude(to_structure=F("service__structure")).exists()
    assert not generated().filter(service__accepts_orientations=False).exists()
    assert (
        generated().exclude(to_structure=measured()).values("to_structure").distinct().count() > 5
    )


def test_every_generated_orientation_passes_the_models_validation_and_constraints():
    generate_orientations(**SMALL)

    # Choices (themes item by item), validators and the check constraints (a theme, a
    # contact only with consent, a reason for a refusal); PostgreSQL has checked them and
    # the foreign keys on insert already.
    relations = [field.name for field in Orientation._meta.fields if field.is_relation]
    for orientation in generated():
        orientation.full_clean(exclude=relations, validate_unique=False)
    assert not generated().filter(themes=[]).exists()
    assert not generated().filter(consented_at__isnull=True).exclude(phone="", email="").exists()
    assert not generated().filter(status=OrientationStatus.DECLINED, decline_reason="").exists()


def test_statuses_and_their_moments_are_those_of_a_working_inbox(clock):
    clock(NOW)

    generate_orientations(**SMALL)

    by_status = {status: generated().filter(status=status) for status in OrientationStatus}
    assert by_status[OrientationStatus.ACCEPTED].count() > 120
    assert by_status[OrientationStatus.DECLINED].count() > 30
    assert by_status[OrientationStatus.WITHDRAWN].exists()
    assert by_status[OrientationStatus.SENT].exists()
    answers = by_status[OrientationStatus.ACCEPTED] | by_status[OrientationStatus.DECLINED]
    assert not answers.filter(Q(answered_at__lte=F("sent_at")) | ~Q(closed_at=F("answered_at")))
    assert not answers.exclude(answered_by__isnull=False).filter(to_structure=measured())
    withdrawn = by_status[OrientationStatus.WITHDRAWN]
    assert not withdrawn.filter(Q(answered_at__isnull=False) | Q(closed_at__lte=F("sent_at")))
    still_open = by_status[OrientationStatus.SENT]
    assert not still_open.filter(Q(answered_at__isnull=False) | Q(closed_at__isnull=False))
    assert (
        not generated()
        .exclude(status=OrientationStatus.ACCEPTED)
        .exclude(appointment_at__isnull=True)
    )
    assert by_status[OrientationStatus.ACCEPTED].filter(appointment_at__gt=F("answered_at"))
    assert not generated().exclude(status=OrientationStatus.DECLINED).exclude(decline_reason="")
    reminded = generated().filter(reminded_at__isnull=False)
    assert reminded.exists()
    assert not reminded.exclude(reminded_at=F("sent_at") + timedelta(days=7))


def test_orientations_are_sent_over_two_years_on_working_days_in_opening_hours(clock):
    clock(NOW)

    generate_orientations(**SMALL)

    now = datetime.fromisoformat(NOW).replace(tzinfo=PARIS)
    moments = [moment.astimezone(PARIS) for moment in generated().values_list("sent_at", flat=True)]
    assert now - timedelta(days=731) < min(moments)
    assert max(moments) <= now
    assert max(moments) - min(moments) > timedelta(days=600)
    assert {moment.weekday() for moment in moments} == {0, 1, 2, 3, 4}
    assert {moment.hour for moment in moments} <= set(range(9, 18))
    answered = generated().filter(answered_at__isnull=False).values_list("answered_at", flat=True)
    assert max(answered) <= now


def test_contacts_come_with_the_consent_and_are_erased_after_the_retention(clock):
    clock(NOW)

    generate_orientations(**SMALL)

    consent = consent_wording(settings.ORIENTATION_RETENTION_MONTHS)
    with_consent = generated().filter(consented_at__isnull=False)
    assert 60 < with_consent.count() < 220
    assert set(with_consent.values_list("consent_text", flat=True)) == {str(consent)}
    assert not with_consent.exclude(consented_at=F("sent_at"))
    assert not generated().filter(consented_at__isnull=True).exclude(consent_text="")
    assert with_consent.exclude(phone="").exists() and with_consent.exclude(email="").exists()

    now = datetime.fromisoformat(NOW).replace(tzinfo=PARIS)
    before = now - relativedelta(months=settings.ORIENTATION_RETENTION_MONTHS)
    due = Q(closed_at__lt=before) | Q(closed_at__isnull=True, sent_at__lt=before)
    erased = generated().filter(erased_at__isnull=False)
    assert set(erased) == set(generated().filter(due))
    assert not erased.exclude(first_name="", phone="", email="", note="", answer_note="")
    assert not erased.filter(erased_at__gt=now)
    kept = generated().exclude(due)
    assert not kept.filter(note="")
    assert kept.filter(consented_at__isnull=False).exclude(first_name="").exists()


def test_the_databases_orientable_services_are_reused_and_some_marked_not_the_generated():
    own = ServiceFactory.create_batch(3)
    already = ServiceFactory(orientable=True)
    directory = ServiceFactory(slug="gen-1-accompagnement", structure__slug="gen-1-caf")

    generate_orientations(**SMALL)

    orientable = Service.objects.filter(accepts_orientations=True).exclude(structure=measured())
    assert set(orientable) == {already, *own}
    directory.refresh_from_db()
    assert not directory.accepts_orientations
    assert set(generated().exclude(to_structure=measured()).values_list("service", flat=True)) == {
        service.pk for service in orientable
    }


def test_a_few_services_and_structures_are_created_when_there_are_none():
    generate_orientations(**SMALL)

    created = Service.objects.exclude(structure=measured())
    assert created.count() == 12
    assert not created.exclude(slug__startswith="bench-", accepts_orientations=True).exists()
    assert not Structure.objects.exclude(slug__startswith="bench-").exists()


def test_the_accompaniments_conseillers_are_reused():
    generate_accompaniments(count=60, conseiller_entries=10, conseillers=8)
    conseillers = set(get_user_model().objects.filter(username__startswith="bench-conseiller"))

    generate_orientations(**SMALL)

    others = generated().exclude(sender=partner())
    assert set(get_user_model().objects.filter(pk__in=others.values("sender"))) <= conseillers
    assert get_user_model().objects.filter(username__startswith="bench-").count() == 9 + 1


def test_clearing_deletes_the_generated_orientations_only():
    by_hand = OrientationFactory()
    generate_orientations(**SMALL)

    counts = generate_orientations(clear=True)

    assert counts == {"deleted": 300}
    assert list(Orientation.objects.all()) == [by_hand]


def test_clearing_orientations_of_generated_ones_only_empties_the_table():
    generate_orientations(**SMALL)

    assert generate_orientations(clear=True) == {"deleted": 300}
    assert not Orientation.objects.exists()


def test_the_same_seed_generates_the_same_orientations(clock):
    clock(NOW)
    generate_orientations(**SMALL, seed=0.5)
    first = sorted(generated().values_list(*orientation_fields()))

    generate_orientations(**SMALL, seed=0.5, clear=True)
    again = sorted(generated().values_list(*orientation_fields()))
    generate_orientations(**SMALL, seed=-0.5, clear=True)

    assert again == first
    assert sorted(generated().values_list(*orientation_fields())) != first


def test_generating_more_for_the_structure_than_asked_is_refused():
    generate_orientations(**SMALL)

    with pytest.raises(GenerationError, match="already receives 60 orientations: clear them"):
        generate_orientations(count=100, structure_orientations=20, structure_sent=5)


def test_shares_larger_than_the_count_are_refused():
    with pytest.raises(GenerationError, match="add up to at most the number"):
        generate_orientations(count=100, structure_orientations=90, structure_sent=20)
    assert not Orientation.objects.exists()


def test_command_line_generates_the_structures_share(capsys):
    generators_command(
        [
            "orientations",
            "--count",
            "50",
            "--structure-orientations",
            "20",
            "--structure-sent",
            "5",
        ]
    )

    assert generated().count() == 50
    assert Orientation.objects.received_by(measured().pk).count() == 20
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("Generated 50 orientations in ")
    assert last.endswith(f"'{STRUCTURE_SLUG}' receives 20, '{PARTNER}' sent 5.")


def test_command_line_help_names_the_options(capsys):
    with pytest.raises(SystemExit) as exit_:
        generators_command(["orientations", "--help"])

    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for option in ("--count", "--structure-orientations", "--structure-sent", "--clear"):
        assert option in out


def test_sent_days_are_working_days_around_a_weekend(clock):
    clock("2026-06-14 10:00")  # a Sunday

    generate_orientations(**SMALL)

    days = {
        moment.astimezone(PARIS).date() for moment in generated().values_list("sent_at", flat=True)
    }
    assert max(days) <= date(2026, 6, 12)  # the Friday before
