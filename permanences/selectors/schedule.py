"""Reads of the schedule shared by several pages: the next permanences (a service's page,
the home page) and the permanences' part of the agenda (roseraie_portal/agenda.py)."""

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from permanences.models import Permanence
from roseraie_portal import roles
from roseraie_portal.agenda import AgendaItem, AgendaQuery, pictogram_and_legend
from roseraie_portal.content_language import shown


def next_permanences(*, service, limit: int = 3, now=None) -> list[Permanence]:
    """The next permanences of one service (shown on its page), cancelled ones included."""
    return list(Permanence.objects.still_to_come(now).for_display().filter(service=service)[:limit])


def upcoming_permanences(*, limit: int = 5, now=None) -> list[Permanence]:
    """The next permanences of every published service (shown on the home page)."""
    return list(Permanence.objects.public().still_to_come(now).for_display()[:limit])


def people_who_hold_permanences():
    """Active conseillers and coordinators: those a permanence may name."""
    return roles.accounts_in(roles.CONSEILLER, roles.COORDINATION)


def _description(permanence: Permanence) -> str:
    service = permanence.service
    lines = []
    if permanence.cancelled:
        lines.append(_("Annulée : %(reason)s") % {"reason": permanence.cancellation_reason})
    lines.append(f"{service.name} ({service.structure.name})")
    lines.append(
        _("Sur rendez-vous.") if permanence.appointment_required else _("Sans rendez-vous.")
    )
    if permanence.languages:
        lines.append(
            _("Langues parlées : %(languages)s")
            % {"languages": ", ".join(permanence.languages_display)}
        )
    return "\n".join(lines)


def agenda_item(permanence: Permanence) -> AgendaItem:
    pictogram, legend = pictogram_and_legend(permanence.thematique)
    return AgendaItem(
        kind="permanence",
        uid=f"permanence-{permanence.pk}@roseraie-portal",
        date=permanence.date,
        start_time=permanence.start_time,
        end_time=permanence.end_time,
        title=permanence.half_day_theme or shown(permanence.service, "name"),
        pictogram=pictogram,
        legend=legend,
        lieu=permanence.lieu,
        url=permanence.service.get_absolute_url(),
        description=_description(permanence),
        template="permanences/components/permanence.html",
        obj=permanence,
        cancelled=permanence.cancelled,
        cancellation_reason=permanence.cancellation_reason,
        appointment_required=permanence.appointment_required,
        categories=(permanence.thematique.display_name,) if permanence.thematique else (),
    )


class PermanenceAgenda:
    """The permanences of published services, as the agenda asks for them."""

    label = gettext_lazy("Permanences")

    def _matching(self, query: AgendaQuery):
        permanences = Permanence.objects.public().for_display().filter(date__gte=query.first_day)
        if query.still_to_come_at is not None:
            permanences = permanences.still_to_come(query.still_to_come_at)
        if query.last_day is not None:
            permanences = permanences.filter(date__lte=query.last_day)
        if query.theme is not None:
            permanences = permanences.about_theme(query.theme)
        if query.lieu is not None:
            permanences = permanences.filter(lieu=query.lieu)
        if query.quartier is not None:
            permanences = permanences.filter(lieu__quartier=query.quartier)
        return permanences.order_by("date", "start_time")

    def items(self, query: AgendaQuery) -> list[AgendaItem]:
        return [agenda_item(permanence) for permanence in self._matching(query)]

    def first_day(self, query: AgendaQuery):
        return self._matching(query).values_list("date", flat=True).first()

    def lieu_ids(self):
        return Permanence.objects.values("lieu_id")


def monthly_counts(*, first_day, last_day, scope) -> dict[int, dict[str, int]]:
    """Permanences held and cancelled, by month number, between two days, of the services
    of a scope's structures (for the bilans), in one grouped query."""
    permanences = scope.filter(
        Permanence.objects.filter(date__range=(first_day, last_day)), "service__structure"
    )
    rows = (
        permanences.annotate(month=ExtractMonth("date"))
        .order_by()
        .values("month")
        .annotate(
            held=Count("pk", filter=Q(cancelled=False)),
            cancelled=Count("pk", filter=Q(cancelled=True)),
        )
    )
    return {row["month"]: {"held": row["held"], "cancelled": row["cancelled"]} for row in rows}
