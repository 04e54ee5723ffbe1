"""Upcoming ateliers at any scale, for the benchmarks (``atelier_list.py``,
``atelier_registrations.py``): ``generate_ateliers(ateliers=5000)``.

The sessions are spread over the next ``months`` (from tomorrow, so that all of them are
still to come today; no Sunday), held by a few of the generated directory's structures at
a few of its places (about one structure and one place per 50 sessions: a list's place
filter stays a list a person can read), on the themes of ``ateliers_words``. The
generated directory is reused, or generated first when there is none.

Registrations follow demand: a session a fortnight away is often full with a waiting
list, one in four months has a few names. Each person (a first name, a phone, an e-mail
or nothing) may register to several sessions; "first time" is true on their first
registration only, as the action says it. Some cancelled their place; about 3% of the
sessions are cancelled and 8% take no registration.

Rows are written with bulk_create, which is not how the app writes (the actions lock a
session per registration): a generator is not the app. They are marked by their
animateur, a "bench-animateur-" account, so that ``clear=True`` removes only them (their
registrations go with them). By hand: ``python -m benchmarks.generators ateliers --help``.
"""

import json
import random
from collections.abc import Callable
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone, translation

from ateliers.actions import contact_key
from ateliers.enums import AtelierStatus, InscriptionStatus, Need
from ateliers.forms import CONSENT_TEXT
from ateliers.models import Atelier, Inscription, new_token
from benchmarks.generators import GenerationError, vacuum_analyse
from benchmarks.generators import directory as generated_directory
from benchmarks.generators.accounts import conseiller_accounts
from benchmarks.generators.ateliers_words import (
    CANCELLATION_REASONS,
    CAPACITIES,
    FALC_LINES,
    TIMES,
    TO_BRING,
    WORKSHOPS,
)
from services.enums import NON_COMMUNIQUE, OrientationSource, TypeService
from services.models import Lieu, Service, Structure, Thematique

PREFIX = "bench-animateur-"
DEFAULT_ATELIERS = 5_000
# The directory benchmark's size: both benchmarks then share one generated directory.
DIRECTORY_SERVICES = 10_000
SESSIONS_PER_ORGANISER = 50
SESSIONS_PER_PLACE = 50
PEOPLE_PER_SESSION = 3  # the size of the pool of residents who register
HEARD_FROM = [NON_COMMUNIQUE] * 2 + list(OrientationSource.values)
MESSAGE_LANGUAGES = ["fr"] * 18 + ["ar", "en"]
PEOPLE = json.loads((settings.BASE_DIR / "fixtures" / "demo" / "ateliers.json").read_text())[
    "people"
]


def generate_ateliers(
    *,
    ateliers: int | None = None,
    months: int = 6,
    seed: int = 1,
    clear: bool = False,
    directory_services: int = DIRECTORY_SERVICES,
    batch_size: int = 2000,
    log: Callable[[str], object] = lambda message: None,
) -> dict[str, int]:
    """Remove the generated ateliers first when ``clear``, then generate ``ateliers``
    upcoming sessions with their registrations (5,000 when neither is given; ``clear``
    alone removes only), saying what is done to ``log``. ``directory_services`` is the
    size of the directory generated when there is none. Returns how many rows went and
    came."""
    if ateliers is None and not clear:
        ateliers = DEFAULT_ATELIERS
    if ateliers is not None and ateliers < 1:
        raise GenerationError("The number of ateliers must be at least 1.")
    if months < 1:
        raise GenerationError("The ateliers must be spread over at least 1 month.")
    counts = {}
    with transaction.atomic():
        if clear:
            counts["removed"] = clear_generated()
            log(f"Removed {counts['removed']} generated ateliers.")
        if ateliers:
            generator = AtelierGenerator(seed=seed, batch_size=batch_size, log=log)
            counts |= generator.generate(
                ateliers, months=months, directory_services=directory_services
            )
            log(
                f"Generated {counts['ateliers']} upcoming ateliers over {months} months "
                f"({counts['full']} full), {counts['inscriptions']} registrations "
                f"({counts['waiting']} waiting)."
            )
    vacuum_analyse(Atelier, Inscription)
    return counts


def generated():
    """The generated sessions: those of the "bench-animateur-" accounts."""
    return Atelier.objects.filter(animateur__username__startswith=PREFIX)


def clear_generated() -> int:
    """Delete the generated sessions and their registrations; return how many sessions."""
    return generated().delete()[1].get(Atelier._meta.label, 0)


class AtelierGenerator:
    def __init__(self, *, seed: int, batch_size: int, log: Callable[[str], object]):
        self.random = random.Random(seed)
        self.batch_size = batch_size
        self.log = log
        self.now = timezone.now()
        with translation.override("fr"):
            self.consent_text = str(CONSENT_TEXT)

    def generate(self, count: int, *, months: int, directory_services: int) -> dict[str, int]:
        themes = dict(Thematique.objects.values_list("code", "pk"))
        missing = {code for _title, code, *_rest in WORKSHOPS} - set(themes)
        if missing:
            raise GenerationError(f"Themes missing, run the migrations first: {sorted(missing)}.")
        structures, places = self._directory(directory_services)
        organisers = self.random.sample(
            structures, max(1, min(len(structures), round(count / SESSIONS_PER_ORGANISER)))
        )
        venues = self.random.sample(
            places, max(1, min(len(places), round(count / SESSIONS_PER_PLACE)))
        )
        animateurs = self._animateurs(len(organisers))
        services = self._services(organisers)
        homes = {
            organiser: self.random.sample(venues, min(len(venues), self.random.randint(1, 3)))
            for organiser in organisers
        }
        ateliers = sorted(
            (
                self._atelier(
                    organiser, animateur, homes[organiser], services, themes, months=months
                )
                for organiser, animateur in self._hosts(organisers, animateurs, count)
            ),
            key=lambda atelier: (atelier.date, atelier.start_time),
        )
        Atelier.objects.bulk_create(ateliers, batch_size=self.batch_size)
        inscriptions = self._inscriptions(ateliers, people=max(50, count * PEOPLE_PER_SESSION))
        self._save_inscriptions(inscriptions)
        confirmed = {}
        for inscription in inscriptions:
            if inscription.status == InscriptionStatus.CONFIRMED:
                confirmed[inscription.atelier_id] = confirmed.get(inscription.atelier_id, 0) + 1
        return {
            "ateliers": len(ateliers),
            "full": sum(
                1
                for atelier in ateliers
                if atelier.registration_required
                and confirmed.get(atelier.pk, 0) >= atelier.capacity
            ),
            "inscriptions": len(inscriptions),
            "waiting": sum(1 for i in inscriptions if i.status == InscriptionStatus.WAITING),
        }

    def _directory(self, services: int) -> tuple[list[int], list[int]]:
        """The generated directory's structures and fixed places, generated first when
        there are none."""
        prefix = generated_directory.PREFIX
        structures = Structure.objects.filter(slug__startswith=prefix).order_by("pk")
        places = Lieu.objects.filter(slug__startswith=prefix, itinerant=False).order_by("pk")
        if not structures.exists() or not places.exists():
            self.log(f"No generated directory: generating one of {services} services first.")
            generated_directory.generate_directory(services=services, log=self.log)
        return list(structures.values_list("pk", flat=True)), list(
            places.values_list("pk", flat=True)
        )

    def _animateurs(self, count: int) -> list[int]:
        """One "bench-animateur-" account per organising structure, a conseiller."""
        names = [f"{PREFIX}{number:03d}" for number in range(1, count + 1)]
        users = conseiller_accounts(names)
        return [users[name] for name in names]

    def _services(self, organisers: list[int]) -> dict[int, list[int]]:
        """Each organiser's services a session may belong to, its workshops first."""
        services = {}
        rows = Service.objects.filter(structure__in=organisers).order_by("pk")
        for structure, pk, kind in rows.values_list("structure_id", "pk", "type"):
            services.setdefault(structure, {}).setdefault(kind == TypeService.ATELIER, []).append(
                pk
            )
        return {
            structure: kinds.get(True) or kinds.get(False, [])
            for structure, kinds in services.items()
        }

    def _hosts(self, organisers, animateurs, count):
        pairs = list(zip(organisers, animateurs, strict=True))
        return [self.random.choice(pairs) for _ in range(count)]

    def _atelier(self, organiser, animateur, homes, services, themes, *, months) -> Atelier:
        title, theme, description, level, _weight = self.random.choices(
            WORKSHOPS, weights=[workshop[-1] for workshop in WORKSHOPS]
        )[0]
        today = timezone.localdate(self.now)
        days = (today + relativedelta(months=months) - today).days
        day = today + timedelta(days=self.random.randint(1, days))
        if day.weekday() == 6:  # no atelier on Sundays
            day += timedelta(days=1 if (day - today).days < days else -1)
        start, end = self.random.choice(TIMES)
        own_services = services.get(organiser, [])
        cancelled = self.random.random() < 0.03
        return Atelier(
            title=title,
            thematique_id=themes[theme],
            level=level,
            description=description,
            falc_description="\n".join(self.random.sample(FALC_LINES, 3))
            if self.random.random() < 0.3
            else "",
            structure_id=organiser,
            service_id=self.random.choice(own_services)
            if own_services and self.random.random() < 0.4
            else None,
            animateur_id=animateur,
            lieu_id=self.random.choice(homes),
            start_time=time.fromisoformat(start),
            end_time=time.fromisoformat(end),
            capacity=self.random.choice(CAPACITIES),
            publics=["tous-publics"]
            if self.random.random() < 0.7
            else [self.random.choice(("seniors", "demandeurs-emploi", "familles", "jeunes"))],
            languages=["fr"]
            if self.random.random() < 0.75
            else ["fr", self.random.choice(("ar", "tr", "en"))],
            registration_required=self.random.random() >= 0.08,
            equipment_provided=self.random.random() < 0.8,
            to_bring=self.random.sample(TO_BRING, self.random.randint(0, 2)),
            date=day,
            status=AtelierStatus.CANCELLED if cancelled else AtelierStatus.PLANNED,
            cancellation_reason=self.random.choice(CANCELLATION_REASONS) if cancelled else "",
        )

    def _demand(self, atelier: Atelier) -> int:
        """How many people want a place: more as the day comes near."""
        days_ahead = (atelier.date - timezone.localdate(self.now)).days
        nearness = (
            1.0
            if days_ahead <= 14
            else 0.75
            if days_ahead <= 30
            else 0.45
            if days_ahead <= 60
            else 0.2
        )
        return round(atelier.capacity * self.random.uniform(0.4, 1.9) * nearness)

    def _inscriptions(self, ateliers: list[Atelier], *, people: int) -> list[Inscription]:
        """The registrations of every session, oldest first, with their "first time"."""
        persons = [self._person(number) for number in range(people)]
        inscriptions = []
        for atelier in ateliers:
            if not atelier.registration_required:
                continue
            demand = self._demand(atelier)
            confirmed = min(demand, atelier.capacity)
            waiting = min(demand - confirmed, atelier.capacity // 2)
            cancelled = 1 if demand and self.random.random() < 0.3 else 0
            who = self.random.sample(persons, confirmed + waiting + cancelled)
            moments = self._moments(atelier, len(who))
            statuses = (
                [InscriptionStatus.CONFIRMED] * confirmed
                + [InscriptionStatus.WAITING] * waiting
                + [InscriptionStatus.CANCELLED] * cancelled
            )
            if cancelled:  # who cancelled (the last status) had registered any time before
                moments.append(moments.pop(self.random.randrange(len(moments))))
            for person, moment, status in zip(who, moments, statuses, strict=True):
                inscriptions.append(self._inscription(atelier, person, moment, status))
        inscriptions.sort(key=lambda inscription: inscription.created_at)
        seen = set()
        for inscription in inscriptions:
            key = inscription.contact_key
            inscription.first_time = not key or key not in seen
            seen.add(key)
        return inscriptions

    def _person(self, number: int) -> dict:
        name = self.random.choice(PEOPLE)
        draw = self.random.random()
        if draw < 0.45:
            digits = f"{number:08d}"
            phone = f"07 {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"
            return {"first_name": name, "phone": phone, "email": ""}
        if draw < 0.7:
            email = f"personne.{number}@example.org"
            return {"first_name": name, "phone": "", "email": email}
        return {"first_name": name, "phone": "", "email": ""}

    def _moments(self, atelier: Atelier, count: int) -> list[datetime]:
        """When the registrations came: from up to six weeks before the session (and not
        before two days ago) until a few minutes ago, in order."""
        days_ahead = (atelier.date - timezone.localdate(self.now)).days
        opened = self.now - timedelta(days=min(42, max(2, 42 - days_ahead)))
        span = (self.now - timedelta(minutes=5) - opened).total_seconds()
        return sorted(
            opened + timedelta(seconds=self.random.uniform(0, span)) for _ in range(count)
        )

    def _inscription(self, atelier, person, moment, status) -> Inscription:
        key = contact_key(phone=person["phone"], email=person["email"])
        needs = []
        if self.random.random() < 0.05:
            needs.append(Need.INTERPRETER)
        if self.random.random() < 0.03:
            needs.append(Need.STEP_FREE)
        cancelled = status == InscriptionStatus.CANCELLED
        return Inscription(
            atelier=atelier,
            **person,
            contact_key=key,
            consent_text=self.consent_text if key else "",
            consented_at=moment if key else None,
            heard_from=self.random.choice(HEARD_FROM),
            needs=needs,
            language=self.random.choice(MESSAGE_LANGUAGES),
            status=status,
            token=new_token(),
            created_at=moment,
            cancelled_at=min(self.now, moment + timedelta(days=2)) if cancelled else None,
        )

    def _save_inscriptions(self, inscriptions: list[Inscription]) -> None:
        """bulk_create stamps every row "now" (auto_now_add): the moments each came are
        written back after, in one UPDATE per batch."""
        moments = [inscription.created_at for inscription in inscriptions]
        Inscription.objects.bulk_create(inscriptions, batch_size=self.batch_size)
        table = Inscription._meta.db_table
        with connection.cursor() as cursor:
            for start in range(0, len(inscriptions), self.batch_size):
                batch = slice(start, start + self.batch_size)
                cursor.execute(
                    f"UPDATE {table} SET created_at = moment.created_at"
                    " FROM unnest(%s::bigint[], %s::timestamptz[]) AS moment(id, created_at)"
                    f" WHERE {table}.id = moment.id",
                    [[i.pk for i in inscriptions[batch]], moments[batch]],
                )
        for inscription, moment in zip(inscriptions, moments, strict=True):
            inscription.created_at = moment
