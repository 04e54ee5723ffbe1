"""Load the demonstration schedule of fixtures/demo/schedule.json, relative to today:
from two years back (permanences/demo_log.py's HISTORY_MONTHS) to the end of next month;
then the demonstration log of accompaniments held there (fixtures/demo/accompagnements.json).

A few recurring permanences of the demo directory expanded into dates, a Mairie Bus tour
of half-days with their themes (this month, then copied to the next month and to the
months before as coordinators do), one cancelled permanence ahead, and the school
holidays of zone B (Angers). The log is drawn when the demo account "conseiller" exists
(``load_demo`` creates it in development). Needs the demo directory
(``load_demo_directory``) first. Idempotent: running it twice changes nothing.
"""

import json
from datetime import date, time, timedelta
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from permanences import demo_log
from permanences.actions import schedule as actions
from permanences.models import Permanence, PermanenceRule
from roseraie_portal.holidays import is_public_holiday
from roseraie_portal.models import SchoolHoliday
from services.models import Lieu, Service, Thematique

SCHEDULE_FILE = Path(settings.BASE_DIR) / "fixtures" / "demo" / "schedule.json"


def _time(text: str) -> time:
    return time.fromisoformat(text)


class Command(BaseCommand):
    help = (
        "Load the demonstration schedule (fixtures/demo/schedule.json) from two years back to "
        "the end of next month: recurring permanences, a Mairie Bus tour, one cancelled "
        "permanence, and the zone B school holidays (demonstration dates); then, when the demo "
        "account 'conseiller' exists, the demonstration log of accompaniments "
        "(fixtures/demo/accompagnements.json). Needs load_demo_directory first. Idempotent."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        schedule = json.loads(SCHEDULE_FILE.read_text(encoding="utf-8"))
        recurring, tour = schedule["recurring"], schedule["bus_tour"]
        today = timezone.localdate()
        this_month, first_day = today.replace(day=1), demo_log.history_start(today)
        next_month = actions.first_of_next_month(this_month)
        last_day = actions.first_of_next_month(next_month) - timedelta(days=1)
        services = self._by_slug(
            Service, {rule["service"] for rule in recurring} | {tour["service"]}
        )
        lieux = self._by_slug(
            Lieu,
            {rule["lieu"] for rule in recurring} | {half["lieu"] for half in tour["half_days"]},
        )
        thematiques = dict(Thematique.objects.values_list("code", "pk"))

        for holiday in schedule["school_holidays"]:
            SchoolHoliday.objects.update_or_create(
                name=holiday["name"],
                defaults={
                    "starts_on": date.fromisoformat(holiday["starts_on"]),
                    "ends_on": date.fromisoformat(holiday["ends_on"]),
                },
            )

        created = 0
        for fields in recurring:
            fields = dict(fields)
            service, lieu, rrule = fields.pop("service"), fields.pop("lieu"), fields.pop("rrule")
            fields["thematique_id"] = thematiques.get(fields.pop("thematique", ""))
            fields["start_time"] = _time(fields["start_time"])
            fields["end_time"] = _time(fields["end_time"])
            rule, _ = PermanenceRule.objects.update_or_create(
                service=services[service],
                lieu=lieux[lieu],
                rrule=rrule,
                defaults={"starts_on": first_day, "ends_on": last_day, **fields},
            )
            created += actions.expand_rule(rule=rule).created

        count = self._build_tour(this_month, tour, services[tour["service"]], lieux, thematiques)
        copied = actions.duplicate_month(source_month=this_month, target_month=next_month)
        held, month = 0, first_day
        while month < this_month:
            held += actions.duplicate_month(source_month=this_month, target_month=month).created
            month = actions.first_of_next_month(month)
        self._cancel_one(next_month, reason=tour["cancellation_reason"])

        self.stdout.write(
            f"Demo permanences from {first_day:%Y-%m-%d}: {len(recurring)} recurring "
            f"permanences ({created} dates created), a Mairie Bus tour of {count} half-days "
            f"this month copied to next month ({copied.created} created, "
            f"{len(copied.skipped)} skipped) and to the {demo_log.HISTORY_MONTHS} months before "
            f"({held} created), one cancelled, {len(schedule['school_holidays'])} school "
            "holidays (demonstration dates)."
        )
        self._load_log(today)

    def _load_log(self, today):
        try:
            profile = demo_log.read_profile()
        except demo_log.DemoLogError as error:
            raise CommandError(
                "fixtures/demo/accompagnements.json has problems:\n" + "\n".join(error.problems)
            ) from error
        log = demo_log.generate_demo_log(today=today, profile=profile)
        if log is None:
            self.stdout.write(
                f"Demo log: skipped, there is no '{demo_log.DEMO_CONSEILLER}' account to write "
                "it (load_demo creates it in development, not with --no-accounts): the bilans "
                "and the diagnostics show no accompaniments."
            )
        elif log.created:
            self.stdout.write(
                f"Demo log: {log.created} accompaniments from {log.first_day:%Y-%m-%d} to "
                f"{log.last_day:%Y-%m-%d}, by {', '.join(log.authors)} (demonstration data)."
            )
        else:
            self.stdout.write(
                f"Demo log: up to date to {log.last_day:%Y-%m-%d}, no accompaniment added."
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

    def _build_tour(self, month, tour, service, lieux, thematiques) -> int:
        """This month's tour, one theme per half-day turning with the week so that each
        stop sees every theme; next month's is copied from it, as coordinators do."""
        themes = tour["themes"]
        day, count = month, 0
        while day.month == month.month:
            rank = (day.day - 1) // 7
            for index, half_day in enumerate(tour["half_days"]):
                if half_day["weekday"] != day.weekday() or is_public_holiday(day):
                    continue
                theme = themes[(rank + index) % len(themes)]
                start = _time(half_day["start_time"])
                already = Permanence.objects.filter(
                    rule=None,
                    service=service,
                    lieu=lieux[half_day["lieu"]],
                    date=day,
                    start_time=start,
                )
                if not already.exists():
                    permanence = Permanence(
                        service=service,
                        lieu=lieux[half_day["lieu"]],
                        date=day,
                        start_time=start,
                        end_time=_time(half_day["end_time"]),
                        theme_label=theme["theme_label"],
                        thematique_id=thematiques.get(theme["thematique"]),
                        languages=tour["languages"],
                    )
                    actions.save_permanence(permanence=permanence)
                count += 1
            day += timedelta(days=1)
        return count

    def _cancel_one(self, month, *, reason: str):
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
            actions.cancel_permanence(permanence=first, reason=reason)
