"""Writes of the ateliers: registering and cancelling (capacity never exceeded, the
waiting list promoted in order), scheduling cycles and sessions, attendance, and the
purge of names and contacts. Messages to residents leave after the transaction commits,
through the task queue (ateliers/tasks.py)."""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ateliers import tasks
from ateliers.enums import AtelierStatus, Attendance, InscriptionStatus
from ateliers.models import Atelier, AtelierCycle, Inscription
from ateliers.selectors import RegistrationRefused, registration_refusal
from roseraie_portal.content_language import with_translation_columns
from roseraie_portal.notices import Notice
from roseraie_portal.recurrence import scheduled_dates
from services.enums import NON_COMMUNIQUE

# What a cycle gives each of its sessions, and a copy takes from its session.
SESSION_FIELDS = with_translation_columns(
    (
        "title",
        "thematique_id",
        "level",
        "description",
        "falc_description",
        "structure_id",
        "service_id",
        "animateur_id",
        "lieu_id",
        "start_time",
        "end_time",
        "capacity",
        "publics",
        "languages",
        "registration_required",
        "equipment_provided",
        "to_bring",
    ),
    translated={"title", "description", "falc_description"},
)
# What, changed on a session, its registered people are told of.
WHEN_AND_WHERE = ("date", "start_time", "end_time", "lieu")


def contact_key(*, phone: str = "", email: str = "") -> str:
    """One spelling per contact: the phone's digits (a French 0 for +33), or the e-mail in
    lower case. Two registrations with the same key are the same person."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("0033"):
        digits = "0" + digits[4:]
    elif digits.startswith("33") and len(digits) == 11:
        digits = "0" + digits[2:]
    if digits:
        return f"tel:{digits}"
    return f"mail:{email.strip().lower()}" if email.strip() else ""


def _locked(atelier: Atelier) -> Atelier:
    """The session, locked: registrations and cancellations of one session take turns,
    so that two people never get the last place."""
    return Atelier.objects.select_for_update().get(pk=atelier.pk)


def _confirmed_count(atelier: Atelier) -> int:
    return atelier.inscriptions.filter(status=InscriptionStatus.CONFIRMED).count()


@transaction.atomic
def register_to_atelier(
    *,
    atelier: Atelier,
    first_name: str,
    phone: str = "",
    email: str = "",
    consent_text: str = "",
    heard_from: str = NON_COMMUNIQUE,
    needs: Iterable[str] = (),
    registered_by=None,
    now=None,
) -> Inscription:
    """Give the person a place, or a place on the waiting list once the session is full.
    A contact is kept only with ``consent_text`` (the wording the person agreed to).
    Raises RegistrationRefused for a session that does not take registrations any more,
    or a contact already registered to it."""
    now = now or timezone.now()
    atelier = _locked(atelier)
    refusal = registration_refusal(atelier, now=now)
    if refusal is not None:
        raise refusal
    if (phone or email) and not consent_text:
        raise RegistrationRefused(
            _("Pour garder votre téléphone ou votre e-mail, cochez la case d’accord."),
            code="consent_required",
        )
    key = contact_key(phone=phone, email=email)
    if key and atelier.inscriptions.active().filter(contact_key=key).exists():
        raise RegistrationRefused(
            _(
                "Vous êtes déjà inscrit à cet atelier avec ce contact. "
                "Le lien reçu à l’inscription permet de voir ou d’annuler votre place."
            ),
            code="already_registered",
        )
    full = _confirmed_count(atelier) >= atelier.capacity
    inscription = Inscription.objects.create(
        atelier=atelier,
        first_name=first_name.strip(),
        phone=phone.strip(),
        email=email.strip(),
        contact_key=key,
        consent_text=consent_text if key else "",
        consented_at=now if key else None,
        heard_from=heard_from,
        needs=list(needs),
        language=translation.get_language() or "fr",
        status=InscriptionStatus.WAITING if full else InscriptionStatus.CONFIRMED,
        first_time=not key or not Inscription.objects.filter(contact_key=key).exists(),
        registered_by=registered_by,
    )
    if key:
        transaction.on_commit(lambda: tasks.tell_registered(inscription.pk))
    return inscription


@transaction.atomic
def cancel_inscription(*, inscription: Inscription, now=None) -> Inscription | None:
    """Cancel a registration (the person's own link, or a professional). When it held a
    place, the first person waiting gets it and is told; that person is returned."""
    now = now or timezone.now()
    atelier = _locked(inscription.atelier)
    inscription = Inscription.objects.get(pk=inscription.pk)
    if inscription.status == InscriptionStatus.CANCELLED:
        return None
    held_a_place = inscription.status == InscriptionStatus.CONFIRMED
    inscription.status, inscription.cancelled_at = InscriptionStatus.CANCELLED, now
    inscription.save(update_fields=["status", "cancelled_at"])
    return _promote_waiting(atelier, now) if held_a_place else None


def _promote_waiting(atelier: Atelier, now) -> Inscription | None:
    if atelier.status != AtelierStatus.PLANNED or _confirmed_count(atelier) >= atelier.capacity:
        return None
    first = atelier.inscriptions.waiting_in_order().first()
    if first is None:
        return None
    first.status, first.promoted_at = InscriptionStatus.CONFIRMED, now
    first.save(update_fields=["status", "promoted_at"])
    if first.contact_key:
        transaction.on_commit(lambda: tasks.tell_promoted(first.pk))
    return first


@transaction.atomic
def cancel_atelier(*, atelier: Atelier, reason: str) -> int:
    """Cancel a session, with its reason; everyone registered or waiting who gave a
    contact is told. Returns how many people are told."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            _("Dites pourquoi l’atelier est annulé."), code="cancellation_reason_required"
        )
    atelier = _locked(atelier)
    atelier.status, atelier.cancellation_reason = AtelierStatus.CANCELLED, reason[:255]
    atelier.changed_by_hand = atelier.cycle_id is not None
    atelier.save(update_fields=["status", "cancellation_reason", "changed_by_hand"])
    told = list(atelier.inscriptions.active().exclude(contact_key="").values_list("pk", flat=True))
    transaction.on_commit(lambda: [tasks.tell_cancelled(pk) for pk in told])
    return len(told)


@transaction.atomic
def save_atelier(*, atelier: Atelier, changed_fields: Iterable[str] = ()) -> Atelier:
    """Save a session written or changed by a person. A session of a cycle is then
    marked as changed by hand; when its day, hours or place changed, the people
    registered are told."""
    moved = atelier.pk is not None and bool(set(changed_fields) & set(WHEN_AND_WHERE))
    atelier.changed_by_hand = atelier.cycle_id is not None and atelier.pk is not None
    atelier.save()
    if moved and atelier.status == AtelierStatus.PLANNED:
        told = list(
            atelier.inscriptions.active().exclude(contact_key="").values_list("pk", flat=True)
        )
        transaction.on_commit(lambda: [tasks.tell_moved(pk) for pk in told])
    return atelier


@transaction.atomic
def duplicate_atelier(*, atelier: Atelier, on: date) -> Atelier:
    """A new session like this one, on another day, without its registrations."""
    copy = Atelier(date=on, **{name: getattr(atelier, name) for name in SESSION_FIELDS})
    copy.full_clean(exclude=["cycle"])
    copy.save()
    return copy


@dataclass(frozen=True)
class CycleExpansion:
    created: int
    kept: tuple[date, ...] = ()

    def notices(self) -> list[Notice]:
        notices = [
            Notice(
                "success",
                ngettext("%(count)d séance créée.", "%(count)d séances créées.", self.created)
                % {"count": self.created},
            )
        ]
        if self.kept:
            days = ", ".join(date_format(day, "j F Y") for day in self.kept)
            text = _(
                "Gardées car modifiées, annulées ou avec des inscrits, alors que le cycle ne "
                "les prévoit plus : %(days)s."
            )
            notices.append(Notice("warning", text % {"days": days}))
        return notices


@transaction.atomic
def expand_cycle(*, cycle: AtelierCycle) -> CycleExpansion:
    """Create the sessions of a cycle at once, from its rule, except on public holidays
    and, when the cycle says so, school holidays. Sessions already there are left as
    they are; future ones the rule no longer produces are deleted unless changed by
    hand, cancelled or with registrations (those are listed in ``kept``)."""
    AtelierCycle.objects.select_for_update().filter(pk=cycle.pk).first()
    wanted = scheduled_dates(
        rrule_text=cycle.rrule,
        starts_on=cycle.starts_on,
        ends_on=cycle.ends_on,
        skip_school_holidays=cycle.skip_school_holidays,
    )
    existing = set(cycle.sessions.values_list("date", flat=True))
    fields = {name: getattr(cycle, name) for name in SESSION_FIELDS}
    created = Atelier.objects.bulk_create(
        [Atelier(cycle=cycle, date=day, **fields) for day in wanted if day not in existing]
    )
    stale = list(
        cycle.sessions.filter(date__gt=timezone.localdate())
        .exclude(date__in=wanted)
        .annotate(registrations=Count("inscriptions"))
        .values_list("pk", "date", "changed_by_hand", "status", "registrations")
    )
    doomed = [
        pk
        for pk, _day, by_hand, status, registrations in stale
        if not by_hand and status == AtelierStatus.PLANNED and not registrations
    ]
    Atelier.objects.filter(pk__in=doomed).delete()
    kept = tuple(sorted(day for pk, day, *_rest in stale if pk not in doomed))
    return CycleExpansion(created=len(created), kept=kept)


@transaction.atomic
def mark_attendance(*, atelier: Atelier, attendance: Mapping[int, str], walk_ins: int) -> Atelier:
    """Note who came (present, absent, excused for each registered person) and how many
    came without registering; the session is then held."""
    atelier = _locked(atelier)
    allowed = set(Attendance.values) | {""}
    registered = {
        inscription.pk: inscription
        for inscription in atelier.inscriptions.filter(status=InscriptionStatus.CONFIRMED)
    }
    for pk, value in attendance.items():
        if pk in registered and value in allowed:
            registered[pk].attendance = value
    Inscription.objects.bulk_update(registered.values(), ["attendance"])
    atelier.walk_ins = walk_ins
    if atelier.status == AtelierStatus.PLANNED:
        atelier.status = AtelierStatus.HELD
    atelier.save(update_fields=["walk_ins", "status"])
    return atelier


@transaction.atomic
def purge_inscriptions(*, held_before: date, now=None) -> int:
    """Erase the names and contacts of registrations to sessions held before
    ``held_before``; their status, attendance and answers stay, anonymous, for the
    figures. Returns how many were erased."""
    return Inscription.objects.filter(atelier__date__lt=held_before, erased_at__isnull=True).update(
        first_name="",
        phone="",
        email="",
        contact_key="",
        consent_text="",
        erased_at=now or timezone.now(),
    )
