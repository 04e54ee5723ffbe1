"""Reads of the ateliers shared by several pages, the agenda and the bilans: what is
coming, places left, and the figures of registrations and attendance."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ateliers.enums import AtelierStatus, Attendance, InscriptionStatus
from ateliers.models import Atelier, Inscription
from roseraie_portal import roles
from roseraie_portal.agenda import AgendaItem, AgendaQuery, pictogram_and_legend
from roseraie_portal.content_language import shown
from services.selectors import scope_of


def upcoming_ateliers(*, now=None):
    """Sessions from now on, soonest first, with what a card shows."""
    return Atelier.objects.still_to_come(now).for_cards().with_places_left()


# What a card of a list shows (ateliers/components/card.html): nothing more is read.
CARD_FIELDS = (
    "title",
    "date",
    "start_time",
    "end_time",
    "status",
    "cancellation_reason",
    "capacity",
    "registration_required",
    "level",
    "lieu__name",
    "lieu__quartier__name",
    "structure__name",
)


def cards(ids) -> list[Atelier]:
    """The sessions of ``ids`` (a page's), in order, with what a card shows."""
    ateliers = Atelier.objects.filter(pk__in=ids).for_cards().with_places_left()
    return list(ateliers.only(*CARD_FIELDS).order_by("date", "start_time", "pk"))


def next_ateliers(*, service=None, limit: int = 3, now=None) -> list[Atelier]:
    """The next sessions (of one service when given), cancelled ones included."""
    ateliers = upcoming_ateliers(now=now)
    if service is not None:
        ateliers = ateliers.filter(service=service)
    return list(ateliers[:limit])


class RegistrationRefused(Exception):
    """A registration cannot be taken; ``str()`` says why, in plain words."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.code = code


def registration_refusal(atelier: Atelier, *, now=None) -> RegistrationRefused | None:
    """Why a session takes no registration now, or None when it does."""
    local = timezone.localtime(now)
    if atelier.status == AtelierStatus.CANCELLED:
        return RegistrationRefused(_("Cet atelier est annulé."), code="cancelled")
    if not atelier.registration_required:
        return RegistrationRefused(
            _("Cet atelier est sans inscription : venez directement."), code="no_registration"
        )
    if (atelier.date, atelier.start_time) <= (local.date(), local.time()):
        return RegistrationRefused(
            _("Cet atelier a déjà commencé : les inscriptions sont closes."), code="started"
        )
    return None


# How long after a session its animateur still finds it among theirs, to note attendance.
RECENT = timedelta(days=14)


def ateliers_of(user, *, now=None):
    """The sessions a professional works with, from two weeks ago on (attendance is noted
    after): coordination and conseillers all (they register people on their behalf), a
    partner its structures', an animateur its own."""
    since = timezone.localdate(now) - RECENT
    ateliers = (
        Atelier.objects.filter(date__gte=since)
        .for_display()
        .with_counts()
        .order_by("date", "start_time", "pk")
    )
    if roles.has_role(user, roles.COORDINATION, roles.CONSEILLER):
        return ateliers
    return ateliers.filter(scope_of(user).q("structure") | Q(animateur=user))


def may_mark_attendance(user, atelier: Atelier) -> bool:
    return roles.has_role(user, roles.COORDINATION) or atelier.animateur_id == user.pk


# --- Figures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AtelierFigures:
    """Registrations and attendance over sessions held (cancelled ones left out)."""

    sessions: int
    registered: int
    waiting: int
    present: int
    absent: int
    excused: int
    walk_ins: int
    first_time: int

    @property
    def participation_rate(self) -> float | None:
        """Present / registered: how many of those who registered came."""
        return self.present / self.registered if self.registered else None

    @property
    def no_show_rate(self) -> float | None:
        """Absent without excuse / registered."""
        return self.absent / self.registered if self.registered else None


def figures(*, first_day: date, last_day: date, user=None, structure=None) -> AtelierFigures:
    """The figures of the sessions between two days, within a user's scope (a partner:
    its structures) or for one structure."""
    ateliers = Atelier.objects.filter(date__range=(first_day, last_day))
    if user is not None:
        ateliers = scope_of(user).filter(ateliers, "structure")
    if structure is not None:
        ateliers = ateliers.filter(structure=structure)
    return figures_of(ateliers)


def figures_of(ateliers) -> AtelierFigures:
    """The figures of these sessions, cancelled ones left out, in two queries."""
    ateliers = ateliers.exclude(status=AtelierStatus.CANCELLED).order_by()
    sessions = ateliers.aggregate(sessions=Count("pk"), walk_ins=Sum("walk_ins"))
    confirmed = Q(status=InscriptionStatus.CONFIRMED)
    counts = Inscription.objects.filter(atelier__in=ateliers.values("pk")).aggregate(
        registered=Count("pk", filter=confirmed),
        waiting=Count("pk", filter=Q(status=InscriptionStatus.WAITING)),
        present=Count("pk", filter=confirmed & Q(attendance=Attendance.PRESENT)),
        absent=Count("pk", filter=confirmed & Q(attendance=Attendance.ABSENT)),
        excused=Count("pk", filter=confirmed & Q(attendance=Attendance.EXCUSED)),
        first_time=Count("pk", filter=confirmed & Q(first_time=True)),
    )
    return AtelierFigures(
        sessions=sessions["sessions"], walk_ins=sessions["walk_ins"] or 0, **counts
    )


# --- The agenda ------------------------------------------------------------------------


def _description(atelier: Atelier) -> str:
    lines = []
    if atelier.is_cancelled:
        lines.append(_("Annulé : %(reason)s") % {"reason": atelier.cancellation_reason})
    lines.append(f"{atelier.title} ({atelier.structure.name})")
    if atelier.registration_required:
        lines.append(_("Sur inscription, %(count)d places.") % {"count": atelier.capacity})
    else:
        lines.append(_("Sans inscription."))
    return "\n".join(lines)


def agenda_item(atelier: Atelier) -> AgendaItem:
    pictogram, legend = pictogram_and_legend(atelier.thematique)
    return AgendaItem(
        kind="atelier",
        uid=f"atelier-{atelier.pk}@roseraie-portal",
        date=atelier.date,
        start_time=atelier.start_time,
        end_time=atelier.end_time,
        title=shown(atelier, "title"),
        pictogram=pictogram,
        legend=legend,
        lieu=atelier.lieu,
        url=atelier.get_absolute_url(),
        description=_description(atelier),
        template="ateliers/components/agenda_item.html",
        obj=atelier,
        cancelled=atelier.is_cancelled,
        cancellation_reason=atelier.cancellation_reason,
        appointment_required=atelier.registration_required,
        categories=(atelier.thematique.display_name,) if atelier.thematique else (),
    )


class AteliersAgenda:
    """The ateliers, as the agenda asks for them."""

    label = _lazy("Ateliers")

    def _matching(self, query: AgendaQuery):
        ateliers = (
            Atelier.objects.for_display().with_places_left().filter(date__gte=query.first_day)
        )
        if query.still_to_come_at is not None:
            ateliers = ateliers.still_to_come(query.still_to_come_at)
        if query.last_day is not None:
            ateliers = ateliers.filter(date__lte=query.last_day)
        if query.theme is not None:
            ateliers = ateliers.filter(
                Q(thematique=query.theme) | Q(thematique__parent=query.theme)
            )
        if query.lieu is not None:
            ateliers = ateliers.filter(lieu=query.lieu)
        if query.quartier is not None:
            ateliers = ateliers.filter(lieu__quartier=query.quartier)
        return ateliers.order_by("date", "start_time", "pk")

    def items(self, query: AgendaQuery) -> list[AgendaItem]:
        return [agenda_item(atelier) for atelier in self._matching(query)]

    def first_day(self, query: AgendaQuery):
        return self._matching(query).values_list("date", flat=True).first()

    def lieu_ids(self):
        return Atelier.objects.filter(date__gte=timezone.localdate()).values("lieu_id")


def monthly_figures(*, first_day: date, last_day: date, scope) -> dict[int, dict[str, int]]:
    """Sessions held (not cancelled), walk-ins, registered and present, by month number,
    for the sessions between two days of a scope's structures (for the bilans): two
    grouped queries."""
    ateliers = scope.filter(
        Atelier.objects.filter(date__range=(first_day, last_day)).exclude(
            status=AtelierStatus.CANCELLED
        ),
        "structure",
    )
    months: dict[int, dict[str, int]] = {}
    for row in (
        ateliers.annotate(month=ExtractMonth("date"))
        .order_by()
        .values("month")
        .annotate(sessions=Count("pk"), walk_ins=Sum("walk_ins"))
    ):
        months.setdefault(row["month"], {}).update(
            sessions=row["sessions"], walk_ins=row["walk_ins"] or 0
        )
    confirmed = Q(status=InscriptionStatus.CONFIRMED)
    for row in (
        Inscription.objects.filter(atelier__in=ateliers.values("pk"))
        .annotate(month=ExtractMonth("atelier__date"))
        .order_by()
        .values("month")
        .annotate(
            registered=Count("pk", filter=confirmed),
            present=Count("pk", filter=confirmed & Q(attendance=Attendance.PRESENT)),
        )
    ):
        months.setdefault(row["month"], {}).update(
            registered=row["registered"], present=row["present"]
        )
    return months
