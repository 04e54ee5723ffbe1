"""Reading the rows of a data·inclusion v1 file: a JSON array, or a CSV with our export's
columns."""

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from roseraie_portal.csv_files import cell_text, read_records, split_values
from services.opendata.schema import (
    MULTI_VALUED_FIELDS,
)


class UnreadableFile(ValueError):
    """The file cannot be read at all (its rows can then not even be reported)."""


@dataclass
class RowsFile:
    rows: list[Any]
    first_line: int  # The line of the first row: 2 in a CSV (its header is line 1).


def csv_record_to_row(record: dict[str, str | None]) -> dict[str, Any]:
    """A CSV record of our export's columns as a v1 row: empty cells are ``None``,
    multi-valued cells split on `` | ``, neutralised formulas restored."""
    row: dict[str, Any] = {}
    for name, value in record.items():
        if name is None:  # More cells than headers.
            continue
        value = cell_text(value)
        if not value:
            row[name] = None
        elif name in MULTI_VALUED_FIELDS:
            row[name] = split_values(value)
        else:
            row[name] = value
    return row


def read_rows_file(path: str | Path) -> RowsFile:
    """The rows of a ``.json`` (an array of rows) or ``.csv`` (our export's columns, ``;``
    separated, BOM tolerated) file. Raises :class:`UnreadableFile` with a French reason."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise UnreadableFile(
            _("%(path)s : seuls les fichiers .json et .csv sont acceptés.") % {"path": path}
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise UnreadableFile(_("%(path)s : fichier introuvable.") % {"path": path}) from exc
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            _("%(path)s : le fichier n’est pas encodé en UTF-8.") % {"path": path}
        ) from exc
    except OSError as exc:
        raise UnreadableFile(
            _("%(path)s : lecture impossible (%(error)s).") % {"path": path, "error": exc}
        ) from exc
    if suffix == ".json":
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UnreadableFile(
                _("%(path)s : JSON invalide, ligne %(line)s (%(error)s).")
                % {"path": path, "line": exc.lineno, "error": exc.msg}
            ) from exc
        if not isinstance(rows, list):
            raise UnreadableFile(
                _("%(path)s : un tableau JSON de lignes est attendu.") % {"path": path}
            )
        return RowsFile(rows=rows, first_line=1)
    try:
        header, records = read_records(text)
    except csv.Error as exc:
        raise UnreadableFile(
            _("%(path)s : CSV illisible (%(error)s).") % {"path": path, "error": exc}
        ) from exc
    if "id" not in header:
        raise UnreadableFile(
            _(
                "%(path)s : l’en-tête n’a pas de colonne « id » ; un CSV séparé par « ; » "
                "avec les colonnes de data·inclusion est attendu."
            )
            % {"path": path}
        )
    return RowsFile(rows=[csv_record_to_row(record) for record in records], first_line=2)
