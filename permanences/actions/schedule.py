"""Writes of the schedule: expanding a recurring permanence into dated occurrences,
cancelling one, and copying a month of the Mairie Bus tour to another month.

Recurrence rules are read by roseraie_portal/recurrence.py, which ateliers share.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from permanences.models import Permanence, PermanenceRule
from roseraie_portal.content_language import with_translation_columns
from roseraie_portal.holidays import is_public_holiday
from roseraie_portal.notices import Notice
from roseraie_portal.recurrence import scheduled_dates

# What an occurrence copies from its rule, or a month's copy from its source.
COPIED_FIELDS = with_translation_columns(
    (
        "service_id",
        "lieu_id",
        "start_time",
        "end_time",
        "theme_label",
        "thematique_id",
        "appointment_required",
        "languages",
    ),
    translated={"theme_label"},
)


# What a change to a rule leaves as it was on the dates already created.
DETAILS_OF_CREATED_DATES = set(
    with_translation_columns(
        ("lieu", "start_time", "end_time", "theme_label", "thematique", "languages"),
        translated={"theme_label"},
    )
)


@dataclass(frozen=True)
class RuleExpansion:
    """What expanding a rule did. ``kept`` are future dates the rule no longer produces,
    kept because their occurrence was cancelled or changed by hand; ``details_kept``
    says that the rule's hours, place or theme changed, which its dates already created
    do not follow."""

    created: int
    deleted: int
    kept: tuple[date, ...] = ()
    details_kept: bool = False

    def notices(self) -> list[Notice]:
        notices = [
            Notice(
                "success",
                ngettext("%(count)d date créée.", "%(count)d dates créées.", self.created)
                % {"count": self.created},
            )
        ]
        if self.deleted:
            text = ngettext(
                "%(count)d date que la règle ne prévoit plus a été supprimée.",
                "%(count)d dates que la règle ne prévoit plus ont été supprimées.",
                self.deleted,
            )
            notices.append(Notice("success", text % {"count": self.deleted}))
        if self.kept:
            days = ", ".join(date_format(day, "j F Y") for day in self.kept)
            text = _(
                "Gardées car annulées ou modifiées à la main, alors que la règle ne les "
                "prévoit plus : %(days)s. Supprimez-les si elles n’ont plus lieu d’être."
            )
            notices.append(Notice("warning", text % {"days": days}))
        if self.details_kept:
            text = _(
                "Les dates déjà créées gardent leurs horaires, leur lieu et leur thème : "
                "modifiez-les une à une dans les permanences si besoin."
            )
            notices.append(Notice("warning", text))
        return notices


@dataclass(frozen=True)
class MonthDuplication:
    """What copying a month did. ``skipped`` says, in plain words, each permanence that
    could not be copied and why; ``already_there`` counts those the target month had."""

    target_month: date
    created: int
    skipped: tuple[str, ...] = ()
    already_there: int = 0

    def notices(self) -> list[Notice]:
        text = ngettext(
            "%(count)d permanence copiée vers %(month)s.",
            "%(count)d permanences copiées vers %(month)s.",
            self.created,
        ) % {"count": self.created, "month": date_format(self.target_month, "F Y")}
        return [Notice("success", text), *(Notice("warning", line) for line in self.skipped)]


def _copy_conseillers(pairs) -> None:
    """``pairs``: (permanence id, user id), written in one query."""
    through = Permanence.conseillers.through
    through.objects.bulk_create(
        [through(permanence_id=permanence_id, user_id=user_id) for permanence_id, user_id in pairs],
        ignore_conflicts=True,
    )


@transaction.atomic
def expand_rule(*, rule: PermanenceRule, changed_fields: Iterable[str] = ()) -> RuleExpansion:
    """Create the occurrences of ``rule`` that are missing between its first and last
    day, except on French public holidays and, when the rule says so, school holidays.

    An occurrence already there is never touched, so one changed or cancelled by hand
    keeps its changes (and a rule's new hours or theme apply to new dates only). When
    the rule changed, the future occurrences it no longer produces are deleted, unless
    cancelled or changed by hand (``save_permanence``): those are kept and listed in
    ``kept``.
    """
    # One expansion of a rule at a time: the second waits, then finds the dates made.
    PermanenceRule.objects.select_for_update().filter(pk=rule.pk).first()
    wanted = scheduled_dates(
        rrule_text=rule.rrule,
        starts_on=rule.starts_on,
        ends_on=rule.ends_on,
        skip_school_holidays=rule.skip_school_holidays,
    )
    existing = set(rule.occurrences.values_list("date", flat=True))
    created = Permanence.objects.bulk_create(
        [
            Permanence(rule=rule, date=day, **{name: getattr(rule, name) for name in COPIED_FIELDS})
            for day in wanted
            if day not in existing
        ]
    )
    conseiller_ids = list(rule.conseillers.values_list("pk", flat=True))
    _copy_conseillers(
        (permanence.pk, user_id) for permanence in created for user_id in conseiller_ids
    )

    stale = list(
        rule.occurrences.filter(date__gt=timezone.localdate())
        .exclude(date__in=wanted)
        .values_list("pk", "date", "cancelled", "changed_by_hand")
    )
    doomed = [pk for pk, _day, cancelled, by_hand in stale if not (cancelled or by_hand)]
    Permanence.objects.filter(pk__in=doomed).delete()
    kept = tuple(sorted(day for pk, day, _cancelled, _by_hand in stale if pk not in doomed))
    return RuleExpansion(
        created=len(created),
        deleted=len(doomed),
        kept=kept,
        details_kept=bool(DETAILS_OF_CREATED_DATES & set(changed_fields)),
    )


@transaction.atomic
def save_permanence(*, permanence: Permanence) -> Permanence:
    """Save a permanence written or changed by a person. A date of a recurring
    permanence is then marked as changed by hand: expanding its rule again keeps it."""
    permanence.changed_by_hand = permanence.rule_id is not None
    permanence.save()
    return permanence


def _cancellation_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            _("Dites pourquoi la permanence est annulée."), code="cancellation_reason_required"
        )
    max_length = Permanence._meta.get_field("cancellation_reason").max_length
    if len(reason) > max_length:
        raise ValidationError(
            _("La raison de l’annulation tient en %(max)d caractères au plus.")
            % {"max": max_length},
            code="cancellation_reason_too_long",
        )
    return reason


@transaction.atomic
def cancel_permanence(*, permanence: Permanence, reason: str) -> Permanence:
    """Cancel one permanence; it stays in the agenda, struck through, with its reason."""
    permanence.cancellation_reason = _cancellation_reason(reason)
    permanence.cancelled = True
    permanence.save(update_fields=["cancelled", "cancellation_reason"])
    return permanence


@transaction.atomic
def cancel_permanences(*, permanences: QuerySet, reason: str) -> int:
    """Cancel several permanences for the same reason; those already cancelled keep
    theirs. Returns how many were cancelled."""
    reason = _cancellation_reason(reason)
    return permanences.filter(cancelled=False).update(cancelled=True, cancellation_reason=reason)


def cancellation_notice(count: int) -> Notice:
    text = ngettext("%(count)d permanence annulée.", "%(count)d permanences annulées.", count)
    return Notice("success", text % {"count": count})


def _first_of_month(day: date) -> date:
    return day.replace(day=1)


def first_of_next_month(day: date) -> date:
    return (_first_of_month(day) + timedelta(days=32)).replace(day=1)


def same_weekday_and_rank(day: date, month: date) -> date | None:
    """The day of ``month`` with ``day``'s weekday and rank (2nd Tuesday → 2nd Tuesday),
    or None when that month has no such day (a 5th Tuesday)."""
    rank = (day.day - 1) // 7
    first = _first_of_month(month)
    candidate = first + timedelta(days=(day.weekday() - first.weekday()) % 7 + 7 * rank)
    return candidate if candidate.month == first.month else None


def _describe(permanence: Permanence) -> str:
    return _("%(place)s, %(date)s") % {
        "place": permanence.lieu.name,
        "date": date_format(permanence.date, "l j F Y"),
    }


@transaction.atomic
def duplicate_month(
    *,
    source_month: date,
    target_month: date,
    itinerant_only: bool = True,
    among: QuerySet | None = None,
) -> MonthDuplication:
    """Copy the permanences of a month to the same weekday and rank of another month:
    the Mairie Bus tour is built by copying last month, then adjusting.

    Any day of a month names that month. Copies the permanences that are not cancelled,
    at Mairie Bus stops unless ``itinerant_only`` is False, and only those of ``among``
    when given (an admin selection). Occurrences of a recurring permanence are left to
    their rule. Skips a day the target month does not have (a 5th Tuesday) and public
    holidays, saying so in ``skipped``; a permanence the target month already has (same
    service, place, day and start) is not copied twice.
    """
    source_start, target_start = _first_of_month(source_month), _first_of_month(target_month)
    if source_start == target_start:
        raise ValidationError(
            _("Choisissez un mois différent du mois à copier."), code="same_month"
        )
    sources = (among if among is not None else Permanence.objects.all()).filter(
        date__gte=source_start,
        date__lt=first_of_next_month(source_start),
        cancelled=False,
        rule__isnull=True,
    )
    if itinerant_only:
        sources = sources.filter(lieu__itinerant=True)
    sources = (
        sources.select_related("lieu")
        .prefetch_related("conseillers")
        .order_by("date", "start_time", "pk")
    )
    target_keys = set(
        Permanence.objects.filter(
            date__gte=target_start, date__lt=first_of_next_month(target_start)
        ).values_list("service_id", "lieu_id", "date", "start_time")
    )
    month_name = date_format(target_start, "F Y")
    copies, conseillers, skipped, already_there = [], [], [], 0
    for source in sources:
        day = same_weekday_and_rank(source.date, target_start)
        if day is None:
            skipped.append(
                _("%(permanence)s : pas de cinquième %(weekday)s en %(month)s.")
                % {
                    "permanence": _describe(source),
                    "weekday": date_format(source.date, "l"),
                    "month": month_name,
                }
            )
            continue
        if is_public_holiday(day):
            skipped.append(
                _("%(permanence)s : le %(day)s est un jour férié.")
                % {"permanence": _describe(source), "day": date_format(day, "l j F")}
            )
            continue
        key = (source.service_id, source.lieu_id, day, source.start_time)
        if key in target_keys:
            already_there += 1
            continue
        target_keys.add(key)
        copies.append(
            Permanence(date=day, **{name: getattr(source, name) for name in COPIED_FIELDS})
        )
        conseillers.append([user.pk for user in source.conseillers.all()])
    created = Permanence.objects.bulk_create(copies)
    _copy_conseillers(
        (copy.pk, user_id)
        for copy, user_ids in zip(created, conseillers, strict=True)
        for user_id in user_ids
    )
    return MonthDuplication(
        target_month=target_start,
        created=len(created),
        skipped=tuple(skipped),
        already_there=already_there,
    )
