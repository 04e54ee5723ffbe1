"""What the log's form sends and shows, shared by the tests of the log (and the role
matrix): a valid entry as the form posts it, and the boxes a page has ticked."""

import re

from django.utils import timezone

from permanences.enums import NON_COMMUNIQUE, Canal, Resultat, ThemeNumerique

NEW = "/espace/accompagnements/nouveau/"
LIST = "/espace/accompagnements/"


def valid_post(**overrides):
    data = {
        "date": timezone.localdate().isoformat(),
        "duree": "30",
        "duree_autre": "",
        "canal": Canal.LIEU_ACTIVITE,
        "permanence": "",
        "lieu": "",
        "themes": [ThemeNumerique.PAPIERS, ThemeNumerique.COURRIELS],
        "demarche": "ants",
        "materiel": ["telephone"],
        "autonomie": "partiellement-autonome",
        "resultat": Resultat.ABOUTIE,
        "reoriente_vers": "",
        "tranche_age": "60-69",
        "genre": NON_COMMUNIQUE,
        "statut": "retraite",
        "residence": NON_COMMUNIQUE,
        "quartier": "",
        "orientation_source": "bouche-a-oreille",
        "langue": "fr",
        "note": "",
    }
    data.update(overrides)
    return data


def checked_values(html, name):
    inputs = re.findall(rf'<input[^>]*name="{name}"[^>]*>', html)
    return {re.search(r'value="([^"]*)"', tag).group(1) for tag in inputs if " checked" in tag}
