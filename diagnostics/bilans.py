"""The annual bilan of a scope (a partner's structure, one structure chosen by the
coordination, or the whole territory): the accompaniments of the year by month and by
theme, place, age band, neighbourhood, how people heard, autonomy, outcome and
re-orientation; the ateliers; the permanences; each beside the year before.

The counts come from the database already grouped (``permanences.selectors.log
.monthly_tally``: the tally PostgreSQL keeps by structure and month), two years at once;
Python only lays them out in tables and protects the small ones
(diagnostics/disclosure.py). Each year's tables depend on that year's data only, so that
the year before shown beside this one is exactly what its own bilan shows: what one page
hides, the other does not give away.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from ateliers.models import Atelier
from ateliers.selectors import monthly_figures
from diagnostics.disclosure import (
    MASKED,
    THRESHOLD,
    TOTAL,
    Table,
    cell,
    column_total,
    difference,
    is_hidden,
    protect,
    protect_together,
    ratio,
    row_total,
)
from diagnostics.formats import duration
from permanences.enums import Autonomie, Canal, Resultat, ThemeNumerique, TrancheAge
from permanences.models import (
    AccompagnementTally,
    Permanence,
    TallyDimension,
)
from permanences.selectors.log import monthly_tally
from permanences.selectors.schedule import monthly_counts
from services.enums import NON_COMMUNIQUE, OrientationSource
from services.models import Lieu, Quartier, Structure
from services.selectors import Scope, orientations

FIRST_YEAR = 2000
# Beyond this many rows, a table keeps its largest rows and adds up the others in one
# "Autres" row: a table is read, and a long tail of small rows would be mostly "< 5".
MAX_ROWS = 25
OTHERS = "autres"
MONTH_KEYS = list(range(1, 13))


def month_columns() -> list[tuple[int, str]]:
    return [(month, str(MONTHS[month])) for month in MONTH_KEYS]


@dataclass
class Line:
    """A row of a section as a reader sees it: shown counts (or rates) by month, the
    year's total, its share of the table's total, last year's total and the change."""

    label: str
    cells: list[Any]
    total: Any
    previous: Any = None  # None: last year's figure is not comparable (an "Autres" row)
    share: Any = None
    is_rate: bool = False
    key: Any = None

    @property
    def change(self):
        if self.previous is None or self.is_rate:
            return None
        return difference(self.total, self.previous)


@dataclass
class Section:
    slug: str
    title: str
    lines: list[Line]
    totals: Line | None = None
    note: str = ""
    # The counts of this section, protected: what the charts draw.
    table: Table | None = None
    previous_table: Table | None = None
    chart: Any = None  # set by diagnostics.charts.for_bilan

    @property
    def has_shares(self) -> bool:
        return any(line.share is not None for line in self.lines)


@dataclass
class Bilan:
    year: int
    scope_label: str
    accompaniments: list[Section] = field(default_factory=list)
    ateliers: Section | None = None
    permanences: Section | None = None
    orientations: Section | None = None

    @property
    def sections(self) -> list[Section]:
        return [*self.accompaniments, *self.other_sections]

    @property
    def other_sections(self) -> list[Section]:
        return [self.ateliers, self.permanences, self.orientations]

    @property
    def monthly(self) -> Section:
        return self.accompaniments[0]

    @property
    def is_empty(self) -> bool:
        return not any(
            line.total not in (0, None) for section in self.sections for line in section.lines
        )


def years_with_data(scope: Scope) -> list[int]:
    """The years up to this one in which the scope has accompaniments, ateliers or
    permanences, newest first."""
    this_year = timezone.localdate().year
    tally = AccompagnementTally.objects.exclude(count=0)
    if not scope.everything:
        tally = tally.filter(structure_id__in=scope.structure_ids)
    accompaniments = set(
        tally.annotate(year=ExtractYear("month")).values_list("year", flat=True).distinct()
    )
    ateliers = scope.filter(Atelier.objects.all(), "structure").dates("date", "year")
    permanences = scope.filter(Permanence.objects.all(), "service__structure").dates("date", "year")
    years = accompaniments | {day.year for day in ateliers} | {day.year for day in permanences}
    return sorted((year for year in years if FIRST_YEAR <= year <= this_year), reverse=True)


def build(*, year: int, scope: Scope, scope_label: str) -> Bilan:
    """The bilan of ``year`` for ``scope``, every count protected."""
    tally = monthly_tally(
        first_month=date(year - 1, 1, 1), last_month=date(year, 12, 1), scope=scope
    )
    counts = _by_year(tally)
    labels = _Labels(counts)
    current = _accompaniment_tables(counts.get(year, {}), labels)
    previous = _accompaniment_tables(counts.get(year - 1, {}), labels)
    bilan = Bilan(year=year, scope_label=scope_label)
    bilan.accompaniments = [
        _section(slug, current[slug], previous[slug], title, note)
        for slug, title, note in _accompaniment_sections()
    ]
    bilan.ateliers = _ateliers_section(year, scope)
    bilan.permanences = _permanences_section(year, scope)
    bilan.orientations = _orientations_section(year, scope)
    return bilan


def _accompaniment_sections():
    return [
        ("mois", _("Accompagnements par mois"), ""),
        (
            "themes",
            _("Thèmes des accompagnements"),
            _("Un accompagnement peut porter sur plusieurs thèmes : le total compte les thèmes."),
        ),
        ("lieux", _("Accompagnements par lieu"), ""),
        ("ages", _("Accompagnements par âge"), ""),
        ("quartiers", _("Accompagnements par quartier de résidence"), ""),
        ("connaissance", _("Comment la personne a connu la permanence"), ""),
        ("autonomie", _("Autonomie atteinte"), ""),
        ("resultats", _("Résultat de la démarche"), ""),
        (
            "reorientations",
            _("Réorientations, par structure"),
            _("Les démarches réorientées, selon la structure vers laquelle la personne est allée."),
        ),
    ]


def _by_year(tally) -> dict[int, dict[str, dict[str, dict[int, int]]]]:
    """year → dimension → key → month → count."""
    counts: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(dict)))
    for month, dimension, key, count in tally:
        counts[month.year][dimension][key][month.month] = count
    return counts


class _Labels:
    """The names of the places, neighbourhoods and structures that the tables show (not
    those added up in "Autres"), read in three queries."""

    def __init__(self, counts):
        ids = defaultdict(set)
        for dimensions in counts.values():
            for key in _ranked(dimensions.get(TallyDimension.LIEU, {})):
                if key.startswith("lieu:"):
                    ids["lieu"].add(int(key.removeprefix("lieu:")))
            for key in _ranked(dimensions.get(TallyDimension.RESIDENCE, {}), _is_quartier):
                ids["quartier"].add(int(key.removeprefix("quartier:")))
            for key in _ranked(dimensions.get(TallyDimension.REORIENTE_VERS, {})):
                ids["structure"].add(int(key))
        self.lieux = dict(Lieu.objects.filter(pk__in=ids["lieu"]).values_list("pk", "name"))
        self.quartiers = dict(
            Quartier.objects.filter(pk__in=ids["quartier"]).values_list("pk", "name")
        )
        self.structures = dict(
            Structure.objects.filter(pk__in=ids["structure"]).values_list("pk", "name")
        )
        self.canals = dict(Canal.choices)

    def lieu(self, key: str) -> str:
        if key.startswith("lieu:"):
            return self.lieux.get(int(key.removeprefix("lieu:")), _("Lieu supprimé"))
        canal = key.removeprefix("canal:")
        if canal == Canal.LIEU_ACTIVITE:
            return _("Lieu d’activité non précisé")
        return str(self.canals.get(canal, canal))

    def residence(self, key: str) -> str:
        if key.startswith("quartier:"):
            return self.quartiers.get(int(key.removeprefix("quartier:")), _("Quartier supprimé"))
        return _("Hors quartier") if key == "hors-quartier" else _("Non communiqué")

    def structure(self, key: str) -> str:
        return self.structures.get(int(key), _("Structure supprimée"))


def _accompaniment_tables(dimensions, labels: _Labels) -> dict[str, Table]:
    """One year's tables, protected together: every breakdown has the monthly totals of
    the table of months; the re-orientations split the "réorientée" row of the
    outcomes."""
    columns = month_columns()

    def table(title, rows, dimension):
        found = dimensions.get(dimension, {})
        counts = {
            (key, month): count
            for key, _label in rows
            for month, count in found.get(_tally_key(key), {}).items()
        }
        return Table(title, rows, columns, counts)

    def enum_rows(choices):
        return [(value, str(label)) for value, label in choices]

    def ranked_rows(dimension, label_of, others_label):
        return _rows(dimensions.get(dimension, {}), label_of, others_label)

    monthly = Table(
        _("Accompagnements par mois"),
        [(TallyDimension.TOTAL, _("Accompagnements"))],
        columns,
        {
            (TallyDimension.TOTAL, month): count
            for month, count in dimensions.get(TallyDimension.TOTAL, {}).get("", {}).items()
        },
    )
    themes_found = dimensions.get(TallyDimension.THEME, {})
    tables = {
        "mois": monthly,
        "themes": table(
            _("Thèmes"),
            [row for row in enum_rows(ThemeNumerique.choices) if row[0] in themes_found],
            TallyDimension.THEME,
        ),
        "lieux": table(
            _("Lieux"),
            ranked_rows(TallyDimension.LIEU, labels.lieu, _("Autres lieux")),
            TallyDimension.LIEU,
        ),
        "ages": table(_("Âge"), enum_rows(TrancheAge.choices), TallyDimension.TRANCHE_AGE),
        "quartiers": table(
            _("Quartier de résidence"),
            _residence_rows(dimensions.get(TallyDimension.RESIDENCE, {}), labels),
            TallyDimension.RESIDENCE,
        ),
        "connaissance": table(
            _("Comment la personne a connu la permanence"),
            enum_rows(OrientationSource.choices),
            TallyDimension.ORIENTATION_SOURCE,
        ),
        "autonomie": table(_("Autonomie"), enum_rows(Autonomie.choices), TallyDimension.AUTONOMIE),
        "resultats": table(_("Résultat"), enum_rows(Resultat.choices), TallyDimension.RESULTAT),
        "reorientations": table(
            _("Réorientée vers"),
            ranked_rows(TallyDimension.REORIENTE_VERS, labels.structure, _("Autres structures")),
            TallyDimension.REORIENTE_VERS,
        ),
    }
    # What "Autres" adds up.
    for slug, dimension in (
        ("lieux", TallyDimension.LIEU),
        ("reorientations", TallyDimension.REORIENTE_VERS),
        ("quartiers", TallyDimension.RESIDENCE),
    ):
        _add_others(tables[slug], dimensions.get(dimension, {}))
    # The months and the breakdowns that share their monthly totals, at once: what one
    # hides, the others cannot give back, and each small count can move in all of them.
    # The themes count an accompaniment once per theme: a table of its own.
    reoriented = tables["reorientations"]
    linked = [
        (tables[slug], {"same_columns_as": monthly})
        for slug in ("lieux", "ages", "quartiers", "connaissance", "autonomie")
    ]
    linked.append(
        (
            tables["resultats"],
            {
                "same_columns_as": monthly,
                "refine": {Resultat.REORIENTEE: reoriented} if reoriented.rows else None,
            },
        )
    )
    protect_together(monthly, linked)
    protect(tables["themes"])
    return tables


def _tally_key(key) -> str:
    return "" if key == TallyDimension.TOTAL else str(key)


def _residence_rows(found, labels: _Labels) -> list[tuple[str, str]]:
    rows = _rows(found, labels.residence, _("Autres quartiers"), _is_quartier)
    return rows + [
        ("hors-quartier", _("Hors quartier")),
        (NON_COMMUNIQUE, _("Non communiqué")),
    ]


def _is_quartier(key: str) -> bool:
    return key.startswith("quartier:")


def _ranked(found, keep=None) -> list[str]:
    """The keys a table names: by decreasing total over the year (ties in key order), the
    first MAX_ROWS - 1 when there are more than MAX_ROWS (the others go to "Autres")."""
    keys = [key for key in found if keep is None or keep(key)]
    keys.sort(key=lambda key: (-sum(found[key].values()), key))
    return keys if len(keys) <= MAX_ROWS else keys[: MAX_ROWS - 1]


def _rows(found, label_of, others_label, keep=None) -> list[tuple[str, str]]:
    named = _ranked(found, keep)
    rows = [(key, label_of(key)) for key in named]
    left = sum(1 for key in found if keep is None or keep(key)) - len(named)
    if left:
        rows.append((OTHERS, f"{others_label} ({left})"))
    return rows


def _add_others(table: Table, found) -> None:
    """The "Autres" row of a capped table: the sum of the rows it stands for."""
    if OTHERS not in dict(table.rows):
        return
    named = {key for key, _label in table.rows}
    others = defaultdict(int)
    for key, months in found.items():
        if key not in named:
            for month, count in months.items():
                others[month] += count
    table.counts.update({(OTHERS, month): count for month, count in others.items()})


def _section(slug, table: Table, previous: Table, title: str, note: str) -> Section:
    previous_rows = dict(previous.rows)

    def previous_of(key):
        if key == OTHERS:
            return None
        if key in previous_rows:
            return previous.shown(row_total(key))
        return None if OTHERS in previous_rows else 0

    grand_total = table.shown(TOTAL)
    lines = [
        Line(
            label=label,
            cells=[table.shown(cell(key, month)) for month in MONTH_KEYS],
            total=table.shown(row_total(key)),
            previous=previous_of(key),
            # A month's share of the year says nothing a reader needs.
            share=None if slug == "mois" else ratio(table.shown(row_total(key)), grand_total),
            key=key,
        )
        for key, label in table.rows
    ]
    totals = None
    if slug != "mois":
        totals = Line(
            label=_("Total des thèmes cités") if slug == "themes" else _("Total"),
            cells=[table.shown(column_total(month)) for month in MONTH_KEYS],
            total=grand_total,
            previous=previous.shown(TOTAL),
        )
    return Section(
        slug=slug,
        title=title,
        lines=lines,
        totals=totals,
        note=note,
        table=table,
        previous_table=previous,
    )


def _one_row(title: str, label: str, by_month: dict[int, int], *, sensitive=True) -> Table:
    table = Table(
        title,
        [("n", label)],
        month_columns(),
        {("n", month): count for month, count in by_month.items()},
        sensitive=sensitive,
    )
    return protect(table)


def _ateliers_section(year: int, scope: Scope) -> Section:
    """Sessions held (not cancelled), confirmed registrations, people present, walk-ins
    and the participation rate (present / registered) by month."""
    figures = {
        each: monthly_figures(first_day=date(each, 1, 1), last_day=date(each, 12, 31), scope=scope)
        for each in (year, year - 1)
    }

    def tables(each):
        months = figures[each]

        def by_month(name):
            return {month: values.get(name, 0) for month, values in months.items()}

        return {
            "sessions": _one_row(
                _("Séances"), _("Séances tenues"), by_month("sessions"), sensitive=False
            ),
            "registered": _one_row(
                _("Inscriptions"), _("Inscriptions confirmées"), by_month("registered")
            ),
            "present": _one_row(_("Présents"), _("Personnes présentes"), by_month("present")),
            "walk_ins": _one_row(
                _("Sans inscription"), _("Venues sans inscription"), by_month("walk_ins")
            ),
        }

    current, previous = tables(year), tables(year - 1)
    lines = [_one_row_line(current[name], previous[name]) for name in current]
    lines.append(
        Line(
            label=_("Taux de participation (présents / inscrits)"),
            cells=[
                ratio(
                    current["present"].shown(cell("n", month)),
                    current["registered"].shown(cell("n", month)),
                )
                for month in MONTH_KEYS
            ],
            total=ratio(current["present"].shown(TOTAL), current["registered"].shown(TOTAL)),
            previous=ratio(previous["present"].shown(TOTAL), previous["registered"].shown(TOTAL)),
            is_rate=True,
        )
    )
    return Section(slug="ateliers", title=_("Ateliers"), lines=lines)


def _permanences_section(year: int, scope: Scope) -> Section:
    counts = {
        each: monthly_counts(first_day=date(each, 1, 1), last_day=date(each, 12, 31), scope=scope)
        for each in (year, year - 1)
    }

    def line(name, label):
        def by_month(each):
            return {month: values[name] for month, values in counts[each].items()}

        return _one_row_line(
            _one_row(label, label, by_month(year), sensitive=False),
            _one_row(label, label, by_month(year - 1), sensitive=False),
        )

    return Section(
        slug="permanences",
        title=_("Permanences"),
        lines=[
            line("held", _("Permanences tenues")),
            line("cancelled", _("Permanences annulées")),
        ],
    )


def _one_row_line(table: Table, previous: Table) -> Line:
    (key, label), *_others = table.rows
    return Line(
        label=label,
        cells=[table.shown(cell(key, month)) for month in MONTH_KEYS],
        total=table.shown(TOTAL),
        previous=previous.shown(TOTAL),
        key=key,
    )


def _orientations_section(year: int, scope: Scope) -> Section:
    """Orientations sent and received, and of those received the accepted and the
    declined, by month; the acceptance rate among the answers; and, in the note, how
    long a first answer took (when at least THRESHOLD were answered: a median of fewer
    would tell of few people)."""
    figures = {
        each: orientations.monthly_figures(
            first_day=date(each, 1, 1), last_day=date(each, 12, 31), scope=scope
        )
        for each in (year, year - 1)
    }
    labels = {
        "sent": _("Orientations envoyées"),
        "received": _("Orientations reçues"),
        "accepted": _("Orientations reçues acceptées"),
        "declined": _("Orientations reçues refusées"),
    }

    def tables(each):
        return {
            name: _one_row(label, label, {m: f[name] for m, f in figures[each].items()})
            for name, label in labels.items()
        }

    current, previous = tables(year), tables(year - 1)
    lines = [_one_row_line(current[name], previous[name]) for name in labels]

    def acceptance(tables_of_year, ref):
        accepted, declined = (tables_of_year[name].shown(ref) for name in ("accepted", "declined"))
        if is_hidden(accepted) or is_hidden(declined):
            return MASKED
        return ratio(accepted, accepted + declined)

    lines.append(
        Line(
            label=_("Taux d’acceptation (acceptées / réponses)"),
            cells=[acceptance(current, cell("n", month)) for month in MONTH_KEYS],
            total=acceptance(current, TOTAL),
            previous=acceptance(previous, TOTAL),
            is_rate=True,
        )
    )
    times = orientations.answer_times(
        first_day=date(year, 1, 1), last_day=date(year, 12, 31), scope=scope
    )
    note = ""
    if times.answered >= THRESHOLD:
        note = _(
            "Délai de la première réponse : la moitié en moins de %(median)s, 90 %% en moins "
            "de %(ninetieth)s."
        ) % {"median": duration(times.median), "ninetieth": duration(times.ninetieth)}
    return Section(slug="orientations", title=_("Orientations"), lines=lines, note=note)
