"""Load a demonstration schedule, relative to today: this month and the next.

Demonstration data only. A few recurring permanences of the demo directory expanded
into dates, a Mairie Bus tour of half-days with their themes (this month, then copied to
the next month as coordinators do), one cancelled permanence, and the school holidays
of zone B (Angers). Needs the demo directory (``load_demo_directory``) first.
Idempotent: running it twice changes nothing.
"""

from datetime import date, time, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from permanences.actions import schedule as actions
from permanences.models import Permanence, PermanenceRule, SchoolHoliday
from roseraie_portal.holidays import is_public_holiday
from services.models import Lieu, Service, Thematique

# Zone B school holidays: DEMONSTRATION DATES, close to the published calendar but not
# checked against it; coordinators enter the official ones from education.gouv.fr.
SCHOOL_HOLIDAYS = (
    ("Vacances de la Toussaint 2025", date(2025, 10, 18), date(2025, 11, 2)),
    ("Vacances de Noël 2025", date(2025, 12, 20), date(2026, 1, 4)),
    ("Vacances d’hiver 2026 (zone B)", date(2026, 2, 14), date(2026, 3, 1)),
    ("Vacances de printemps 2026 (zone B)", date(2026, 4, 11), date(2026, 4, 26)),
    ("Vacances d’été 2026", date(2026, 7, 4), date(2026, 8, 31)),
    ("Vacances de la Toussaint 2026", date(2026, 10, 17), date(2026, 11, 1)),
    ("Vacances de Noël 2026", date(2026, 12, 19), date(2027, 1, 3)),
    ("Vacances d’hiver 2027 (zone B)", date(2027, 2, 13), date(2027, 2, 28)),
    ("Vacances de printemps 2027 (zone B)", date(2027, 4, 10), date(2027, 4, 25)),
    ("Vacances d’été 2027", date(2027, 7, 3), date(2027, 8, 31)),
)

SANTE = "sante--acces-aux-soins"
PAPIERS = "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
DROITS = "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"
BUDGET = "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere"
EN_LIGNE = "numerique--acceder-a-des-services-en-ligne"

# Recurring permanences: (service slug, lieu slug, rrule, start, end, fields).
RULES = (
    (
        "permanence-conseiller-numerique",
        "bibliotheque-roseraie",
        "FREQ=WEEKLY;BYDAY=WE",
        time(14),
        time(17, 30),
        {"thematique": EN_LIGNE, "languages": ["fr", "ar", "ber"], "skip_school_holidays": True},
    ),
    (
        "cafe-demarches",
        "centre-jean-vilar",
        "FREQ=WEEKLY;BYDAY=TU",
        time(9),
        time(11, 30),
        {"theme_label": "Papiers", "thematique": PAPIERS, "languages": ["fr", "ar", "ber", "tr"]},
    ),
    (
        "permanence-finances-publiques",
        "france-services-roseraie",
        "FREQ=MONTHLY;BYDAY=2TU",
        time(9),
        time(12),
        {"theme_label": "Impôts", "thematique": BUDGET, "appointment_required": True},
    ),
    (
        "ecrivain-public",
        "centre-jean-vilar",
        "FREQ=WEEKLY;BYDAY=TH",
        time(9, 30),
        time(12),
        {"languages": ["fr", "ar"], "skip_school_holidays": True},
    ),
)

BUS_SERVICE = "bus-mairie-demarches"
# The tour's half-days, as the bus stops' hours in the directory: (weekday, stop, start, end).
BUS_HALF_DAYS = (
    (0, "bus-mairie-belle-beille", time(14), time(16, 30)),
    (1, "bus-mairie-bamako", time(9, 30), time(12)),
    (2, "bus-mairie-monplaisir", time(9, 30), time(12)),
    (3, "bus-mairie-justices", time(9, 30), time(12)),
    (3, "bus-mairie-bamako", time(14), time(16, 30)),
    (4, "bus-mairie-monplaisir", time(14), time(16, 30)),
)
# One theme per half-day, turning with the week so that each stop sees every theme.
BUS_THEMES = (("Impôts", BUDGET), ("CAF", DROITS), ("Santé", SANTE), ("Papiers", PAPIERS))
CANCELLATION_REASON = (
    "Le bus est en révision au garage. L’agent vous reçoit au Relais-Mairie de La Roseraie."
)


class Command(BaseCommand):
    help = (
        "Load a demonstration schedule for this month and the next: recurring permanences, "
        "a Mairie Bus tour, one cancelled permanence, and the zone B school holidays "
        "(demonstration dates). Needs load_demo_directory first. Idempotent."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        this_month = timezone.localdate().replace(day=1)
        next_month = actions.first_of_next_month(this_month)
        last_day = actions.first_of_next_month(next_month) - timedelta(days=1)
        services = self._by_slug(Service, {rule[0] for rule in RULES} | {BUS_SERVICE})
        lieux = self._by_slug(
            Lieu, {rule[1] for rule in RULES} | {half_day[1] for half_day in BUS_HALF_DAYS}
        )
        thematiques = dict(Thematique.objects.values_list("code", "pk"))

        for name, starts_on, ends_on in SCHOOL_HOLIDAYS:
            SchoolHoliday.objects.update_or_create(
                name=name, defaults={"starts_on": starts_on, "ends_on": ends_on}
            )

        created = 0
        for service, lieu, rrule, start, end, fields in RULES:
            fields = dict(fields)
            fields["thematique_id"] = thematiques.get(fields.pop("thematique", ""))
            rule, _ = PermanenceRule.objects.update_or_create(
                service=services[service],
                lieu=lieux[lieu],
                rrule=rrule,
                defaults={
                    "starts_on": this_month,
                    "ends_on": last_day,
                    "start_time": start,
                    "end_time": end,
                    **fields,
                },
            )
            created += actions.expand_rule(rule=rule).created

        tour = self._build_tour(this_month, services[BUS_SERVICE], lieux, thematiques)
        copied = actions.duplicate_month(source_month=this_month, target_month=next_month)
        self._cancel_one(next_month)

        self.stdout.write(
            f"Demo permanences: {len(RULES)} recurring permanences ({created} dates created), "
            f"a Mairie Bus tour of {tour} half-days this month copied to next month "
            f"({copied.created} created, {len(copied.skipped)} skipped), one cancelled, "
            f"{len(SCHOOL_HOLIDAYS)} school holidays (demonstration dates)."
        )

    def _by_slug(self, model, slugs):
        found = model.objects.in_bulk(list(slugs), field_name="slug")
        missing = sorted(slugs - found.keys())
        if missing:
            raise CommandError(
                f"{model._meta.verbose_name_plural} missing: {', '.join(missing)}. "
                "Load the demo directory first (manage.py load_demo_directory)."
            )
        return found

    def _build_tour(self, month, service, lieux, thematiques) -> int:
        """This month's tour; next month's is copied from it, as coordinators do."""
        day, count = month, 0
        while day.month == month.month:
            rank = (day.day - 1) // 7
            for index, (weekday, stop, start, end) in enumerate(BUS_HALF_DAYS):
                if weekday != day.weekday() or is_public_holiday(day):
                    continue
                label, code = BUS_THEMES[(rank + index) % len(BUS_THEMES)]
                Permanence.objects.get_or_create(
                    rule=None,
                    service=service,
                    lieu=lieux[stop],
                    date=day,
                    start_time=start,
                    defaults={
                        "end_time": end,
                        "theme_label": label,
                        "thematique_id": thematiques.get(code),
                        "languages": ["fr", "ar", "tr"],
                    },
                )
                count += 1
            day += timedelta(days=1)
        return count

    def _cancel_one(self, month):
        """The first half-day of next month's tour, so that the cancellation is ahead."""
        first = (
            Permanence.objects.filter(
                lieu__itinerant=True,
                rule__isnull=True,
                date__gte=month,
                date__lt=actions.first_of_next_month(month),
            )
            .order_by("date", "start_time", "pk")
            .first()
        )
        if first is not None and not first.cancelled:
            actions.cancel_permanence(permanence=first, reason=CANCELLATION_REASON)
