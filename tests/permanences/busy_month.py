"""A busy month of the printed programme, March 2027: every weekday morning and afternoon
taken (the Mairie Bus, the Relais-Mairie), ateliers on Wednesday afternoons, two
Saturdays, long themes and long stop names, some half-days on
appointment and two cancelled. Shared by the page's tests and its printing in Chromium."""

from datetime import date, time, timedelta

from services.models import Thematique
from tests.ateliers.factories import AtelierFactory
from tests.permanences.factories import PermanenceFactory
from tests.services.factories import LieuFactory

MONTH = date(2027, 3, 1)
SATURDAYS = (date(2027, 3, 6), date(2027, 3, 20))
# Long themes, as coordinators write them, and the longest of the demo's stop names.
THEMES = [
    ("Papiers d’identité", "difficultes-administratives-ou-juridiques"),
    (
        "Impôts : déclaration en ligne",
        "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
    ),
    ("CAF : aides au logement", "famille--soutien-a-la-parentalite-et-a-leducation"),
    ("Carte Vitale, mutuelle", "sante--acces-aux-soins"),
    ("France Travail : inscription", "trouver-un-emploi--repondre-a-des-offres-demploi"),
    ("Logement social : demande", "logement-hebergement--louer-un-logement"),
]
ATELIERS = ["Atelier smartphone", "Atelier : mon e-mail"]


def make_busy_month(directory, relais, bus) -> dict:
    """Builds the month; returns how many half-days and ateliers it has."""
    stops = [
        bus,
        relais,
        LieuFactory(
            bus_stop=True,
            name="Arrêt Jean Vilar, devant la médiathèque",
            address="Place Jean Vilar",
        ),
        LieuFactory(
            bus_stop=True,
            name="Arrêt Europe, parking du centre commercial",
            address="Boulevard Allonneau",
        ),
    ]
    maison = LieuFactory(name="Maison de quartier de La Roseraie", address="2 rue Lionel Royer")
    themes = [(label, Thematique.objects.get(code=code)) for label, code in THEMES]
    numerique = Thematique.objects.get(code="numerique")
    days = [
        MONTH + timedelta(days=offset)
        for offset in range(31)
        if (MONTH + timedelta(days=offset)).weekday() < 5
        or MONTH + timedelta(days=offset) in SATURDAYS
    ]
    half_days = ateliers = 0
    for index, day in enumerate(days):
        for start, end in ((time(9), time(12)), (time(14), time(17))):
            if day.weekday() == 5 and start.hour == 14:
                continue  # Saturday mornings only
            if day.weekday() == 2 and start.hour == 14:
                AtelierFactory(
                    title=ATELIERS[index % 2],
                    date=day,
                    lieu=maison,
                    thematique=numerique,
                    start_time=time(14),
                    end_time=time(16),
                )
                ateliers += 1
                continue
            label, thematique = themes[(index + start.hour) % len(themes)]
            PermanenceFactory(
                service=directory["impots"],
                lieu=stops[(index + start.hour) % len(stops)],
                date=day,
                start_time=start,
                end_time=end,
                theme_label=label,
                thematique=thematique,
                appointment_required=index % 4 == 0,
                cancelled=index in (5, 17) and start.hour == 9,
                cancellation_reason="Conseiller malade" if index in (5, 17) else "",
            )
            half_days += 1
    return {"permanences": half_days, "ateliers": ateliers, "stops": len(stops) + 1}


def crowd_the_mornings(month_days=range(1, 32)) -> int:
    """Adds an atelier beside the permanence of every Tuesday and Thursday morning of the
    month: two entries in those cells, more than one page can hold. Returns how many."""
    maison = LieuFactory(name="Salle annexe de la Maison de quartier", address="4 rue Lionel Royer")
    added = 0
    for number in month_days:
        day = MONTH.replace(day=number)
        if day.weekday() in (1, 3):
            AtelierFactory(
                title="Atelier : payer en ligne",
                date=day,
                lieu=maison,
                start_time=time(10),
                end_time=time(12),
            )
            added += 1
    return added
