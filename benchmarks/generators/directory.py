"""A synthetic directory of any size, for the benchmarks (``directory_search.py``).

``generate_directory(services=10000)`` writes about N/8 structures and N/5 places with
themes, opening hours and search vectors. Rows are written with bulk_create in batches
(links through the many-to-many tables in bulk too), with slugs starting with "gen-" so
that ``clear=True`` finds them and they never meet the demo slugs. The vocabulary mixes
the data·inclusion theme labels, the sentences of the demo directory and everyday topics
(``directory_words``), so that full-text search and typo correction work on a realistic
spread of words. By hand: ``python -m benchmarks.generators directory --help``.
"""

import random
import re
from collections.abc import Callable
from datetime import date, time, timedelta

from data_inclusion.schema import v1 as schema
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils.text import slugify

from ateliers.models import Atelier, AtelierCycle
from benchmarks.generators import GenerationError, vacuum_analyse
from benchmarks.generators.directory_words import (
    ASSOCIATION_WORDS,
    DOCUMENTS,
    PEOPLE,
    PLACE_KINDS,
    QUARTIER_NAMES,
    SENTENCES,
    STREET_KINDS,
    TOPICS,
    WHEN,
)
from services.enums import LANGUAGE_CHOICES, Frais, ModeMobilisation, StructureKind, TypeService
from services.management.commands.load_demo_directory import read_rows
from services.models import Lieu, OpeningHours, Quartier, Service, Structure, Thematique
from services.search import refresh_search_vectors

PREFIX = "gen-"
# The demo fixtures use fixed primary keys counted from 1: generated rows start above, so
# that loading the demo after a generation never overwrites a generated row.
FIRST_GENERATED_ID = 100_001

# Name prefix → data·inclusion type.
ACTIONS = (
    ("Permanence", TypeService.ACCOMPAGNEMENT),
    ("Accompagnement", TypeService.ACCOMPAGNEMENT),
    ("Rendez-vous conseil", TypeService.ACCOMPAGNEMENT),
    ("Atelier", TypeService.ATELIER),
    ("Formation", TypeService.FORMATION),
    ("Information", TypeService.INFORMATION),
    ("Point info", TypeService.INFORMATION),
    ("Aide financière", TypeService.AIDE_FINANCIERE),
    ("Aide matérielle", TypeService.AIDE_MATERIELLE),
)

STRUCTURE_NAMES = {
    StructureKind.ASSOCIATION: "Association {person} – {word}",
    StructureKind.CENTRE_SOCIAL: "Centre social {person}",
    StructureKind.MAISON_DE_QUARTIER: "Maison de quartier {person}",
    StructureKind.EPN: "Espace numérique {person}",
    StructureKind.FRANCE_SERVICES: "France Services {person}",
    StructureKind.CCAS: "CCAS – antenne {person}",
    StructureKind.MAIRIE: "Mairie de quartier {person}",
    StructureKind.INSTITUTION: "Antenne {word} {person}",
}
HOURS_TEMPLATES = (
    tuple((day, "09:00", "12:00") for day in range(5)),
    tuple(s for day in range(5) for s in ((day, "09:00", "12:30"), (day, "13:30", "17:30"))),
    tuple((day, "14:00", "18:00") for day in (1, 2, 3, 4)),
    ((0, "09:00", "12:00"), (2, "14:00", "17:00"), (4, "09:00", "12:00")),
    ((1, "09:30", "12:00"), (3, "14:00", "17:00"), (5, "10:00", "12:00")),
)
ITINERANT_HOURS = (((1, "09:30", "12:00"),), ((3, "14:00", "16:30"),), ((4, "09:30", "12:00"),))
OLDEST_UPDATE = date(2024, 6, 1)
NEWEST_UPDATE = date(2026, 11, 20)


def generate_directory(
    *,
    services: int | None = None,
    seed: int = 1,
    clear: bool = False,
    batch_size: int = 2000,
    log: Callable[[str], object] = lambda message: None,
) -> dict[str, int]:
    """Remove the generated rows first when ``clear``, then generate ``services`` services
    (none: the clearing alone), saying what is done to ``log``. Returns how many rows went
    and came."""
    if services is None and not clear:
        raise GenerationError("Nothing to do: give a number of services, or clear, or both.")
    if services is not None and services < 1:
        raise GenerationError("The number of services must be at least 1.")
    counts = {}
    with transaction.atomic():
        if clear:
            counts["removed"] = clear_generated()
            log(f"Removed {counts['removed']} generated services.")
        if services:
            counts |= DirectoryGenerator(seed=seed, batch_size=batch_size).generate(services)
            log(
                f"Generated {counts['services']} services, {counts['structures']} structures, "
                f"{counts['lieux']} places and {counts['hours']} opening hours."
            )
        else:
            refresh_search_vectors([])  # the vocabulary only: no vector changed
    # Without statistics the planner takes a few rows for thousands, and tests the
    # filters' joins row by row.
    vacuum_analyse(
        Structure, Lieu, Service, Service.lieux.through, Service.thematiques.through, OpeningHours
    )
    return counts


def clear_generated() -> int:
    """Delete the generated rows (slug prefix "gen-"); return how many services went.
    Ateliers held at generated places or by generated structures (generators/ateliers.py)
    go too: they would keep their places and structures from being deleted."""
    at_generated = Q(lieu__slug__startswith=PREFIX) | Q(structure__slug__startswith=PREFIX)
    Atelier.objects.filter(at_generated).delete()
    AtelierCycle.objects.filter(at_generated).delete()
    removed, by_model = Service.objects.filter(slug__startswith=PREFIX).delete()
    Lieu.objects.filter(slug__startswith=PREFIX).delete()
    Structure.objects.filter(slug__startswith=PREFIX).delete()
    Quartier.objects.filter(slug__startswith=PREFIX, lieux__isnull=True).delete()
    return by_model.get(Service._meta.label, 0)


class DirectoryGenerator:
    def __init__(self, *, seed: int, batch_size: int):
        self.random = random.Random(seed)
        self.batch_size = batch_size
        self.sentences = _demo_sentences()
        self.quartier_names = [row.text("name") for row in read_rows("quartiers.csv")]

    def generate(self, service_count: int) -> dict[str, int]:
        themes = dict(Thematique.objects.filter(parent__isnull=False).values_list("code", "id"))
        if not themes:
            raise GenerationError("No thematique in the database: run the migrations first.")
        topics = [(topic, themes[code]) for topic, code in TOPICS if code in themes]
        theme_ids = list(themes.values())
        quartiers = self._quartiers()

        structures = self._structures(max(1, round(service_count / 8)))
        lieux = self._lieux(max(1, round(service_count / 5)), quartiers)
        services, lieu_links, theme_links = self._services(
            service_count, structures, lieux, topics, theme_ids
        )
        hours = self._hours(lieux, services)

        Structure.objects.bulk_create(structures, batch_size=self.batch_size)
        Lieu.objects.bulk_create(lieux, batch_size=self.batch_size)
        Service.objects.bulk_create(services, batch_size=self.batch_size)
        Service.lieux.through.objects.bulk_create(lieu_links, batch_size=self.batch_size)
        Service.thematiques.through.objects.bulk_create(theme_links, batch_size=self.batch_size)
        OpeningHours.objects.bulk_create(hours, batch_size=self.batch_size)
        _reset_sequences([Quartier, Structure, Lieu, Service, OpeningHours])
        refresh_search_vectors([service.pk for service in services])
        return {
            "services": len(services),
            "structures": len(structures),
            "lieux": len(lieux),
            "hours": len(hours),
        }

    def _quartiers(self) -> list[int]:
        existing = list(Quartier.objects.values_list("pk", flat=True))
        if existing:
            return existing
        # An empty database (no demo loaded): a few neighbourhoods of our own.
        first = _first_id(Quartier)
        created = Quartier.objects.bulk_create(
            Quartier(pk=first + index, name=f"Secteur {name}", slug=f"{PREFIX}{slugify(name)}")
            for index, name in enumerate(("Nord", "Sud", "Est", "Ouest", "Centre"))
        )
        return [quartier.pk for quartier in created]

    def _structures(self, count: int) -> list[Structure]:
        first = _first_id(Structure)
        kinds = list(STRUCTURE_NAMES)
        weights = [8 if kind == StructureKind.ASSOCIATION else 1 for kind in kinds]
        structures = []
        for pk in range(first, first + count):
            kind = self.random.choices(kinds, weights)[0]
            name = STRUCTURE_NAMES[kind].format(
                person=self.random.choice(PEOPLE), word=self.random.choice(ASSOCIATION_WORDS)
            )
            topic, other = self.random.sample(TOPICS, 2)
            structures.append(
                Structure(
                    pk=pk,
                    name=f"{name} {pk - first + 1}",
                    slug=f"{PREFIX}{pk}-{slugify(name)}"[:150],
                    kind=kind,
                    description=f"Accueil et accompagnement : {topic[0]}, {other[0]}. "
                    + self.random.choice(self.sentences),
                    phone=f"02 41 00 00 {self.random.randint(10, 99)}",
                    email=f"structure-{pk}@example.org",
                    date_maj=self._date(),
                )
            )
        return structures

    def _lieux(self, count: int, quartiers: list[int]) -> list[Lieu]:
        first = _first_id(Lieu)
        lieux = []
        for pk in range(first, first + count):
            person = self.random.choice(PEOPLE)
            itinerant = self.random.random() < 0.04
            kind = "Arrêt du Bus Mairie" if itinerant else self.random.choice(PLACE_KINDS)
            street = f"{self.random.choice(STREET_KINDS)} {person}"
            lieux.append(
                Lieu(
                    pk=pk,
                    name=f"{kind} {person} {pk - first + 1}",
                    slug=f"{PREFIX}{pk}-{slugify(kind)}",
                    address=f"{self.random.randint(1, 120)} {street}",
                    postcode=self.random.choice(("49000", "49100")),
                    latitude=round(self.random.uniform(47.43, 47.50), 5),
                    longitude=round(self.random.uniform(-0.61, -0.51), 5),
                    quartier_id=self.random.choice(quartiers),
                    itinerant=itinerant,
                    step_free=self.random.random() < 0.7,
                    public_wifi=self.random.random() < 0.4,
                    free_computers=self.random.random() < 0.3,
                    caf_terminal=self.random.random() < 0.1,
                    printer_scanner=self.random.random() < 0.3,
                    access_notes=f"Bus {self.random.randint(1, 12)}, arrêt {person}.",
                )
            )
        return lieux

    def _services(self, count, structures, lieux, topics, theme_ids):
        first = _first_id(Service)
        languages = [code for code, _label in LANGUAGE_CHOICES if code != "fr"]
        publics = [member.value for member in schema.Public]
        modes = list(ModeMobilisation.values)
        services, lieu_links, theme_links = [], [], []
        LieuLink, ThemeLink = Service.lieux.through, Service.thematiques.through
        for index, pk in enumerate(range(first, first + count)):
            # Cycling through the topics makes every word appear, even in a small directory.
            topic, theme_id = topics[index % len(topics)]
            other, other_theme_id = self.random.choice(topics)
            action, service_type = self.random.choice(ACTIONS)
            lieu = self.random.choice(lieux)
            name = f"{action} {topic}"
            updated = self._date()
            services.append(
                Service(
                    pk=pk,
                    structure=self.random.choice(structures),
                    name=f"{name} – {lieu.name}"[:150],
                    slug=f"{PREFIX}{pk}-{slugify(name)}"[:150],
                    description=self._description(topic, other),
                    falc_text="\n".join(
                        (
                            f"Vous avez une question sur {topic} ?",
                            "Une personne vous aide.",
                            self.random.choice(
                                ("Venez sans rendez-vous.", "Appelez pour prendre rendez-vous.")
                            ),
                        )
                    ),
                    type=service_type,
                    publics=self.random.sample(publics, self.random.randint(1, 2)),
                    frais=Frais.PAYANT if self.random.random() < 0.2 else Frais.GRATUIT,
                    modes_mobilisation=self.random.sample(modes, self.random.randint(1, 2)),
                    appointment_required=self.random.random() < 0.4,
                    languages=[
                        "fr",
                        *self.random.sample(languages, self.random.choice((0, 0, 1, 2))),
                    ],
                    interpreter=self.random.random() < 0.15,
                    documents=self.random.sample(DOCUMENTS, self.random.randint(0, 3)),
                    phone=f"02 41 00 00 {self.random.randint(10, 99)}",
                    email=f"service-{pk}@example.org",
                    date_maj=updated,
                    verifie_le=updated if self.random.random() < 0.95 else None,
                )
            )
            linked_lieux = {lieu.pk} | (
                {self.random.choice(lieux).pk} if self.random.random() < 0.3 else set()
            )
            lieu_links += [LieuLink(service_id=pk, lieu_id=lieu_pk) for lieu_pk in linked_lieux]
            linked_themes = {theme_id, other_theme_id} if self.random.random() < 0.5 else {theme_id}
            if self.random.random() < 0.2:
                linked_themes.add(self.random.choice(theme_ids))
            theme_links += [ThemeLink(service_id=pk, thematique_id=t) for t in linked_themes]
        return services, lieu_links, theme_links

    def _hours(self, lieux: list[Lieu], services: list[Service]) -> list[OpeningHours]:
        slots = [
            (lieu.pk, None, slot)
            for lieu in lieux
            for slot in self.random.choice(ITINERANT_HOURS if lieu.itinerant else HOURS_TEMPLATES)
        ]
        # About one service in seven keeps hours of its own (a weekly permanence).
        slots += [
            (None, service.pk, slot)
            for service in services
            if self.random.random() < 0.15
            for slot in self.random.choice(ITINERANT_HOURS)
        ]
        first = _first_id(OpeningHours)
        return [
            OpeningHours(
                pk=pk,
                lieu_id=lieu_id,
                service_id=service_id,
                weekday=weekday,
                opens=time.fromisoformat(opens),
                closes=time.fromisoformat(closes),
            )
            for pk, (lieu_id, service_id, (weekday, opens, closes)) in enumerate(slots, first)
        ]

    def _description(self, topic: str, other: str) -> str:
        templates = self.random.sample(SENTENCES, 2)
        place = self.random.choice(QUARTIER_NAMES)
        written = [
            template.format(topic=topic, other=other, when=self.random.choice(WHEN), place=place)
            for template in templates
        ]
        return " ".join([*written, self.random.choice(self.sentences)])

    def _date(self) -> date:
        span = (NEWEST_UPDATE - OLDEST_UPDATE).days
        return OLDEST_UPDATE + timedelta(days=self.random.randint(0, span))


def _demo_sentences() -> list[str]:
    """The sentences of the demo descriptions: real words, in real French order."""
    rows = [*read_rows("structures.csv"), *read_rows("services.csv")]
    texts = [row.text("description") for row in rows]
    return [
        sentence.strip()
        for text in texts
        for sentence in re.split(r"(?<=[.!?])\s+", text)
        if len(sentence.split()) >= 5
    ]


def _first_id(model) -> int:
    highest = model.objects.aggregate(highest=Max("pk"))["highest"] or 0
    return max(highest + 1, FIRST_GENERATED_ID)


def _reset_sequences(models) -> None:
    """Rows were inserted with explicit keys: move the sequences past them."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
