"""Orientations at any scale, for the benchmarks (``orientations.py``):
``generate_orientations(count=100_000, structure_orientations=20_000)``.

Rows are written by PostgreSQL itself (INSERT … SELECT FROM generate_series, random
choices over the model's TextChoices values), as generators/accompaniments.py writes the
log: a hundred thousand rows take seconds. They are inserted oldest first, so that the
table is laid out on disk as production writes it.

The orientations are sent over the last two years (working days, opening hours, Paris
time) to orientable services (``accepts_orientations``). Exactly
``structure_orientations`` go to one structure, "bench-structure-orientations" (created
with three orientable services when missing), whose partner account
"bench-partenaire-orientations" (partner group, attached by StructureMembership) is the
one benchmarks/orientations.py measures; that account also sends ``structure_sent`` of
them, from its structure, so that its sent box is not empty. The rest go to the other
orientable services: the database's own are reused; when fewer than a dozen take
orientations, some published services are marked ``accepts_orientations=True``, and
when there are none, a few "bench-" services (and structures, when there are none
either) are created. The generated directory's services ("gen-", generators/directory.py)
are never used: an orientation protects its service and its structures from deletion,
and clearing the generated directory would fail.

Senders are the "bench-" conseillers (those of generators/accompaniments.py when present,
a few created otherwise), each sending from its own structure, never to it. Statuses are
those of a working inbox: most orientations are accepted (some with an appointment) or
declined (with a reason), answered a few hours to a few days after sending; some are
withdrawn; the recent ones are often still waiting, a few old ones were never answered;
those open for more than a week were reminded. About half name the person (first name,
phone or e-mail), always with the consent's wording and date, as the form keeps them;
contacts and free texts are erased ORIENTATION_RETENTION_MONTHS after the orientation
closed, as services.actions.orientations.purge_orientations does. No traces are written.

``clear=True`` deletes the orientations sent by "bench-" accounts first (the structures,
services and accounts stay). By hand: ``python -m benchmarks.generators orientations
--help``.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone, translation

from benchmarks.generators import GenerationError, vacuum_analyse
from benchmarks.generators.accounts import conseiller_accounts
from benchmarks.generators.directory import PREFIX as DIRECTORY_PREFIX
from roseraie_portal import roles
from services.enums import (
    LANGUAGE_CHOICES,
    DeclineReason,
    Demarche,
    OrientationStatus,
    ThemeNumerique,
    TypeService,
    Urgency,
)
from services.forms.orientations import consent_wording
from services.models import (
    Orientation,
    OrientationTrace,
    Service,
    Structure,
    StructureMembership,
)

PREFIX = "bench-"
STRUCTURE_SLUG = "bench-structure-orientations"
PARTNER = "bench-partenaire-orientations"
CONSEILLER_PREFIX = "bench-conseiller"
DAYS = 2 * 365  # the last two years
# Orientations are sent during opening hours, Paris time, on working days.
FIRST_HOUR, OPEN_HOURS = 9, 9
OTHER_SERVICES = 12  # orientable services besides the measured structure's, at least
CREATED_CONSEILLERS = 20
REMINDER_DAYS = 7  # 5 working days (services/tasks.py), as calendar days

# The measured structure's services: (slug suffix, name, type).
MEASURED_SERVICES = [
    ("acces-aux-droits", "Accès aux droits", TypeService.ACCOMPAGNEMENT),
    ("demarches-en-ligne", "Démarches en ligne", TypeService.ACCOMPAGNEMENT),
    ("aide-administrative", "Aide administrative", TypeService.INFORMATION),
]

# Weighted vocabularies: a value listed twice is drawn twice as often.
DEMARCHES = [""] * 3 + list(Demarche.values)
URGENCIES = [Urgency.NORMAL] * 7 + [Urgency.WEEK] * 2 + [Urgency.URGENT]
LANGUAGES = ["fr"] * 30 + [code for code, _label in LANGUAGE_CHOICES if code != "fr"]
FIRST_NAMES = [
    "Aïcha",
    "Fatou",
    "Mohamed",
    "Nadia",
    "Jean",
    "Marie",
    "Olena",
    "Yusuf",
    "Samira",
    "Pierre",
    "Léa",
    "Karim",
    "Awa",
    "Dmytro",
    "Inès",
    "Gérard",
]
NOTES = [
    "Renouvellement de la carte d’identité, le dossier est prêt.",
    "Première demande de RSA, la personne n’a pas d’adresse e-mail.",
    "Déclaration de revenus en retard, des courriers sont arrivés.",
    "Demande de logement social à renouveler avant la fin du mois.",
    "Dossier de complémentaire santé solidaire à compléter.",
    "Compte Ameli bloqué, la personne ne reçoit plus ses remboursements.",
    "Inscription à France Travail après une fin de contrat.",
    "Titre de séjour à renouveler, rendez-vous introuvable en ligne.",
]
ALREADY_DONE = [""] * 2 + [
    "Compte créé ensemble, mot de passe noté dans son carnet.",
    "Nous avons appelé la CAF, sans réponse.",
    "Le formulaire est rempli à moitié.",
]
PAPERS = [""] * 2 + [
    "Carte d’identité et avis d’imposition.",
    "Titre de séjour, justificatif de domicile.",
    "Attestation de la CAF, RIB.",
]
AVAILABILITIES = [""] * 2 + [
    "Le matin, sauf le mercredi.",
    "Après 16 h 30, après l’école.",
    "Tous les jours sauf le vendredi.",
]
ANSWER_NOTES = [
    "Nous la rappelons cette semaine.",
    "Merci, nous la recevons avec plaisir.",
    "Qu’elle vienne avec tous ses courriers.",
]
APPOINTMENT_PLACES = [
    "Accueil, rez-de-chaussée",
    "Bureau 2, premier étage",
    "Maison de quartier, salle Rosa Parks",
]
APPOINTMENT_BRINGS = [
    "",
    "Ses identifiants et son téléphone.",
    "Les derniers courriers reçus.",
]


def generate_orientations(
    *,
    count: int | None = None,
    structure_orientations: int = 20_000,
    structure_sent: int = 2_000,
    seed: float = 0.42,
    clear: bool = False,
    log: Callable[[str], object] = lambda message: None,
) -> dict[str, int]:
    """Delete the orientations of "bench-" accounts first when ``clear``, then generate
    ``count`` orientations (none: the deletion alone), ``structure_orientations`` of them
    received by "bench-structure-orientations" and ``structure_sent`` others sent by its
    partner account, saying what is done to ``log``. ``seed`` is PostgreSQL's
    setseed(), from -1 to 1. Returns how many orientations went and came."""
    if count is None and not clear:
        raise GenerationError("Nothing to do: give a number of orientations, or clear, or both.")
    if count is not None and not (
        structure_orientations >= 0
        and structure_sent >= 0
        and structure_orientations + structure_sent <= count
    ):
        raise GenerationError(
            "The structure's received and sent orientations must add up to at most "
            "the number of orientations."
        )
    if not -1 <= seed <= 1:
        raise GenerationError("The seed must be between -1 and 1.")

    counts = {}
    with transaction.atomic():
        if clear:
            counts["deleted"] = clear_generated()
            log(f"Deleted {counts['deleted']} orientations of '{PREFIX}' accounts.")
        if count:
            started = time.perf_counter()
            counts["generated"] = OrientationGenerator(seed=seed).generate(
                count=count,
                structure_orientations=structure_orientations,
                structure_sent=structure_sent,
            )
            log(
                f"Generated {count} orientations in {time.perf_counter() - started:.1f} s; "
                f"'{STRUCTURE_SLUG}' receives {structure_orientations}, '{PARTNER}' sent "
                f"{structure_sent}."
            )
    vacuum_analyse(Orientation)
    return counts


def generated():
    """The orientations sent by "bench-" accounts."""
    return Orientation.objects.filter(sender__username__startswith=PREFIX)


def clear_generated() -> int:
    """Delete the orientations sent by "bench-" accounts (their traces with them); return
    how many went."""
    if Orientation.objects.exclude(sender__username__startswith=PREFIX).exists():
        return generated().delete()[1].get(Orientation._meta.label, 0)
    # Only generated rows: TRUNCATE leaves no dead rows behind. The traces are all theirs.
    count = Orientation.objects.count()
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {OrientationTrace._meta.db_table}, {Orientation._meta.db_table}")
    return count


class OrientationGenerator:
    def __init__(self, *, seed: float):
        self.seed = seed

    def generate(self, *, count: int, structure_orientations: int, structure_sent: int) -> int:
        measured = self._measured_structure()
        measured_services = self._measured_services(measured)
        others = self._other_services(measured)
        partner = self._partner(measured)
        senders = self._senders(measured)
        already = Orientation.objects.filter(to_structure_id=measured).count()
        if already > structure_orientations:
            raise GenerationError(
                f"'{STRUCTURE_SLUG}' already receives {already} orientations: clear them first."
            )
        # Who answers for each receiving structure: the measured one's partner, else one
        # of the accounts attached to it (none: the answer names no one).
        receivers = {measured: partner}
        for user_id, structure_id in StructureMembership.objects.order_by("pk").values_list(
            "user_id", "structure_id"
        ):
            receivers.setdefault(structure_id, user_id)
        now = timezone.now()
        with translation.override(settings.LANGUAGE_CODE):
            consent = consent_wording(settings.ORIENTATION_RETENTION_MONTHS)
        params = {
            "rows": count,
            "main_rows": structure_orientations - already,
            "partner_rows": structure_sent,
            "main_structure": measured,
            "main_services": measured_services,
            "other_services": [service for service, _structure in others],
            "other_structures": [structure for _service, structure in others],
            "partner_id": partner,
            "sender_ids": [user for user, _structure in senders],
            "sender_structures": [structure for _user, structure in senders],
            "receiver_structures": list(receivers),
            "receiver_users": list(receivers.values()),
            "now": now,
            "today": timezone.localdate(now),
            "days": DAYS,
            "zone": settings.TIME_ZONE,
            "retention": f"{settings.ORIENTATION_RETENTION_MONTHS} months",
            "consent": consent,
            "themes": list(ThemeNumerique.values),
            "demarches": DEMARCHES,
            "urgencies": URGENCIES,
            "languages": LANGUAGES,
            "first_names": FIRST_NAMES,
            "notes": NOTES,
            "already_done": ALREADY_DONE,
            "papers": PAPERS,
            "availabilities": AVAILABILITIES,
            "decline_reasons": list(DeclineReason.values),
            "answer_notes": ANSWER_NOTES,
            "appointment_places": APPOINTMENT_PLACES,
            "appointment_brings": APPOINTMENT_BRINGS,
        }
        with connection.cursor() as cursor:
            cursor.execute("SELECT setseed(%s)", [self.seed])
            # Foreign keys are checked at the end of the INSERT rather than all at commit.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(INSERT_SQL, params)
        return count

    def _measured_structure(self) -> int:
        structure, _created = Structure.objects.get_or_create(
            slug=STRUCTURE_SLUG, defaults={"name": "Structure de test des orientations"}
        )
        return structure.pk

    def _measured_services(self, structure_id: int) -> list[int]:
        """The measured structure's three services, created when missing, orientable."""
        ids = []
        for suffix, name, service_type in MEASURED_SERVICES:
            service, _created = Service.objects.update_or_create(
                slug=f"{STRUCTURE_SLUG}-{suffix}",
                defaults={
                    "structure_id": structure_id,
                    "accepts_orientations": True,
                    "is_published": True,
                },
                create_defaults={
                    "structure_id": structure_id,
                    "name": f"{name} (test des orientations)",
                    "description": "Service de test des orientations, généré.",
                    "type": service_type,
                    "accepts_orientations": True,
                },
            )
            ids.append(service.pk)
        return ids

    def _other_services(self, measured: int) -> list[tuple[int, int]]:
        """(id, structure id) of the other orientable services: the database's, some
        marked orientable, a few created when there are none."""

        def orientable():
            return (
                Service.objects.published()
                .filter(accepts_orientations=True)
                .exclude(structure_id=measured)
                .exclude(slug__startswith=DIRECTORY_PREFIX)
                .exclude(structure__slug__startswith=DIRECTORY_PREFIX)
                .order_by("pk")
            )

        missing = OTHER_SERVICES - orientable().count()
        if missing > 0:
            candidates = (
                Service.objects.published()
                .filter(accepts_orientations=False)
                .exclude(structure_id=measured)
                .exclude(slug__startswith=DIRECTORY_PREFIX)
                .exclude(structure__slug__startswith=DIRECTORY_PREFIX)
                .order_by("pk")
                .values_list("pk", "structure_id")
            )
            # One a structure first, so that the orientations spread over structures.
            chosen, structures = [], set()
            for pk, structure in candidates:
                if structure not in structures:
                    chosen.append(pk)
                    structures.add(structure)
            Service.objects.filter(pk__in=chosen[:missing]).update(accepts_orientations=True)
        if not orientable().exists():
            self._create_services(measured)
        return list(orientable().values_list("pk", "structure_id"))

    def _create_services(self, measured: int) -> None:
        structures = list(
            Structure.objects.exclude(pk=measured)
            .exclude(slug__startswith=DIRECTORY_PREFIX)
            .order_by("pk")
            .values_list("pk", "name")[:OTHER_SERVICES]
        )
        if not structures:
            created = Structure.objects.bulk_create(
                Structure(name=f"Structure de test {n}", slug=f"{PREFIX}structure-{n}")
                for n in range(1, OTHER_SERVICES + 1)
            )
            structures = [(structure.pk, structure.name) for structure in created]
        Service.objects.bulk_create(
            Service(
                structure_id=pk,
                name=f"Accompagnement aux démarches – {name}"[:150],
                slug=f"{PREFIX}service-orientations-{pk}",
                description="Service de test des orientations, généré.",
                type=TypeService.ACCOMPAGNEMENT,
                accepts_orientations=True,
            )
            for pk, name in structures
        )

    def _partner(self, measured: int) -> int:
        """The measured account: in the partner group only, attached to the structure."""
        User = get_user_model()
        partner, created = User.objects.get_or_create(username=PARTNER)
        if created:
            partner.set_unusable_password()
        partner.is_active, partner.is_staff = True, False
        partner.save()
        partner.groups.set([Group.objects.get(name=roles.PARTENAIRE)])
        StructureMembership.objects.update_or_create(
            user=partner, defaults={"structure_id": measured}
        )
        return partner.pk

    def _senders(self, measured: int) -> list[tuple[int, int | None]]:
        """(id, structure id) of the "bench-" conseillers who send: those there are, or a
        few created, each attached to a structure of the portal's own (never the
        measured one, nor one of the generated directory's)."""
        User = get_user_model()

        def conseillers():
            return (
                User.objects.filter(
                    username__startswith=CONSEILLER_PREFIX, groups__name=roles.CONSEILLER
                )
                .exclude(structure_membership__structure_id=measured)
                .exclude(structure_membership__structure__slug__startswith=DIRECTORY_PREFIX)
                .order_by("username")
                .values_list("pk", "structure_membership__structure_id")
            )

        if found := list(conseillers()):
            return found
        structures = list(
            Structure.objects.exclude(pk=measured)
            .exclude(slug__startswith=DIRECTORY_PREFIX)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        names = [f"{CONSEILLER_PREFIX}-{n:03d}" for n in range(1, CREATED_CONSEILLERS + 1)]
        conseiller_accounts(names, structures)
        return list(conseillers())


def _pick(name: str, sql_type: str = "varchar") -> str:
    """SQL drawing one element of the array parameter ``name`` at random, once per row."""
    array = f"%({name})s::{sql_type}[]"
    return f"({array})[1 + floor(random() * cardinality({array}))::int]"


SENT = OrientationStatus.SENT
ACCEPTED = OrientationStatus.ACCEPTED
DECLINED = OrientationStatus.DECLINED
WITHDRAWN = OrientationStatus.WITHDRAWN

# From the innermost query out: ``drawn_values`` draws every random value once per row
# (its volatile functions keep PostgreSQL from flattening it); the others only combine
# them, so that a value used twice is the same value. ``drawn``: the moment on a working
# day; ``timed``: where it goes, when it was sent; ``placed``: when an answer or a
# withdrawal would come; ``answered``: what became of it by now (an answer or a
# withdrawal still to come leaves it waiting); ``final``: who sent it, the appointment,
# the erasure. The outermost keeps the check constraints: a theme always, a contact only
# with consent, a reason for a refusal.
INSERT_SQL = f"""
INSERT INTO {Orientation._meta.db_table} (
    service_id, to_structure_id, sender_id, from_structure_id,
    themes, demarche, already_done, papers, urgency, language, interpreter, availability,
    note, first_name, phone, email, consent_text, consented_at,
    status, sent_at, answered_at, answered_by_id, decline_reason, answer_note,
    appointment_at, appointment_place, appointment_bring, reminded_at, closed_at, erased_at
)
SELECT
    service_id,
    to_structure_id,
    CASE WHEN kind = 'partner' THEN %(partner_id)s::bigint
        ELSE (%(sender_ids)s::bigint[])[sender_position] END,
    CASE WHEN kind = 'partner' THEN %(main_structure)s::bigint
        ELSE (%(sender_structures)s::bigint[])[sender_position] END,
    themes,
    demarche,
    CASE WHEN erased THEN '' ELSE already_done END,
    CASE WHEN erased THEN '' ELSE papers END,
    urgency,
    language,
    language <> 'fr' AND interpreter_draw < 0.4,
    CASE WHEN erased THEN '' ELSE availability END,
    CASE WHEN erased THEN '' ELSE note END,
    CASE WHEN contact AND NOT erased THEN first_name ELSE '' END,
    CASE WHEN contact AND NOT erased AND channel_draw >= 0.2
        THEN '06 ' || to_char(phone_number, 'FM00" "00" "00" "00') ELSE '' END,
    CASE WHEN contact AND NOT erased AND channel_draw < 0.5
        THEN 'personne-' || phone_number || '@example.org' ELSE '' END,
    CASE WHEN contact THEN %(consent)s ELSE '' END,
    CASE WHEN contact THEN sent_at END,
    status,
    sent_at,
    answered_at,
    CASE WHEN answered_at IS NOT NULL THEN (%(receiver_users)s::bigint[])[
        array_position(%(receiver_structures)s::bigint[], to_structure_id)
    ] END,
    CASE WHEN status = '{DECLINED}' THEN decline_reason ELSE '' END,
    CASE WHEN answered_at IS NOT NULL AND answer_note_draw < 0.5 AND NOT erased
        THEN answer_note ELSE '' END,
    CASE WHEN appointment THEN
        ((answered_at AT TIME ZONE %(zone)s)::date + appointment_days
            + make_interval(hours => appointment_hour)) AT TIME ZONE %(zone)s
    END,
    CASE WHEN appointment THEN appointment_place ELSE '' END,
    CASE WHEN appointment AND NOT erased THEN appointment_bring ELSE '' END,
    CASE WHEN COALESCE(closed_at, present) > sent_at + interval '{REMINDER_DAYS} days'
        THEN sent_at + interval '{REMINDER_DAYS} days' END,
    closed_at,
    CASE WHEN erased THEN
        LEAST(COALESCE(closed_at, sent_at) + %(retention)s::interval
            + erase_draw * interval '1 day', present)
    END
FROM (
    SELECT
        answered.*,
        CASE
            WHEN kind = 'partner' THEN 0
            WHEN (%(sender_structures)s::bigint[])[sender_draw] IS NOT DISTINCT FROM
                to_structure_id
                THEN sender_draw %% cardinality(%(sender_ids)s::bigint[]) + 1
            ELSE sender_draw
        END AS sender_position,
        status = '{ACCEPTED}' AND appointment_draw < 0.6 AS appointment,
        COALESCE(closed_at, sent_at) < present - %(retention)s::interval AS erased
    FROM (
        SELECT
            placed.*,
            CASE
                WHEN status_draw < open_share THEN '{SENT}'
                WHEN status_draw < open_share + 0.04 THEN
                    CASE WHEN withdrawn_at <= present THEN '{WITHDRAWN}' ELSE '{SENT}' END
                WHEN answer_at > present THEN '{SENT}'
                WHEN accept_draw < 0.72 THEN '{ACCEPTED}'
                ELSE '{DECLINED}'
            END AS status,
            CASE
                WHEN status_draw < open_share + 0.04 OR answer_at > present THEN NULL
                ELSE answer_at
            END AS answered_at,
            CASE
                WHEN status_draw < open_share THEN NULL
                WHEN status_draw < open_share + 0.04 THEN
                    CASE WHEN withdrawn_at <= present THEN withdrawn_at END
                WHEN answer_at > present THEN NULL
                ELSE answer_at
            END AS closed_at
        FROM (
            SELECT
                timed.*,
                sent_at + delay_hours * interval '1 hour' AS answer_at,
                sent_at + withdraw_hours * interval '1 hour' AS withdrawn_at,
                -- Recent orientations are often still waiting; a few old ones never
                -- got an answer.
                CASE
                    WHEN sent_at > present - interval '3 days' THEN 0.6
                    WHEN sent_at > present - interval '14 days' THEN 0.2
                    ELSE 0.03
                END AS open_share
            FROM (
                SELECT
                    drawn.*,
                    CASE WHEN kind = 'main' THEN %(main_structure)s::bigint
                        ELSE (%(other_structures)s::bigint[])[other_draw] END
                        AS to_structure_id,
                    CASE WHEN kind = 'main'
                        THEN (%(main_services)s::bigint[])[main_draw]
                        ELSE (%(other_services)s::bigint[])[other_draw] END AS service_id,
                    -- One sent later than now (today, or a Sunday moved to tomorrow)
                    -- goes back a week.
                    CASE WHEN at_time > present THEN at_time - interval '7 days'
                        ELSE at_time END AS sent_at
                FROM (
                    SELECT
                        *,
                        (
                            -- Saturday moves to Friday, Sunday to Monday.
                            day + CASE extract(isodow FROM day) WHEN 6 THEN -1 WHEN 7 THEN 1
                                ELSE 0 END
                            + make_interval(hours => {FIRST_HOUR})
                            + time_draw * interval '{OPEN_HOURS} hours'
                        ) AT TIME ZONE %(zone)s AS at_time
                    FROM (
                        SELECT
                            %(now)s::timestamptz AS present,
                            CASE
                                WHEN g.i <= %(main_rows)s THEN 'main'
                                WHEN g.i <= %(main_rows)s + %(partner_rows)s THEN 'partner'
                                ELSE 'other'
                            END AS kind,
                            %(today)s::date - floor(random() * %(days)s)::int AS day,
                            random() AS time_draw,
                            1 + floor(random() * cardinality(%(main_services)s::bigint[]))::int
                                AS main_draw,
                            1 + floor(random() * cardinality(%(other_services)s::bigint[]))::int
                                AS other_draw,
                            1 + floor(random() * cardinality(%(sender_ids)s::bigint[]))::int
                                AS sender_draw,
                            ARRAY(
                                SELECT theme FROM unnest(%(themes)s::varchar[]) AS theme
                                ORDER BY random() LIMIT 1 + floor(random() * 3)::int + 0 * g.i
                            ) AS themes,
                            {_pick("demarches")} AS demarche,
                            {_pick("already_done", "text")} AS already_done,
                            {_pick("papers", "text")} AS papers,
                            {_pick("urgencies")} AS urgency,
                            {_pick("languages")} AS language,
                            random() AS interpreter_draw,
                            {_pick("availabilities")} AS availability,
                            {_pick("notes", "text")} AS note,
                            random() < 0.45 AS contact,
                            {_pick("first_names")} AS first_name,
                            random() AS channel_draw,
                            floor(random() * 100000000)::int AS phone_number,
                            random() AS status_draw,
                            random() AS accept_draw,
                            -- Most answers within a day or two, some after a fortnight.
                            1 + 330 * power(random(), 3) AS delay_hours,
                            2 + 200 * random() AS withdraw_hours,
                            {_pick("decline_reasons")} AS decline_reason,
                            random() AS answer_note_draw,
                            {_pick("answer_notes", "text")} AS answer_note,
                            random() AS appointment_draw,
                            1 + floor(random() * 21)::int AS appointment_days,
                            9 + floor(random() * 8)::int AS appointment_hour,
                            {_pick("appointment_places")} AS appointment_place,
                            {_pick("appointment_brings", "text")} AS appointment_bring,
                            random() AS erase_draw
                        FROM generate_series(1, %(rows)s) AS g(i)
                    ) AS drawn_values
                ) AS drawn
            ) AS timed
        ) AS placed
    ) AS answered
) AS final
ORDER BY sent_at
"""
