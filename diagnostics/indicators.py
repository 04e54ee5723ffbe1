"""What a diagnostic shows that the portal computes from its own data, for its territory
(a neighbourhood's places, or the whole city) and over the last twelve complete months:

- the service offer: places with public wifi, computers in free access, a CAF terminal,
  a printer ("wifi public : 2 lieux sur 9");
- the occupation of shared premises: the half-days each place offers a week, against
  those its permanences and ateliers use (the partnership aims at 30 to 50 %);
- the cartography of needs: accompaniments by month, what is asked where (place ×
  theme), by whom (age band × neighbourhood), how people heard of the permanences, where
  they were re-oriented, the autonomy reached; and the ateliers' participation.

Counts of people are protected (diagnostics/disclosure.py): the page is public. The
counts are read in a few grouped queries and kept in the cache for a quarter of an hour,
so that a public page costs the database one computation per quarter of an hour,
whatever its audience.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, time, timedelta

from dateutil.relativedelta import relativedelta
from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ateliers.enums import AtelierStatus
from ateliers.models import Atelier
from ateliers.selectors import figures_of
from diagnostics.bilans import OTHERS
from diagnostics.disclosure import (
    THRESHOLD,
    TOTAL,
    Table,
    cell,
    protect,
    protect_together,
    ratio,
)
from permanences.enums import Autonomie, Canal, ThemeNumerique, TrancheAge
from permanences.models import Permanence
from permanences.selectors.log import demand_counts
from services.enums import NON_COMMUNIQUE, OrientationSource
from services.models import Lieu, Quartier, Structure
from services.selectors import Scope, orientations

PERIOD_MONTHS = 12
CACHE_SECONDS = 15 * 60
# The share of the offered half-days the partnership aims to use.
OCCUPATION_AIM = (0.30, 0.50)
# A half-day starting before 13:00 is a morning.
AFTERNOON = time(13, 0)
# The heat table keeps the places and themes most asked for; the rest in "Autres".
MAX_PLACES, MAX_THEMES = 10, 25


@dataclass(frozen=True)
class Period:
    first_day: date
    last_day: date

    @property
    def weeks(self) -> float:
        return ((self.last_day - self.first_day).days + 1) / 7

    @property
    def months(self) -> list[date]:
        return [self.first_day + relativedelta(months=index) for index in range(PERIOD_MONTHS)]


def last_full_months(today: date | None = None) -> Period:
    """The twelve complete months before this one."""
    today = today or timezone.localdate()
    this_month = today.replace(day=1)
    return Period(this_month - relativedelta(months=PERIOD_MONTHS), this_month - timedelta(days=1))


@dataclass
class Equipment:
    label: str
    places: int
    total: int

    @property
    def sentence(self) -> str:
        sentence = ngettext(
            "%(label)s : %(count)s lieu sur %(total)s",
            "%(label)s : %(count)s lieux sur %(total)s",
            self.places,
        )
        return sentence % {
            "label": self.label,
            "count": self.places,
            "total": self.total,
        }


def offer(quartier: Quartier | None) -> list[Equipment]:
    """How many of the territory's places (the Mairie Bus's stops left out) have each
    equipment, in one query."""
    places = Lieu.objects.filter(itinerant=False)
    if quartier is not None:
        places = places.filter(quartier=quartier)
    counts = places.aggregate(
        total=Count("pk"),
        wifi=Count("pk", filter=Q(public_wifi=True)),
        computers=Count("pk", filter=Q(free_computers=True)),
        caf=Count("pk", filter=Q(caf_terminal=True)),
        printer=Count("pk", filter=Q(printer_scanner=True)),
    )
    total = counts["total"]
    return [
        Equipment(_("Wifi public"), counts["wifi"], total),
        Equipment(_("Ordinateurs en libre accès"), counts["computers"], total),
        Equipment(_("Borne CAF"), counts["caf"], total),
        Equipment(_("Imprimante et scanner"), counts["printer"], total),
    ]


@dataclass
class Occupation:
    lieu: str
    half_days_per_week: int
    offered: int
    used: int

    @property
    def rate(self) -> float | None:
        return self.used / self.offered if self.offered else None

    @property
    def verdict(self) -> str:
        low, high = OCCUPATION_AIM
        if self.rate is None:
            return ""
        if self.rate < low:
            return _("en dessous de l’objectif")
        if self.rate > high:
            return _("au-dessus de l’objectif")
        return _("dans l’objectif")

    @property
    def level(self) -> str:
        """For the page's colour: under, within or over the aim."""
        low, high = OCCUPATION_AIM
        if self.rate is None or self.rate < low:
            return "under"
        return "over" if self.rate > high else "within"


def occupation(quartier: Quartier | None, period: Period) -> list[Occupation]:
    """Each shared place of the territory (one that offers half-days): the half-days
    offered over the period and those its permanences and ateliers used (a half-day with
    both counts once; cancelled ones do not count). Three queries."""
    places = Lieu.objects.filter(half_days_per_week__gt=0).order_by("name")
    if quartier is not None:
        places = places.filter(quartier=quartier)
    places = list(places.values_list("pk", "name", "half_days_per_week"))
    ids = [pk for pk, _name, _half_days in places]
    between = {"date__range": (period.first_day, period.last_day), "lieu_id__in": ids}
    used = defaultdict(set)
    sessions = [
        Permanence.objects.filter(cancelled=False, **between),
        Atelier.objects.exclude(status=AtelierStatus.CANCELLED).filter(**between),
    ]
    for queryset in sessions:
        for lieu_id, day, start in queryset.values_list("lieu_id", "date", "start_time"):
            used[lieu_id].add((day, start >= AFTERNOON))
    return [
        Occupation(
            lieu=name,
            half_days_per_week=half_days,
            offered=round(half_days * period.weeks),
            used=len(used[pk]),
        )
        for pk, name, half_days in places
    ]


@dataclass
class Demand:
    """The cartography of needs, every count protected."""

    months: Table
    place_theme: Table
    age_residence: Table
    heard: Table
    autonomy: Table
    reoriented: Table
    atelier_sessions: int
    atelier_registered: int | str
    atelier_present: int | str
    # The orientations between partners, over the whole portal: they name no place.
    orientations_received: int | str = 0
    orientations_accepted: int | str = 0
    orientations_declined: int | str = 0
    # Shown from THRESHOLD answers only: a median of fewer would tell of few people.
    orientation_median: timedelta | None = None

    @property
    def participation_rate(self):
        return ratio(self.atelier_present, self.atelier_registered)


def demand(quartier: Quartier | None, period: Period) -> Demand:
    """The period's demand on the territory, from counts kept a quarter of an hour."""
    key = f"diagnostics:demand:{quartier.pk if quartier else 'ville'}:{period.first_day}"
    counts = cache.get(key)
    if counts is None:
        counts = _demand_counts(quartier, period)
        cache.set(key, counts, CACHE_SECONDS)
    return _demand_tables(counts, period)


def _demand_counts(quartier, period) -> dict:
    rows = demand_counts(
        first_day=period.first_day,
        last_day=period.last_day,
        quartier_id=quartier.pk if quartier else None,
    )
    ateliers = Atelier.objects.filter(date__range=(period.first_day, period.last_day))
    if quartier is not None:
        ateliers = ateliers.filter(lieu__quartier=quartier)
    figures = figures_of(ateliers)
    everything = Scope(everything=True)
    months = orientations.monthly_figures(
        first_day=period.first_day, last_day=period.last_day, scope=everything
    )
    times = orientations.answer_times(
        first_day=period.first_day, last_day=period.last_day, scope=everything
    )
    return {
        "rows": rows,
        "ateliers": (figures.sessions, figures.registered, figures.present),
        "orientations": {
            name: sum(month[name] for month in months.values())
            for name in ("received", "accepted", "declined")
        },
        "orientation_median": times.median if times.answered >= THRESHOLD else None,
    }


def _demand_tables(counts, period: Period) -> Demand:
    found = defaultdict(lambda: defaultdict(int))
    for dimension, key, second, count in counts["rows"]:
        found[dimension][(key, second)] += count
    names = _Names(found)
    number = [("n", _("Nombre"))]

    def listing(title, dimension, rows):
        counts = {(key, "n"): count for (key, _second), count in found[dimension].items()}
        return Table(title, rows, number, counts)

    months = Table(
        _("Accompagnements par mois"),
        [("n", _("Accompagnements"))],
        [(month, formats.date_format(month, "M Y")) for month in period.months],
        {("n", date.fromisoformat(key)): count for (key, _s), count in found["month"].items()},
    )
    age_residence = Table(
        _("Âge et quartier de résidence"),
        [(value, str(label)) for value, label in TrancheAge.choices],
        names.residences(),
        {(age, residence): count for (age, residence), count in found["age_residence"].items()},
    )
    heard = listing(
        _("Comment la personne a connu la permanence"),
        "orientation_source",
        [(value, str(label)) for value, label in OrientationSource.choices],
    )
    autonomy = listing(
        _("Autonomie atteinte"),
        "autonomie",
        [(value, str(label)) for value, label in Autonomie.choices],
    )
    # The months and the tables of the same accompaniments, at once: they share their
    # grand total.
    protect_together(
        months,
        [(table, {"same_total_as": months}) for table in (age_residence, heard, autonomy)],
    )
    reoriented = listing(_("Réorientations"), "reoriente_vers", names.structures())
    protect(reoriented)
    place_theme = names.place_theme_table()
    protect(place_theme)
    sessions, registered, present = counts["ateliers"]
    return Demand(
        months=months,
        place_theme=place_theme,
        age_residence=age_residence,
        heard=heard,
        autonomy=autonomy,
        reoriented=reoriented,
        atelier_sessions=sessions,
        # Two counts that are not parts of a whole: each is protected alone.
        atelier_registered=_protected_count(registered),
        atelier_present=_protected_count(present),
        orientations_received=_protected_count(counts["orientations"]["received"]),
        orientations_accepted=_protected_count(counts["orientations"]["accepted"]),
        orientations_declined=_protected_count(counts["orientations"]["declined"]),
        orientation_median=counts["orientation_median"],
    )


def _protected_count(count: int) -> int | str:
    alone = Table("", [("n", "")], [("n", "")], {("n", "n"): count})
    return protect(alone).shown(TOTAL)


class _Names:
    """The rows and columns the counts name, with their labels (three queries)."""

    def __init__(self, found):
        self.found = found
        lieu_keys = {key for key, _theme in found["lieu_theme"] if key.startswith("lieu:")}
        quartier_keys = {
            residence
            for _age, residence in found["age_residence"]
            if residence.startswith("quartier:")
        }
        self.lieux = dict(
            Lieu.objects.filter(pk__in=[int(key[5:]) for key in lieu_keys]).values_list(
                "pk", "name"
            )
        )
        self.quartiers = dict(
            Quartier.objects.filter(
                pk__in=[int(key.removeprefix("quartier:")) for key in quartier_keys]
            ).values_list("pk", "name")
        )
        self.structure_names = dict(
            Structure.objects.filter(
                pk__in=[int(key) for key, _second in found["reoriente_vers"]]
            ).values_list("pk", "name")
        )

    def residences(self) -> list[tuple[str, str]]:
        keys = sorted(
            {residence for _age, residence in self.found["age_residence"]}
            - {"hors-quartier", NON_COMMUNIQUE}
        )
        rows = sorted(
            ((key, self.quartiers.get(int(key.removeprefix("quartier:")), "?")) for key in keys),
            key=lambda row: row[1],
        )
        return rows + [("hors-quartier", _("Hors quartier")), (NON_COMMUNIQUE, _("Non communiqué"))]

    def structures(self) -> list[tuple[str, str]]:
        found = self.found["reoriente_vers"]
        keys = sorted(found, key=lambda key: (-found[key], key[0]))
        return [(key, self.structure_names.get(int(key), "?")) for key, _second in keys]

    def place(self, key: str) -> str:
        if key.startswith("lieu:"):
            return self.lieux.get(int(key[5:]), "?")
        canal = key.removeprefix("canal:")
        if canal == Canal.LIEU_ACTIVITE:
            return _("Lieu d’activité non précisé")
        return str(dict(Canal.choices).get(canal, canal))

    def place_theme_table(self) -> Table:
        """Themes (rows) by place (columns), the places and themes most asked for, the
        others added up in "Autres"."""
        by_place, by_theme = defaultdict(int), defaultdict(int)
        for (place, theme), count in self.found["lieu_theme"].items():
            by_place[place] += count
            by_theme[theme] += count
        places = sorted(by_place, key=lambda key: (-by_place[key], key))
        kept_places = places if len(places) <= MAX_PLACES else places[: MAX_PLACES - 1]
        labels = dict(ThemeNumerique.choices)
        themes = [value for value in labels if by_theme.get(value)]
        themes.sort(key=lambda value: -by_theme[value])
        kept_themes = themes if len(themes) <= MAX_THEMES else themes[: MAX_THEMES - 1]
        columns = [(key, self.place(key)) for key in kept_places]
        if len(kept_places) < len(places):
            columns.append((OTHERS, _("Autres lieux")))
        rows = [(value, str(labels[value])) for value in kept_themes]
        if len(kept_themes) < len(themes):
            rows.append((OTHERS, _("Autres thèmes")))
        counts = defaultdict(int)
        for (place, theme), count in self.found["lieu_theme"].items():
            column = place if place in kept_places else OTHERS
            row = theme if theme in kept_themes else OTHERS
            counts[(row, column)] += count
        return Table(_("Ce qui est demandé, et où"), rows, columns, dict(counts))


def months_values(demand: Demand) -> list[tuple[str, int | str]]:
    """The months and their shown counts, for the chart and its table."""
    months = demand.months
    return [(label, months.shown(cell("n", month))) for month, label in months.columns]
