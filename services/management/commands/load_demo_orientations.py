"""Load the demonstration orientations of fixtures/demo/orientations.json: a dozen
orientations between the demo partners, sent in the weeks before today, some accepted
(with an appointment ahead), some declined, some waiting, so that the boxes of the
professional area show something; the demo account "partenaire" (at the CAF) has a few
waiting for its answer. Called by load_demo_directory once the directory is loaded.

Sent and answered through the orientations' actions, as professionals would; then the
moments of the file are written over those of the load (``sent_at`` is set by
auto_now_add), with the traces. The actions enqueue their messages once the transaction
commits: in development the worker prints them on the console (the receivers told,
a reminder for one waiting a week, the SMS of the appointments).

Senders and answerers: the accounts of load_demo ("conseiller", and "partenaire" that
memberships.csv attaches to the CAF) and the file's ``demo_accounts``, made here without
a usable password and attached to their structure. Without the accounts of load_demo
(``load_demo --no-accounts``) nothing is loaded. Idempotent: once the demo senders have
orientations, nothing is added, and no message is sent again.

The file is checked whole first: every problem is reported with its place in the file
(``orientations[3].answer.by``), and nothing is loaded until they are fixed.
"""

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from roseraie_portal import roles
from roseraie_portal.holidays import is_public_holiday
from roseraie_portal.personal_data import find_personal_data
from services.actions import orientations as actions
from services.enums import (
    LANGUAGE_CHOICES,
    DeclineReason,
    Demarche,
    OrientationStatus,
    ThemeNumerique,
    TraceKind,
    Urgency,
)
from services.forms.orientations import TEXT_MAX_LENGTH, consent_in_french
from services.management.commands import load_demo_directory
from services.models import Orientation, OrientationTrace, Service, Structure, StructureMembership

FILE = "orientations.json"
# The accounts load_demo creates in development that the file may name; "coordination"
# reads no orientation.
LOAD_DEMO_ACCOUNTS = ("conseiller", "partenaire")
EXTRA_ROLES = (roles.CONSEILLER, roles.PARTENAIRE)
PLACEHOLDER_PHONE = re.compile(r"06 00 00 00 \d\d")
PLACEHOLDER_DOMAIN = load_demo_directory.PLACEHOLDER_DOMAIN

TOP_KEYS = ("demo_accounts", "orientations")
ACCOUNT_KEYS = ("username", "structure", "role")
ORIENTATION_KEYS = ("sender", "service", "sent_days_ago", "sent_time", "need", "contact", "answer")
CONTACT_KEYS = actions.CONTACT_FIELDS
ANSWER_KEYS = ("status", "by", "days_ago", "time", "note", "reason")
APPOINTMENT_KEYS = (
    "appointment_in_days",
    "appointment_time",
    "appointment_place",
    "appointment_bring",
)
# The texts of a need, and the longest each may be (the form's, the model's).
NEED_TEXTS = {
    "already_done": TEXT_MAX_LENGTH,
    "papers": TEXT_MAX_LENGTH,
    "note": TEXT_MAX_LENGTH,
    "availability": Orientation._meta.get_field("availability").max_length,
}
PLACE_LENGTH = Orientation._meta.get_field("appointment_place").max_length
ANSWERS = (OrientationStatus.ACCEPTED, OrientationStatus.DECLINED)


class DemoOrientationsError(Exception):
    """The file has problems, each named with its place in the file."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Account:
    username: str
    structure: str  # slug
    role: str


@dataclass
class Answer:
    status: str
    by: str
    days_ago: int
    at: time
    note: str = ""
    reason: str = ""
    appointment_in_days: int | None = None
    appointment_time: time | None = None
    appointment_place: str = ""
    appointment_bring: str = ""


@dataclass
class Planned:
    """One orientation of the file, read and checked."""

    sender: str
    service: Service
    days_ago: int
    at: time
    need: dict[str, Any]
    contact: dict[str, str]
    answer: Answer | None


@dataclass
class Demo:
    accounts: list[Account]
    orientations: list[Planned]

    @property
    def senders(self) -> set[str]:
        return {planned.sender for planned in self.orientations}

    @property
    def named(self) -> set[str]:
        """Every account the file names."""
        answerers = {planned.answer.by for planned in self.orientations if planned.answer}
        return self.senders | answerers | {account.username for account in self.accounts}


class _Reader:
    """Reads the file's nodes, noting every problem with its place in the file."""

    KINDS = {
        dict: "an object",
        list: "a list",
        str: "a text",
        int: "a whole number",
        bool: "true or false",
    }

    def __init__(self):
        self.problems: list[str] = []

    def note(self, path: str, message: str) -> None:
        self.problems.append(f"{FILE}, {path}: {message}")

    def get(self, node: dict, key: str, path: str, kind: type, *, required: bool = True):
        where = f"{path}.{key}" if path else key
        if key not in node:
            if required:
                self.note(where, "missing")
            return None
        value = node[key]
        if type(value) is not kind:  # true is not a whole number here
            self.note(where, f"{value!r} is not {self.KINDS[kind]}")
            return None
        return value

    def node(self, value, path: str, keys: tuple[str, ...]) -> dict | None:
        """An object, its keys checked."""
        if not isinstance(value, dict):
            self.note(path, f"{value!r} is not an object")
            return None
        for key in sorted(set(value) - set(keys) - {"_comment"}):
            self.note(f"{path}.{key}", "unknown key")
        return value

    def choice(self, node: dict, key: str, path: str, choices, *, required: bool = True):
        value = self.get(node, key, path, str, required=required)
        if value is not None and value not in choices:
            self.note(f"{path}.{key}", f"« {value} » unknown")
            return None
        return value

    def days(self, node: dict, key: str, path: str) -> int | None:
        value = self.get(node, key, path, int)
        if value is not None and value < 1:
            self.note(f"{path}.{key}", f"{value} is not a number of days (1 or more)")
            return None
        return value

    def time(self, node: dict, key: str, path: str) -> time | None:
        value = self.get(node, key, path, str)
        if value is None:
            return None
        if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
            self.note(f"{path}.{key}", f"« {value} » is not a time (HH:MM)")
            return None
        return time.fromisoformat(value)

    def text(self, node: dict, key: str, path: str, max_length: int = TEXT_MAX_LENGTH) -> str:
        """A free text: in plain words, without the person's name or numbers."""
        value = self.get(node, key, path, str, required=False)
        if value is None:
            return ""
        where = f"{path}.{key}"
        if len(value) > max_length:
            self.note(where, f"{len(value)} characters, more than {max_length}")
        found = find_personal_data(value)
        if found:
            self.note(where, f"holds personal data ({', '.join(found)}): write it without")
        return value.strip()


def read_demo(path) -> Demo:
    """The file, every code, slug and account checked against the vocabularies, the demo
    directory and the demo accounts; raises DemoOrientationsError naming each problem."""
    reader = _Reader()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DemoOrientationsError([f"{FILE}: {error}"]) from error
    document = reader.node(document, FILE, TOP_KEYS)
    if document is None:
        raise DemoOrientationsError(reader.problems)
    structures = set(Structure.objects.values_list("slug", flat=True))
    # Where each account belongs: the accounts of load_demo by memberships.csv.
    attached = {
        row.text("username"): row.text("structure")
        for row in load_demo_directory.read_rows("memberships.csv")
    }
    accounts = []
    for index, node in enumerate(reader.get(document, "demo_accounts", "", list) or []):
        account = _account(reader, node, f"demo_accounts[{index}]", structures, attached)
        if account is not None:
            accounts.append(account)
            attached[account.username] = account.structure
    known = {*LOAD_DEMO_ACCOUNTS, *(account.username for account in accounts)}
    services = {service.slug: service for service in Service.objects.select_related("structure")}
    orientations = []
    for index, node in enumerate(reader.get(document, "orientations", "", list) or []):
        path = f"orientations[{index}]"
        planned = _orientation(
            reader, node, path, services=services, known=known, attached=attached
        )
        if planned is not None:
            orientations.append(planned)
    if reader.problems:
        raise DemoOrientationsError(reader.problems)
    return Demo(accounts, orientations)


def _account(reader, node, path, structures, attached) -> Account | None:
    node = reader.node(node, path, ACCOUNT_KEYS)
    if node is None:
        return None
    username = reader.get(node, "username", path, str)
    if username is not None and not re.fullmatch(r"demo-[a-z0-9-]+", username):
        reader.note(f"{path}.username", f"« {username} » is not a demo username (demo-…)")
        username = None
    elif username in attached:
        reader.note(f"{path}.username", f"« {username} » is named twice")
        username = None
    structure = reader.choice(node, "structure", path, structures)
    role = reader.choice(node, "role", path, EXTRA_ROLES)
    if None in (username, structure, role):
        return None
    return Account(username, structure, role)


def _orientation(reader, node, path, *, services, known, attached) -> Planned | None:
    node = reader.node(node, path, ORIENTATION_KEYS)
    if node is None:
        return None
    sender = _known_account(reader, node, "sender", path, known)
    service = reader.choice(node, "service", path, services)
    if service is not None:
        service = services[service]
        if not service.accepts_orientations:
            reader.note(
                f"{path}.service",
                f"« {service.slug} » takes no orientations (orientations: non in services.csv)",
            )
        elif sender is not None and attached.get(sender) == service.structure.slug:
            reader.note(f"{path}.sender", f"« {sender} » belongs to the receiving structure")
    days_ago = reader.days(node, "sent_days_ago", path)
    at = reader.time(node, "sent_time", path)
    need = _need(reader, node.get("need"), f"{path}.need")
    contact = _contact(reader, node.get("contact", {}), f"{path}.contact")
    answer = None
    if node.get("answer") is not None:
        answer = _answer(reader, node["answer"], f"{path}.answer", known=known)
    if answer is not None and service is not None:
        if attached.get(answer.by) != service.structure.slug:
            reader.note(
                f"{path}.answer.by",
                f"« {answer.by} » is not attached to {service.structure.slug}, which receives it",
            )
    if answer is not None and days_ago is not None and at is not None:
        same_day = answer.days_ago == days_ago
        if answer.days_ago > days_ago or (same_day and answer.at <= at):
            reader.note(f"{path}.answer.days_ago", "the answer comes before the sending")
    if None in (sender, service, days_ago, at, need, contact):
        return None
    return Planned(sender, service, days_ago, at, need, contact, answer)


def _known_account(reader, node, key, path, known) -> str | None:
    username = reader.get(node, key, path, str)
    if username is not None and username not in known:
        reader.note(
            f"{path}.{key}",
            f"« {username} » is not a demo account ({', '.join(LOAD_DEMO_ACCOUNTS)} or one of "
            "demo_accounts)",
        )
        return None
    return username


def _need(reader, node, path) -> dict | None:
    if node is None:
        reader.note(path, "missing")
        return None
    node = reader.node(node, path, tuple(sorted(actions.NEED_FIELDS)))
    if node is None:
        return None
    need = {}
    themes = reader.get(node, "themes", path, list)
    if themes is not None:
        unknown = [theme for theme in themes if theme not in ThemeNumerique.values]
        if unknown:
            reader.note(f"{path}.themes", f"{', '.join(map(str, unknown))} unknown")
        elif not themes:
            reader.note(f"{path}.themes", "no theme: name at least one")
        elif len(set(themes)) < len(themes):
            reader.note(f"{path}.themes", "a theme is named twice")
        need["themes"] = themes
    need["demarche"] = reader.choice(node, "demarche", path, Demarche.values, required=False)
    need["urgency"] = reader.choice(node, "urgency", path, Urgency.values, required=False)
    languages = [code for code, _label in LANGUAGE_CHOICES]
    need["language"] = reader.choice(node, "language", path, languages, required=False)
    need["interpreter"] = reader.get(node, "interpreter", path, bool, required=False)
    for name, max_length in NEED_TEXTS.items():
        need[name] = reader.text(node, name, path, max_length)
    return {name: value for name, value in need.items() if value is not None}


def _contact(reader, node, path) -> dict | None:
    """How to reach the person: placeholders only, a first name alone."""
    node = reader.node(node, path, CONTACT_KEYS)
    if node is None:
        return None
    contact = {}
    first_name = reader.get(node, "first_name", path, str, required=False)
    if first_name is not None:
        if not re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)?", first_name) or len(first_name) > 60:
            reader.note(f"{path}.first_name", f"« {first_name} » is not a first name alone")
        contact["first_name"] = first_name
    phone = reader.get(node, "phone", path, str, required=False)
    if phone is not None:
        if not PLACEHOLDER_PHONE.fullmatch(phone):
            reader.note(f"{path}.phone", f"« {phone} » is not a placeholder (06 00 00 00 xx)")
        contact["phone"] = phone
    email = reader.get(node, "email", path, str, required=False)
    if email is not None:
        try:
            validate_email(email)
        except ValidationError:
            email_ok = False
        else:
            email_ok = email.endswith(PLACEHOLDER_DOMAIN)
        if not email_ok:
            reader.note(
                f"{path}.email", f"« {email} » is not a placeholder (…{PLACEHOLDER_DOMAIN})"
            )
        contact["email"] = email
    return contact


def _answer(reader, node, path, *, known) -> Answer | None:
    node = reader.node(node, path, ANSWER_KEYS + APPOINTMENT_KEYS)
    if node is None:
        return None
    status = reader.choice(node, "status", path, ANSWERS)
    by = _known_account(reader, node, "by", path, known)
    days_ago = reader.days(node, "days_ago", path)
    at = reader.time(node, "time", path)
    note = reader.text(node, "note", path)
    if status == OrientationStatus.DECLINED:
        for key in sorted(set(node) & set(APPOINTMENT_KEYS)):
            reader.note(f"{path}.{key}", "an appointment is for an accepted orientation")
        reason = reader.choice(node, "reason", path, DeclineReason.values)
        if None in (by, days_ago, at, reason):
            return None
        return Answer(status, by, days_ago, at, note=note, reason=reason)
    if status is None:
        return None
    if "reason" in node:
        reader.note(f"{path}.reason", "a reason is for a declined orientation")
    answer = Answer(status, by, days_ago, at, note=note)
    if "appointment_in_days" in node:
        answer.appointment_in_days = reader.days(node, "appointment_in_days", path)
        answer.appointment_time = reader.time(node, "appointment_time", path)
        answer.appointment_place = reader.text(node, "appointment_place", path, PLACE_LENGTH)
        answer.appointment_bring = reader.text(node, "appointment_bring", path)
        if answer.appointment_in_days is None or answer.appointment_time is None:
            return None
    else:
        for key in sorted(set(node) & set(APPOINTMENT_KEYS)):
            reader.note(f"{path}.{key}", "only with appointment_in_days")
    if None in (by, days_ago, at):
        return None
    return answer


def working_day(day: date, step: int) -> date:
    """``day``, or the nearest working day (Monday to Friday, not a public holiday) in
    the direction of ``step`` (−1: before, 1: after)."""
    while day.weekday() >= 5 or is_public_holiday(day):
        day += timedelta(days=step)
    return day


def _moment(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


class Command(BaseCommand):
    help = (
        "Load the demonstration orientations between the demo partners "
        "(fixtures/demo/orientations.json), sent in the weeks before today, some answered, "
        "through the orientations' actions, when the demo accounts of load_demo exist. "
        "Needs load_demo_directory first (which calls it). Idempotent: nothing is added once "
        "the demo senders have orientations."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        try:
            demo = read_demo(load_demo_directory.DEMO_DIR / FILE)
        except DemoOrientationsError as error:
            raise CommandError(
                f"fixtures/demo/{FILE} has problems:\n" + "\n".join(error.problems)
            ) from error
        User = get_user_model()
        needed = sorted(demo.named & set(LOAD_DEMO_ACCOUNTS))
        present = set(User.objects.filter(username__in=needed).values_list("username", flat=True))
        missing = [name for name in needed if name not in present]
        if missing:
            self.stdout.write(
                f"Demo orientations: skipped, there is no {' or '.join(map(repr, missing))} "
                "account to send and answer them (load_demo creates it in development, not "
                "with --no-accounts): the professional area shows no orientation."
            )
            return
        self._make_accounts(demo.accounts)
        users = User.objects.in_bulk(sorted(demo.named), field_name="username")
        already = Orientation.objects.filter(sender__in=[users[name] for name in demo.senders])
        if already.exists():
            self.stdout.write(
                f"Demo orientations: already loaded ({already.count()} sent by the demo "
                "accounts), none added."
            )
            return
        today = timezone.localdate()
        for planned in demo.orientations:
            self._load(planned, users, today)
        statuses = [
            planned.answer.status if planned.answer else None for planned in demo.orientations
        ]
        self.stdout.write(
            f"Demo orientations: {len(statuses)} sent between the demo partners "
            f"({statuses.count(None)} waiting for an answer, "
            f"{statuses.count(OrientationStatus.ACCEPTED)} accepted, "
            f"{statuses.count(OrientationStatus.DECLINED)} declined), by "
            f"{', '.join(sorted(demo.senders))} (demonstration data; the worker sends their "
            "messages to placeholders)."
        )

    def _make_accounts(self, accounts: list[Account]) -> None:
        """The file's demo accounts, created when missing (no usable password), in their
        role's group and attached to their structure."""
        User = get_user_model()
        structures = Structure.objects.in_bulk(
            [account.structure for account in accounts], field_name="slug"
        )
        groups = {group.name: group for group in Group.objects.filter(name__in=EXTRA_ROLES)}
        for account in accounts:
            user = User.objects.filter(username=account.username).first()
            if user is None:
                user = User(username=account.username)
                user.set_unusable_password()
                user.save()
            user.groups.add(groups[account.role])
            StructureMembership.objects.update_or_create(
                user=user, defaults={"structure": structures[account.structure]}
            )

    def _load(self, planned: Planned, users: dict, today: date) -> None:
        sent_at = _moment(working_day(today - timedelta(days=planned.days_ago), -1), planned.at)
        orientation = actions.send_orientation(
            sender=users[planned.sender],
            service=planned.service,
            need=planned.need,
            contact=planned.contact,
            consent_text=consent_in_french(),
        )
        Orientation.objects.filter(pk=orientation.pk).update(
            sent_at=sent_at, consented_at=sent_at if orientation.consented_at else None
        )
        self._trace_at(orientation, TraceKind.SENT, sent_at)
        answer = planned.answer
        if answer is None:
            return
        answered_day = working_day(today - timedelta(days=answer.days_ago), -1)
        # Two days moved back to the same working day keep their order.
        answered_at = max(_moment(answered_day, answer.at), sent_at + timedelta(hours=1))
        user = users[answer.by]
        if answer.status == OrientationStatus.ACCEPTED:
            appointment_at = None
            if answer.appointment_in_days is not None:
                day = working_day(today + timedelta(days=answer.appointment_in_days), 1)
                appointment_at = _moment(day, answer.appointment_time)
            actions.accept_orientation(
                orientation=orientation,
                user=user,
                appointment_at=appointment_at,
                appointment_place=answer.appointment_place,
                appointment_bring=answer.appointment_bring,
                answer_note=answer.note,
            )
            kind = TraceKind.ACCEPTED
        else:
            actions.decline_orientation(
                orientation=orientation, user=user, reason=answer.reason, answer_note=answer.note
            )
            kind = TraceKind.DECLINED
        Orientation.objects.filter(pk=orientation.pk).update(
            answered_at=answered_at, closed_at=answered_at
        )
        self._trace_at(orientation, kind, answered_at)

    @staticmethod
    def _trace_at(orientation: Orientation, kind: str, at: datetime) -> None:
        OrientationTrace.objects.filter(orientation=orientation, kind=kind).update(at=at)
