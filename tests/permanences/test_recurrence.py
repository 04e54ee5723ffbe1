"""Recurring permanences expanded into dates, cancellations, and the Mairie Bus month copy."""

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from permanences.actions.schedule import (
    cancel_permanence,
    cancel_permanences,
    duplicate_month,
    expand_rule,
    save_permanence,
)
from permanences.models import Permanence
from roseraie_portal.recurrence import rule_dates
from tests.factories import SchoolHolidayFactory, UserFactory
from tests.permanences.factories import PermanenceFactory, PermanenceRuleFactory
from tests.services.factories import LieuFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def _dates(rule):
    return list(rule.occurrences.order_by("date").values_list("date", flat=True))


def _next_september() -> tuple[date, date]:
    """A month certainly ahead of today, without a public holiday."""
    year = timezone.localdate().year + 1
    return date(year, 9, 1), date(year, 9, 30)


# --- Expansion ----------------------------------------------------------------------------


def test_weekly_rule_creates_one_occurrence_per_week_copying_the_rule():
    conseiller = UserFactory()
    rule = PermanenceRuleFactory(
        rrule="FREQ=WEEKLY;BYDAY=TU",
        starts_on=date(2026, 9, 1),
        ends_on=date(2026, 9, 30),
        theme_label="CAF",
        appointment_required=True,
        languages=["fr", "ar"],
    )
    rule.conseillers.add(conseiller)

    result = expand_rule(rule=rule)

    assert result.created == 5
    assert _dates(rule) == [date(2026, 9, day) for day in (1, 8, 15, 22, 29)]
    occurrence = rule.occurrences.get(date=date(2026, 9, 15))
    assert (occurrence.service, occurrence.lieu) == (rule.service, rule.lieu)
    assert (occurrence.start_time, occurrence.end_time) == (time(14), time(17))
    assert occurrence.theme_label == "CAF"
    assert occurrence.appointment_required is True
    assert occurrence.languages == ["fr", "ar"]
    assert list(occurrence.conseillers.all()) == [conseiller]


@pytest.mark.parametrize(
    "rrule, starts_on, ends_on, holiday",
    [
        ("FREQ=WEEKLY;BYDAY=MO", date(2026, 3, 30), date(2026, 4, 13), date(2026, 4, 6)),
        ("FREQ=WEEKLY;BYDAY=TH", date(2026, 5, 7), date(2026, 5, 21), date(2026, 5, 14)),
    ],
    ids=["easter-monday", "ascension"],
)
def test_public_holidays_are_skipped(rrule, starts_on, ends_on, holiday):
    rule = PermanenceRuleFactory(rrule=rrule, starts_on=starts_on, ends_on=ends_on)

    assert expand_rule(rule=rule).created == 2
    assert holiday not in _dates(rule)
    assert _dates(rule) == [starts_on, ends_on]


@pytest.mark.parametrize("skip, expected", [(True, [6, 13]), (False, [6, 13, 20, 27])])
def test_school_holidays_are_skipped_only_when_the_rule_says_so(skip, expected):
    SchoolHolidayFactory(starts_on=date(2026, 10, 17), ends_on=date(2026, 11, 1))
    rule = PermanenceRuleFactory(
        starts_on=date(2026, 10, 1), ends_on=date(2026, 10, 31), skip_school_holidays=skip
    )

    expand_rule(rule=rule)

    assert _dates(rule) == [date(2026, 10, day) for day in expected]


def test_expanding_twice_creates_nothing_more():
    rule = PermanenceRuleFactory(starts_on=date(2026, 9, 1), ends_on=date(2026, 12, 31))

    first = expand_rule(rule=rule)
    second = expand_rule(rule=rule)

    assert first.created == 18  # every Tuesday from September to December
    assert (second.created, second.deleted) == (0, 0)
    assert rule.occurrences.count() == 18


def test_cancelled_or_changed_occurrence_keeps_its_changes_after_reexpansion():
    rule = PermanenceRuleFactory(starts_on=date(2026, 9, 1), ends_on=date(2026, 9, 30))
    expand_rule(rule=rule)
    cancel_permanence(permanence=rule.occurrences.get(date=date(2026, 9, 8)), reason="Grève")
    rule.occurrences.filter(date=date(2026, 9, 15)).update(start_time=time(15), theme_label="Santé")

    assert expand_rule(rule=rule).created == 0

    cancelled = rule.occurrences.get(date=date(2026, 9, 8))
    assert (cancelled.cancelled, cancelled.cancellation_reason) == (True, "Grève")
    changed = rule.occurrences.get(date=date(2026, 9, 15))
    assert (changed.start_time, changed.theme_label) == (time(15), "Santé")


def test_changed_rule_deletes_future_dates_it_no_longer_produces_but_keeps_hand_work():
    starts_on, ends_on = _next_september()
    rule = PermanenceRuleFactory(rrule="FREQ=WEEKLY;BYDAY=TU", starts_on=starts_on, ends_on=ends_on)
    expand_rule(rule=rule)
    tuesdays = _dates(rule)
    cancel_permanence(permanence=rule.occurrences.get(date=tuesdays[0]), reason="Travaux")
    changed_by_hand = rule.occurrences.get(date=tuesdays[1])
    changed_by_hand.start_time = time(15)
    save_permanence(permanence=changed_by_hand)

    rule.rrule = "FREQ=WEEKLY;BYDAY=TH"
    rule.save()
    result = expand_rule(rule=rule)

    thursdays = rule_dates(rrule_text="FREQ=WEEKLY;BYDAY=TH", starts_on=starts_on, ends_on=ends_on)
    assert result.created == len(thursdays)
    assert result.deleted == len(tuesdays) - 2
    assert result.kept == (tuesdays[0], tuesdays[1])
    assert _dates(rule) == sorted([tuesdays[0], tuesdays[1], *thursdays])


def test_past_occurrences_are_never_deleted():
    rule = PermanenceRuleFactory(starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 31))
    expand_rule(rule=rule)

    rule.ends_on = date(2026, 3, 10)
    rule.save()
    result = expand_rule(rule=rule)

    assert result.deleted == 0
    assert len(_dates(rule)) == 5  # every Tuesday of March 2026, history kept


@pytest.mark.parametrize(
    "text",
    ["", "chaque mardi", "FREQ=FOO", "BYDAY=TU", "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;INTERVAL=0"],
)
def test_invalid_rule_text_is_refused_in_plain_french(text):
    rule = PermanenceRuleFactory(rrule=text)

    with pytest.raises(ValidationError) as refused:
        expand_rule(rule=rule)

    assert "n’est pas comprise" in refused.value.messages[0]
    assert "FREQ=WEEKLY;BYDAY=TU" in refused.value.messages[0]
    assert not Permanence.objects.exists()


def test_rule_more_frequent_than_daily_is_refused():
    with pytest.raises(ValidationError, match="au plus une fois par jour"):
        rule_dates(rrule_text="FREQ=HOURLY", starts_on=date(2026, 9, 1), ends_on=date(2026, 9, 2))


def test_rule_with_too_many_dates_is_refused():
    with pytest.raises(ValidationError, match="raccourcissez la période"):
        rule_dates(rrule_text="FREQ=DAILY", starts_on=date(2026, 1, 1), ends_on=date(2030, 1, 1))


def test_monthly_rule_gives_the_second_wednesday():
    days = rule_dates(
        rrule_text="FREQ=MONTHLY;BYDAY=2WE", starts_on=date(2026, 9, 1), ends_on=date(2026, 11, 30)
    )

    assert days == [date(2026, 9, 9), date(2026, 10, 14), date(2026, 11, 11)]


# --- Cancellation -------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   "])
def test_cancelling_needs_a_reason(reason):
    permanence = PermanenceFactory()

    with pytest.raises(ValidationError, match="Dites pourquoi la permanence est annulée."):
        cancel_permanence(permanence=permanence, reason=reason)

    permanence.refresh_from_db()
    assert permanence.cancelled is False


def test_cancelling_keeps_the_permanence_with_its_reason():
    permanence = PermanenceFactory()

    cancel_permanence(permanence=permanence, reason="  Conseiller malade ")

    permanence.refresh_from_db()
    assert (permanence.cancelled, permanence.cancellation_reason) == (True, "Conseiller malade")


def test_too_long_reason_is_refused():
    with pytest.raises(ValidationError, match="255 caractères"):
        cancel_permanence(permanence=PermanenceFactory(), reason="x" * 256)


def test_cancelling_several_keeps_the_reason_of_those_already_cancelled():
    ill = PermanenceFactory(cancelled_for_illness=True)
    other = PermanenceFactory()

    count = cancel_permanences(permanences=Permanence.objects.all(), reason="Grève")

    assert count == 1
    ill.refresh_from_db()
    other.refresh_from_db()
    assert ill.cancellation_reason == "Conseiller malade"
    assert other.cancellation_reason == "Grève"


# --- The Mairie Bus month -----------------------------------------------------------------


@pytest.fixture
def stop():
    return LieuFactory(bus_stop=True)


def test_month_copy_keeps_weekday_and_rank(stop):
    conseiller = UserFactory()
    second_tuesday = PermanenceFactory(
        lieu=stop, date=date(2026, 11, 10), theme_label="Impôts", languages=["fr", "tr"]
    )
    second_tuesday.conseillers.add(conseiller)
    PermanenceFactory(lieu=stop, date=date(2026, 11, 2), start_time=time(9), end_time=time(12))

    result = duplicate_month(source_month=date(2026, 11, 1), target_month=date(2026, 12, 1))

    assert result.created == 2
    copy = Permanence.objects.get(date=date(2026, 12, 8))  # 2nd Tuesday → 2nd Tuesday
    assert (copy.lieu, copy.service, copy.theme_label) == (stop, second_tuesday.service, "Impôts")
    assert copy.languages == ["fr", "tr"]
    assert list(copy.conseillers.all()) == [conseiller]
    assert copy.rule is None
    # 1st Monday of November → 1st Monday of December
    assert Permanence.objects.filter(date=date(2026, 12, 7), start_time=time(9)).exists()


def test_month_copy_skips_a_fifth_weekday_the_target_month_lacks_and_says_so(stop):
    PermanenceFactory(lieu=stop, date=date(2026, 12, 29))  # 5th Tuesday

    result = duplicate_month(source_month=date(2026, 12, 1), target_month=date(2027, 1, 1))

    assert result.created == 0
    assert len(result.skipped) == 1
    assert "pas de cinquième mardi en janvier 2027" in result.skipped[0]
    assert stop.name in result.skipped[0]


def test_month_copy_skips_public_holidays(stop):
    PermanenceFactory(lieu=stop, date=date(2026, 11, 27))  # 4th Friday → Christmas

    result = duplicate_month(source_month=date(2026, 11, 1), target_month=date(2026, 12, 1))

    assert result.created == 0
    assert "jour férié" in result.skipped[0]
    assert not Permanence.objects.filter(date=date(2026, 12, 25)).exists()


def test_month_copy_twice_does_not_duplicate(stop):
    PermanenceFactory(lieu=stop, date=date(2026, 11, 10))

    duplicate_month(source_month=date(2026, 11, 1), target_month=date(2026, 12, 1))
    again = duplicate_month(source_month=date(2026, 11, 15), target_month=date(2026, 12, 15))

    assert (again.created, again.already_there) == (0, 1)
    assert Permanence.objects.filter(date=date(2026, 12, 8)).count() == 1


def test_month_copy_leaves_cancelled_fixed_and_rule_permanences(stop):
    PermanenceFactory(lieu=stop, date=date(2026, 11, 10), cancelled_for_illness=True)
    fixed = PermanenceFactory(date=date(2026, 11, 12))
    rule = PermanenceRuleFactory(lieu=stop, starts_on=date(2026, 11, 1), ends_on=date(2026, 11, 30))
    expand_rule(rule=rule)

    assert (
        duplicate_month(source_month=date(2026, 11, 1), target_month=date(2026, 12, 1)).created == 0
    )
    everything = duplicate_month(
        source_month=date(2026, 11, 1), target_month=date(2026, 12, 1), itinerant_only=False
    )
    assert everything.created == 1
    assert Permanence.objects.get(date=date(2026, 12, 10)).lieu == fixed.lieu


def test_month_copy_to_the_same_month_is_refused():
    with pytest.raises(ValidationError, match="mois différent"):
        duplicate_month(source_month=date(2026, 11, 1), target_month=date(2026, 11, 30))


def test_month_copy_can_be_limited_to_a_selection(stop):
    chosen = PermanenceFactory(lieu=stop, date=date(2026, 11, 10))
    PermanenceFactory(lieu=stop, date=date(2026, 11, 11), service=ServiceFactory())

    result = duplicate_month(
        source_month=date(2026, 11, 1),
        target_month=date(2026, 12, 1),
        among=Permanence.objects.filter(pk=chosen.pk),
    )

    assert result.created == 1
    assert Permanence.objects.filter(date__month=12).get().date == date(2026, 12, 8)
