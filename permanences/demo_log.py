"""The demonstration log: two years of accompaniments drawn from the weights of
fixtures/demo/accompagnements.json, so that the bilans and the diagnostics show
real-looking figures whatever day the demo is loaded.

The entries are those a few conseillers would log at the demo's desks: the permanences
of the demo schedule (each entry names its permanence, its place and the permanence's
structure), the places' own desks, the phone and visits at home. Each day is drawn from
its own random generator, seeded by the file's seed and the day, so that a day is always
drawn the same. Called by ``load_demo_permanences`` once the directory and the schedule
are loaded.

Authors: the demo account "conseiller" (``load_demo`` creates it in development only)
and the demo conseillers the file names, accounts without a usable password made here.
Without a "conseiller" account nothing is drawn. A day up to the last one with an entry
of these authors is never drawn again: a second load adds nothing, a load a month later
adds the month since.

Written with bulk_create: the statement-level triggers of migration 0006 keep the tally
of the bilans exact whatever writes the rows.
"""

import json
import math
import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import DateTimeField, Max
from django.db.models.functions import Cast

from permanences.enums import (
    NON_COMMUNIQUE,
    Autonomie,
    Canal,
    Demarche,
    Genre,
    Materiel,
    Residence,
    Resultat,
    Statut,
    ThemeNumerique,
    TrancheAge,
)
from permanences.models import Accompagnement, Permanence
from roseraie_portal import roles
from roseraie_portal.holidays import is_public_holiday
from services.enums import LANGUAGE_CHOICES, OrientationSource
from services.models import Lieu, Quartier, Service, Structure, StructureMembership

DEMO_LOG_FILE = Path(settings.BASE_DIR) / "fixtures" / "demo" / "accompagnements.json"
DEMO_CONSEILLER = "conseiller"
# The demo covers the months before this one back to this many, this month up to
# yesterday; the schedule of load_demo_permanences starts as far back.
HISTORY_MONTHS = 24
# An entry is saved at the end of its day (UTC): it is locked a week later, as the log's.
SAVED_AFTER_MIDNIGHT = timedelta(hours=16)
# Where a person lives, seen from the place of the accompaniment.
SAME_QUARTIER, OTHER_QUARTIER = "same_quartier", "other_quartier"
RESIDENCES = (SAME_QUARTIER, OTHER_QUARTIER, Residence.HORS_QUARTIER, NON_COMMUNIQUE)
PLACELESS_CANALS = (Canal.DOMICILE, Canal.A_DISTANCE, Canal.AUTRE)


def history_start(today: date) -> date:
    """The first day of the demo: the first of the month, HISTORY_MONTHS months back."""
    return today.replace(day=1) - relativedelta(months=HISTORY_MONTHS)


class DemoLogError(Exception):
    """The weights file has problems, each named with its place in the file."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Weighted:
    """Values drawn in proportion to their weights."""

    values: tuple
    cum_weights: tuple[float, ...]

    @classmethod
    def of(cls, pairs: Iterable[tuple[Any, float]]) -> "Weighted":
        values, weights = zip(*pairs, strict=True)
        return cls(values, tuple(accumulate(weights)))

    def draw(self, rng: random.Random):
        return rng.choices(self.values, cum_weights=self.cum_weights)[0]


@dataclass(frozen=True)
class Need:
    """What a person comes for: the entry's themes, its precise procedure, and where
    such a person is re-oriented (structure ids)."""

    themes: tuple[str, ...]
    demarche: str
    reoriente_vers: Weighted


@dataclass
class Desk:
    """Where and by whom entries are logged: a permanence service (each of its
    permanences a session) or a place's desk on some weekdays, or no place at all."""

    author: str
    canal: str
    mean: float  # entries per session, or per open day
    service_id: int | None = None
    lieu: tuple[int, int | None] | None = None  # (id, quartier id)
    quartier_id: int | None = None  # where the people of a placeless desk live
    structure_id: int | None = None  # for an author attached to no structure
    weekdays: frozenset[int] = frozenset()
    needs: Weighted | None = None
    needs_by_theme_label: dict[str, Weighted] = field(default_factory=dict)
    orientation_source: Weighted | None = None
    tranche_age: Weighted | None = None


@dataclass
class Profile:
    """The file, read and checked: every slug is an id, every weight a Weighted."""

    seed: str
    year_before_factor: float
    months: dict[int, float]
    demo_conseillers: list[str]
    desks: list[Desk]
    needs: Weighted
    extra_theme_probability: float
    extra_themes: Weighted
    durations: Weighted
    materiel: Weighted
    autonomie: Weighted
    resultat: Weighted
    tranche_age: Weighted
    genre: Weighted
    statut_by_tranche_age: dict[str, Weighted]
    residence: Weighted
    orientation_source: Weighted
    langue: Weighted
    interprete_when_not_french: float
    quartier_ids: list[int]


@dataclass(frozen=True)
class DemoLog:
    """What drawing did: ``created`` entries dated ``first_day`` to ``last_day``."""

    created: int
    first_day: date
    last_day: date
    authors: tuple[str, ...]


class _Reader:
    """Reads the file's nodes, noting every problem with its place in the file
    (``desks[2].needs.caf``), so that all of them are reported at once."""

    KINDS = {dict: "an object", list: "a list", str: "a text", float: "a number"}

    def __init__(self, file: str):
        self.file = file
        self.problems: list[str] = []

    def note(self, path: str, message: str) -> None:
        self.problems.append(f"{self.file}, {path}: {message}")

    def get(self, node: dict, key: str, path: str, kind: type, *, required: bool = True):
        where = f"{path}.{key}" if path else key
        if key not in node:
            if required:
                self.note(where, "missing")
            return None
        value = node[key]
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        if (kind is float and not is_number) or (kind is not float and type(value) is not kind):
            self.note(where, f"{value!r} is not {self.KINDS[kind]}")
            return None
        return value

    def known_keys(self, node: dict, path: str, keys: Iterable[str]) -> None:
        for key in sorted(set(node) - set(keys) - {"_comment"}):
            self.note(f"{path}.{key}" if path else key, "unknown key")

    def fraction(self, node: dict, key: str, path: str) -> float:
        value = self.get(node, key, path, float)
        if value is not None and not 0 <= value <= 1:
            self.note(f"{path}.{key}" if path else key, f"{value} is not between 0 and 1")
        return value or 0.0

    def weights(self, node, path: str, allowed: dict[str, Any]) -> Weighted | None:
        """An object of weights by code, ``allowed`` giving each code's value."""
        if node is None:
            self.note(path, "missing")
            return None
        if not isinstance(node, dict):
            self.note(path, f"{node!r} is not an object of weights")
            return None
        pairs = []
        for code, weight in node.items():
            if code == "_comment":
                continue
            if code not in allowed:
                self.note(f"{path}.{code}", f"« {code} » unknown")
            elif not self._is_weight(weight):
                self.note(f"{path}.{code}", f"{weight!r} is not a weight (a number ≥ 0)")
            else:
                pairs.append((allowed[code], weight))
        if pairs and sum(weight for _value, weight in pairs) <= 0:
            self.note(path, "every weight is 0")
            return None
        if not pairs:
            self.note(path, "no value to draw")
            return None
        return Weighted.of(pairs)

    @staticmethod
    def _is_weight(value) -> bool:
        return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0


def read_profile(path: Path | None = None) -> Profile:
    """The weights file (DEMO_LOG_FILE unless told), every code and slug checked against
    the vocabularies and the demo directory; raises DemoLogError naming each problem."""
    path = path or DEMO_LOG_FILE
    reader = _Reader(path.name)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DemoLogError([f"{path.name}: {error}"]) from error
    if not isinstance(document, dict):
        raise DemoLogError([f"{path.name}: the file is not a JSON object"])
    profile = _read(reader, document)
    if reader.problems:
        raise DemoLogError(reader.problems)
    return profile


def _choices(enum) -> dict[str, str]:
    return {value: value for value in enum.values}


TOP_KEYS = (
    "seed",
    "year_before_factor",
    "months",
    "demo_conseillers",
    "desks",
    "needs",
    "extra_theme",
    "duration_minutes",
    "materiel",
    "autonomie",
    "resultat",
    "tranche_age",
    "genre",
    "statut_by_tranche_age",
    "residence",
    "orientation_source",
    "langue",
    "interprete_when_not_french",
)


def _read(reader: _Reader, document: dict) -> Profile:
    reader.known_keys(document, "", TOP_KEYS)
    directory = {
        "structures": dict(Structure.objects.values_list("slug", "pk")),
        "services": dict(Service.objects.values_list("slug", "pk")),
        "lieux": {
            slug: (pk, quartier)
            for slug, pk, quartier in Lieu.objects.values_list("slug", "pk", "quartier_id")
        },
        "quartiers": dict(Quartier.objects.order_by("slug").values_list("slug", "pk")),
    }
    needs, need_weights = {}, []
    for key, node in (reader.get(document, "needs", "", dict) or {}).items():
        if key != "_comment":
            need, weight = _need(reader, node, f"needs.{key}", directory["structures"])
            if need is not None:
                needs[key] = need
                need_weights.append((need, weight))
    if need_weights and sum(weight for _need, weight in need_weights) <= 0:
        reader.note("needs", "every weight is 0")
    usernames = reader.get(document, "demo_conseillers", "", list) or []
    authors = {DEMO_CONSEILLER, *(name for name in usernames if isinstance(name, str))}
    for name in usernames:
        if not isinstance(name, str) or not name:
            reader.note("demo_conseillers", f"{name!r} is not a username")
    desks = [
        _desk(reader, node, f"desks[{index}]", authors=authors, needs=needs, directory=directory)
        for index, node in enumerate(reader.get(document, "desks", "", list) or [])
    ]
    months_node = reader.get(document, "months", "", dict) or {}
    months = {}
    for month in range(1, 13):
        factor = reader.get(months_node, f"{month:02d}", "months", float)
        months[month] = factor if factor is not None else 1.0
    extra = reader.get(document, "extra_theme", "", dict) or {}
    tranche_age = reader.weights(document.get("tranche_age"), "tranche_age", _choices(TrancheAge))
    statut_node = reader.get(document, "statut_by_tranche_age", "", dict) or {}
    statuts = {}
    for age, node in statut_node.items():
        if age not in TrancheAge.values:
            reader.note(f"statut_by_tranche_age.{age}", f"« {age} » unknown")
        statuts[age] = reader.weights(node, f"statut_by_tranche_age.{age}", _choices(Statut))
    ages = set(tranche_age.values if tranche_age else ())
    for desk in desks:
        ages |= set(desk.tranche_age.values if desk and desk.tranche_age else ())
    for age in sorted(ages - set(statuts)):
        reader.note("statut_by_tranche_age", f"« {age} » missing")
    materiel = reader.get(document, "materiel", "", list) or []
    duration_codes = {str(minutes): minutes for minutes in range(1, 601)}
    languages = {code: code for code, _label in LANGUAGE_CHOICES}
    return Profile(
        seed=reader.get(document, "seed", "", str) or "",
        year_before_factor=reader.fraction(document, "year_before_factor", ""),
        months=months,
        demo_conseillers=[name for name in usernames if isinstance(name, str)],
        desks=desks,
        needs=Weighted.of(need_weights) if need_weights else None,
        extra_theme_probability=reader.fraction(extra, "probability", "extra_theme"),
        extra_themes=reader.weights(
            extra.get("themes"), "extra_theme.themes", _choices(ThemeNumerique)
        ),
        durations=reader.weights(
            document.get("duration_minutes"), "duration_minutes", duration_codes
        ),
        materiel=_materiel(reader, materiel),
        autonomie=reader.weights(document.get("autonomie"), "autonomie", _choices(Autonomie)),
        resultat=reader.weights(document.get("resultat"), "resultat", _choices(Resultat)),
        tranche_age=tranche_age,
        genre=reader.weights(document.get("genre"), "genre", _choices(Genre)),
        statut_by_tranche_age=statuts,
        residence=reader.weights(
            document.get("residence"), "residence", {code: code for code in RESIDENCES}
        ),
        orientation_source=reader.weights(
            document.get("orientation_source"), "orientation_source", _choices(OrientationSource)
        ),
        langue=reader.weights(document.get("langue"), "langue", languages),
        interprete_when_not_french=reader.fraction(document, "interprete_when_not_french", ""),
        quartier_ids=list(directory["quartiers"].values()),
    )


def _need(reader: _Reader, node, path: str, structures: dict) -> tuple[Need | None, float]:
    """A need and its weight among all."""
    if not isinstance(node, dict):
        reader.note(path, f"{node!r} is not an object")
        return None, 0
    reader.known_keys(node, path, ("label", "weight", "themes", "demarche", "reoriente_vers"))
    themes = reader.get(node, "themes", path, list) or []
    for theme in themes:
        if theme not in ThemeNumerique.values:
            reader.note(f"{path}.themes", f"« {theme} » unknown")
    if not themes:
        reader.note(f"{path}.themes", "at least one theme")
    demarche = reader.get(node, "demarche", path, str, required=False) or ""
    if demarche and demarche not in Demarche.values:
        reader.note(f"{path}.demarche", f"« {demarche} » unknown")
    weight = reader.get(node, "weight", path, float)
    if weight is not None and weight < 0:
        reader.note(f"{path}.weight", f"{weight} is not a weight (a number ≥ 0)")
    reoriente_vers = reader.weights(
        node.get("reoriente_vers"), f"{path}.reoriente_vers", structures
    )
    if reoriente_vers is None or weight is None:
        return None, 0
    return Need(tuple(themes), demarche, reoriente_vers), weight


DESK_KEYS = (
    "author",
    "canal",
    "permanence_service",
    "lieu",
    "structure",
    "quartier",
    "weekdays",
    "entries_per_session",
    "entries_per_day",
    "needs",
    "needs_by_theme_label",
    "orientation_source",
    "tranche_age",
)


def _desk(reader: _Reader, node, path: str, *, authors, needs, directory) -> Desk | None:
    if not isinstance(node, dict):
        reader.note(path, f"{node!r} is not an object")
        return None
    reader.known_keys(node, path, DESK_KEYS)
    author = reader.get(node, "author", path, str)
    if author is not None and author not in authors:
        reader.note(f"{path}.author", f"« {author} » is neither conseiller nor a demo_conseiller")
    canal = reader.get(node, "canal", path, str)
    if canal is not None and canal not in Canal.values:
        reader.note(f"{path}.canal", f"« {canal} » unknown")
    desk = Desk(author=author or "", canal=canal or "", mean=0.0)
    service_slug = reader.get(node, "permanence_service", path, str, required=False)
    lieu_slug = reader.get(node, "lieu", path, str, required=False)
    if service_slug is not None:
        desk.service_id = directory["services"].get(service_slug)
        if desk.service_id is None:
            reader.note(f"{path}.permanence_service", f"« {service_slug} » unknown")
        desk.mean = reader.get(node, "entries_per_session", path, float) or 0.0
    else:
        desk.mean = reader.get(node, "entries_per_day", path, float) or 0.0
        weekdays = reader.get(node, "weekdays", path, list) or []
        if not all(isinstance(day, int) and 0 <= day <= 6 for day in weekdays):
            reader.note(f"{path}.weekdays", f"{weekdays!r}: days from 0 (Monday) to 6 (Sunday)")
        desk.weekdays = frozenset(day for day in weekdays if isinstance(day, int))
    structure = reader.get(node, "structure", path, str, required=False)
    if structure is not None:
        desk.structure_id = directory["structures"].get(structure)
        if desk.structure_id is None:
            reader.note(f"{path}.structure", f"« {structure} » unknown")
        if service_slug is not None:
            reader.note(f"{path}.structure", "an entry at a permanence counts for its structure")
    if lieu_slug is not None:
        desk.lieu = directory["lieux"].get(lieu_slug)
        if desk.lieu is None:
            reader.note(f"{path}.lieu", f"« {lieu_slug} » unknown")
    if canal in PLACELESS_CANALS:
        if service_slug or lieu_slug:
            reader.note(path, f"an accompaniment « {canal} » has no place nor permanence")
        quartier = reader.get(node, "quartier", path, str)
        desk.quartier_id = directory["quartiers"].get(quartier)
        if quartier is not None and desk.quartier_id is None:
            reader.note(f"{path}.quartier", f"« {quartier} » unknown")
    elif canal == Canal.BUS_MAIRIE and service_slug is None:
        reader.note(path, "the Mairie Bus's accompaniments are logged at its permanences")
    elif canal == Canal.LIEU_ACTIVITE and not (service_slug or lieu_slug):
        reader.note(path, "a place or a permanence service is needed")
    if "needs" in node:
        desk.needs = reader.weights(node["needs"], f"{path}.needs", needs)
    by_label = reader.get(node, "needs_by_theme_label", path, dict, required=False) or {}
    desk.needs_by_theme_label = {
        label: reader.weights(weights, f"{path}.needs_by_theme_label.{label}", needs)
        for label, weights in by_label.items()
    }
    if "orientation_source" in node:
        desk.orientation_source = reader.weights(
            node["orientation_source"], f"{path}.orientation_source", _choices(OrientationSource)
        )
    if "tranche_age" in node:
        desk.tranche_age = reader.weights(
            node["tranche_age"], f"{path}.tranche_age", _choices(TrancheAge)
        )
    return desk


def _materiel(reader: _Reader, nodes: list) -> Weighted | None:
    pairs = []
    for index, node in enumerate(nodes):
        path = f"materiel[{index}]"
        if not isinstance(node, dict):
            reader.note(path, f"{node!r} is not an object")
            continue
        values = reader.get(node, "values", path, list) or []
        weight = reader.get(node, "weight", path, float)
        unknown = [value for value in values if value not in Materiel.values]
        if unknown:
            reader.note(f"{path}.values", f"{', '.join(map(str, unknown))} unknown")
        elif Materiel.AUCUN in values and len(values) > 1:
            reader.note(f"{path}.values", "« aucun » goes alone")
        elif values and weight is not None and weight >= 0:
            pairs.append((tuple(values), weight))
    if not pairs:
        reader.note("materiel", "no value to draw")
        return None
    return Weighted.of(pairs)


def demo_authors(profile: Profile):
    """The demo conseillers, "conseiller" first, the others created when missing (in
    the conseiller group, without a usable password); None without a "conseiller"."""
    User = get_user_model()
    conseiller = User.objects.filter(username=DEMO_CONSEILLER).first()
    if conseiller is None:
        return None
    group = Group.objects.get(name=roles.CONSEILLER)
    authors = [conseiller]
    for username in profile.demo_conseillers:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username)
            user.set_unusable_password()
            user.save()
        user.groups.add(group)
        authors.append(user)
    return authors


@transaction.atomic
def generate_demo_log(*, today: date, profile: Profile) -> DemoLog | None:
    """Draw the demo entries of the days since the last entry of a demo author (from
    ``history_start(today)``) up to yesterday. None when there is no "conseiller"."""
    authors = demo_authors(profile)
    if authors is None:
        return None
    last = Accompagnement.objects.filter(conseiller__in=authors).aggregate(last=Max("date"))
    first_day = history_start(today)
    if last["last"] is not None:
        first_day = max(first_day, last["last"] + timedelta(days=1))
    last_day = today - timedelta(days=1)
    names = tuple(author.username for author in authors)
    if first_day > last_day:
        return DemoLog(0, first_day, last_day, names)
    drawer = _Drawer(profile, {author.username: author.pk for author in authors}, today)
    entries = []
    sessions = drawer.sessions(first_day, last_day)
    day = first_day
    while day <= last_day:
        entries += drawer.day(day, sessions.get(day, []))
        day += timedelta(days=1)
    created = Accompagnement.objects.bulk_create(entries, batch_size=1000)
    # created_at says when an entry was saved, which locks it a week later: the day's end.
    Accompagnement.objects.filter(pk__in=[entry.pk for entry in created]).update(
        created_at=Cast("date", DateTimeField()) + SAVED_AFTER_MIDNIGHT,
        updated_at=Cast("date", DateTimeField()) + SAVED_AFTER_MIDNIGHT,
    )
    return DemoLog(len(created), first_day, last_day, names)


@dataclass(frozen=True)
class _Session:
    permanence_id: int
    service_id: int
    lieu_id: int
    quartier_id: int | None
    structure_id: int
    theme_label: str


class _Drawer:
    """Draws the entries of one day at a time."""

    def __init__(self, profile: Profile, author_ids: dict[str, int], today: date):
        self.profile = profile
        self.author_ids = author_ids
        self.year_ago = today - relativedelta(years=1)
        # An entry not held at a permanence counts for its author's structure, as
        # record_accompagnement counts it; the desk names it for a demo account that is
        # attached to none.
        self.memberships = dict(
            StructureMembership.objects.filter(user_id__in=author_ids.values()).values_list(
                "user_id", "structure_id"
            )
        )

    def sessions(self, first_day: date, last_day: date) -> dict[date, list[_Session]]:
        """The permanences held by the desks' services over the period, by day, in
        their order of the day."""
        service_ids = {desk.service_id for desk in self.profile.desks if desk.service_id}
        rows = (
            Permanence.objects.filter(
                service_id__in=service_ids, date__range=(first_day, last_day), cancelled=False
            )
            .order_by("date", "start_time", "pk")
            .values_list(
                "date",
                "pk",
                "service_id",
                "lieu_id",
                "lieu__quartier_id",
                "service__structure_id",
                "theme_label",
            )
        )
        by_day = defaultdict(list)
        for day, *session in rows:
            by_day[day].append(_Session(*session))
        return by_day

    def day(self, day: date, sessions: list[_Session]) -> list[Accompagnement]:
        rng = random.Random(f"{self.profile.seed}:{day.isoformat()}")
        factor = self.profile.months[day.month]
        if day <= self.year_ago:
            factor *= self.profile.year_before_factor
        entries = []
        for desk in self.profile.desks:
            if desk.service_id is not None:
                for session in sessions:
                    if session.service_id == desk.service_id:
                        for _number in range(_poisson(rng, desk.mean * factor)):
                            entries.append(self._entry(rng, day, desk, session))
            elif day.weekday() in desk.weekdays and not is_public_holiday(day):
                for _number in range(_poisson(rng, desk.mean * factor)):
                    entries.append(self._entry(rng, day, desk, None))
        return entries

    def _entry(self, rng, day, desk: Desk, session: _Session | None) -> Accompagnement:
        profile = self.profile
        author_id = self.author_ids[desk.author]
        needs = desk.needs or profile.needs
        if session is not None:
            needs = desk.needs_by_theme_label.get(session.theme_label) or needs
        need = needs.draw(rng)
        themes = list(need.themes)
        if rng.random() < profile.extra_theme_probability:
            extra = profile.extra_themes.draw(rng)
            if extra not in themes:
                themes.append(extra)
        resultat = profile.resultat.draw(rng)
        age = (desk.tranche_age or profile.tranche_age).draw(rng)
        langue = profile.langue.draw(rng)
        if session is not None:
            lieu_id, home, structure_id = session.lieu_id, session.quartier_id, session.structure_id
        else:
            lieu_id, home = desk.lieu if desk.lieu else (None, desk.quartier_id)
            structure_id = self.memberships.get(author_id, desk.structure_id)
        residence, quartier_id = self._residence(rng, home)
        return Accompagnement(
            conseiller_id=author_id,
            structure_id=structure_id,
            date=day,
            duration_minutes=profile.durations.draw(rng),
            canal=desk.canal,
            lieu_id=lieu_id,
            permanence_id=session.permanence_id if session else None,
            themes=themes,
            demarche=need.demarche,
            materiel=list(profile.materiel.draw(rng)),
            autonomie=profile.autonomie.draw(rng),
            resultat=resultat,
            reoriente_vers_id=(
                need.reoriente_vers.draw(rng) if resultat == Resultat.REORIENTEE else None
            ),
            tranche_age=age,
            genre=profile.genre.draw(rng),
            statut=profile.statut_by_tranche_age[age].draw(rng),
            residence=residence,
            quartier_id=quartier_id,
            orientation_source=(desk.orientation_source or profile.orientation_source).draw(rng),
            langue=langue,
            interprete=langue != "fr" and rng.random() < profile.interprete_when_not_french,
        )

    def _residence(self, rng, home: int | None) -> tuple[str, int | None]:
        where = self.profile.residence.draw(rng)
        if where == SAME_QUARTIER and home is not None:
            return Residence.QUARTIER, home
        if where in (SAME_QUARTIER, OTHER_QUARTIER):
            others = [pk for pk in self.profile.quartier_ids if pk != home]
            return Residence.QUARTIER, rng.choice(others)
        return where, None


def _poisson(rng: random.Random, mean: float) -> int:
    """How many entries a session or a day gets around ``mean`` (Knuth's method: the
    means here are small)."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
