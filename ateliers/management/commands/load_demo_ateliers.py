"""Load the demonstration ateliers of fixtures/demo/ateliers.json, relative to today: a
cycle of six Tuesdays, sessions before and after today with their registrations, one
held with its attendance, one full with a waiting list, one cancelled. Through the
ateliers' actions; needs the demo directory first. Idempotent."""

import json
from datetime import datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from ateliers import actions
from ateliers.enums import AtelierStatus, Need
from ateliers.models import Atelier, AtelierCycle
from services.enums import OrientationSource
from services.models import Lieu, Service, Structure, Thematique

DEMO_FILE = Path(settings.BASE_DIR) / "fixtures" / "demo" / "ateliers.json"
DETAILS = ("title", "description", "falc_description", "level", "capacity", "publics")
DETAILS += ("languages", "registration_required", "equipment_provided", "to_bring")


class Command(BaseCommand):
    help = (
        "Load the demonstration ateliers (fixtures/demo/ateliers.json) around today, with "
        "registrations and attendance. Needs load_demo_directory first. Idempotent."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        demo = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
        self.people = demo["people"]
        today = timezone.localdate()
        for row in demo["cycles"]:
            first_day = today + timedelta(weeks=row["first_week_offset"])
            cycle = AtelierCycle.objects.filter(title=row["title"]).first() or AtelierCycle()
            self._fill(cycle, row)
            cycle.rrule = row["rrule"]
            cycle.starts_on, cycle.ends_on = first_day, first_day + timedelta(weeks=10)
            cycle.save()
            actions.expand_cycle(cycle=cycle)
            for number, session in enumerate(cycle.sessions.order_by("date")):
                self._register(session, count=6 - number % 3)
        for row in demo["ateliers"]:
            day = today + timedelta(days=row["day"])
            atelier = Atelier.objects.filter(title=row["title"], date=day).first()
            if atelier is None:
                atelier = Atelier(date=day)
                self._fill(atelier, row)
                actions.save_atelier(atelier=atelier)
            self._register(atelier, count=row.get("registrations", 0))
            if "attendance" in row and atelier.status == AtelierStatus.PLANNED:
                registered = atelier.inscriptions.order_by("created_at")
                ids = registered.values_list("pk", flat=True)
                attendance = dict(zip(ids, row["attendance"], strict=True))
                actions.mark_attendance(
                    atelier=atelier, attendance=attendance, walk_ins=row["walk_ins"]
                )
            if "cancelled" in row and atelier.status == AtelierStatus.PLANNED:
                actions.cancel_atelier(atelier=atelier, reason=row["cancelled"])
        self.stdout.write(
            f"Demo ateliers: {Atelier.objects.count()} sessions, "
            f"{len(demo['cycles'])} cycle(s), registrations and attendance."
        )

    def _fill(self, atelier, row) -> None:
        def by(model, field, value):
            found = model.objects.filter(**{field: value}).first()
            if found is None:
                raise CommandError(
                    f"{model._meta.verbose_name} {value!r} missing: load the demo directory first."
                )
            return found

        defaults = {"level": "debutant", "falc_description": "", "publics": ["tous-publics"]}
        defaults |= {"languages": ["fr"], "registration_required": True}
        defaults |= {"equipment_provided": True, "to_bring": []}
        for name in DETAILS:
            setattr(atelier, name, row.get(name, defaults.get(name)))
        atelier.thematique = by(Thematique, "code", row["thematique"])
        atelier.structure = by(Structure, "slug", row["structure"])
        atelier.lieu = by(Lieu, "slug", row["lieu"])
        atelier.service = by(Service, "slug", row["service"]) if row.get("service") else None
        animateur = row.get("animateur")
        atelier.animateur = get_user_model().objects.filter(username=animateur).first()
        atelier.start_time = time.fromisoformat(row["start_time"])
        atelier.end_time = time.fromisoformat(row["end_time"])

    def _register(self, atelier: Atelier, *, count: int) -> None:
        """Registrations as people made them, days before the session; a few with a
        (placeholder) contact and the consent that goes with it."""
        if not atelier.registration_required or atelier.inscriptions.exists():
            return
        before = timezone.make_aware(datetime.combine(atelier.date, time(9)) - timedelta(days=4))
        sources = list(OrientationSource.values)
        for number in range(count):
            name = self.people[(atelier.pk + number) % len(self.people)]
            contact = {}
            if number % 3 == 0:
                contact = {"email": f"personne{atelier.pk}-{number}@example.org"}
            elif number % 3 == 1:
                contact = {"phone": f"06 00 00 {atelier.pk % 100:02d} {number:02d}"}
            actions.register_to_atelier(
                atelier=atelier,
                first_name=name,
                consent_text="Consentement de démonstration." if contact else "",
                heard_from=sources[number % len(sources)],
                needs=[Need.INTERPRETER] if number == 2 else [],
                now=before + timedelta(minutes=number),
                **contact,
            )
