import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from permanences.enums import NON_COMMUNIQUE, Canal, Residence, Resultat, ThemeNumerique
from permanences.models import Accompagnement
from permanences.selectors.log import initial_for_new_entry
from roseraie_portal import roles
from tests.permanences.factories import AccompagnementFactory, PermanenceFactory
from tests.services.factories import (
    LieuFactory,
    QuartierFactory,
    StructureFactory,
    StructureMembershipFactory,
)

pytestmark = pytest.mark.django_db

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


# The form and its defaults


def test_the_form_opens_on_today_with_every_profile_field_not_communicated(client, conseiller):
    client.force_login(conseiller)

    response = client.get(NEW)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["date"] == timezone.localdate()
    for name in ("tranche_age", "genre", "statut", "residence", "orientation_source"):
        assert form.initial[name] == NON_COMMUNIQUE
    assert form.initial["langue"] == "fr"
    html = response.content.decode()
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in html
    assert checked_values(html, "genre") == {NON_COMMUNIQUE}
    assert 'name="csrfmiddlewaretoken"' in html


def test_themes_come_in_two_fieldsets_with_their_legends(client, conseiller):
    client.force_login(conseiller)

    html = client.get(NEW).content.decode()

    assert re.search(r"<legend>\s*Numérique\s*</legend>", html)
    assert re.search(r"<legend>\s*Démarches administratives\s*</legend>", html)
    numerique, administratif = html.split("Démarches administratives</legend>")
    assert 'value="courriels"' in numerique and 'value="logement"' not in numerique
    assert 'value="logement"' in administratif


def test_duration_offers_presets_and_a_custom_field(client, conseiller):
    client.force_login(conseiller)

    html = client.get(NEW).content.decode()

    for minutes in (15, 30, 45, 60, 90, 120):
        assert f'name="duree" value="{minutes}"' in html
    assert re.search(r'<input type="number" name="duree_autre"[^>]*min="1"[^>]*max="600"', html)


def test_default_permanence_is_the_one_in_progress_that_the_conseiller_holds(client, conseiller):
    bus_stop = LieuFactory(bus_stop=True)
    PermanenceFactory(in_progress=True)  # someone else's
    mine = PermanenceFactory(in_progress=True, lieu=bus_stop)
    mine.conseillers.add(conseiller)
    client.force_login(conseiller)

    form = client.get(NEW).context["form"]

    assert form.initial["permanence"] == mine.pk
    assert form.initial["lieu"] == bus_stop.pk
    assert form.initial["canal"] == Canal.BUS_MAIRIE


def test_a_permanence_that_is_over_is_not_the_default(conseiller):
    now = timezone.localtime()
    over = PermanenceFactory(
        date=now.date(), start_time=datetime.time(0, 0), end_time=datetime.time(0, 1)
    )
    over.conseillers.add(conseiller)
    later = now.replace(hour=10, minute=0)

    assert "permanence" not in initial_for_new_entry(conseiller=conseiller, now=later)


def test_failing_that_the_default_is_a_permanence_at_the_last_place_of_the_day(conseiller):
    relais = LieuFactory()
    today_there = PermanenceFactory(in_progress=True, lieu=relais)
    PermanenceFactory(in_progress=True)  # elsewhere
    AccompagnementFactory(conseiller=conseiller, lieu=relais, duration_minutes=45)

    initial = initial_for_new_entry(conseiller=conseiller)

    assert initial["permanence"] == today_there.pk
    assert initial["lieu"] == relais.pk


def test_yesterdays_place_does_not_choose_todays_permanence(conseiller):
    relais = LieuFactory()
    PermanenceFactory(in_progress=True, lieu=relais)
    AccompagnementFactory(
        conseiller=conseiller,
        lieu=relais,
        date=timezone.localdate() - datetime.timedelta(days=1),
    )

    initial = initial_for_new_entry(conseiller=conseiller)

    assert "permanence" not in initial
    assert initial["lieu"] == relais.pk  # the place stays a sensible guess


@pytest.mark.parametrize(
    "last_minutes, expected",
    [(45, {"duree": 45}), (40, {"duree_autre": 40})],
)
def test_default_duration_is_the_last_one_the_conseiller_used(
    conseiller, make_user, last_minutes, expected
):
    AccompagnementFactory(conseiller=conseiller, duration_minutes=90)
    AccompagnementFactory(conseiller=conseiller, duration_minutes=last_minutes)
    AccompagnementFactory(conseiller=make_user(roles.CONSEILLER), duration_minutes=120)

    initial = initial_for_new_entry(conseiller=conseiller)

    assert {k: initial[k] for k in expected} == expected


# Saving


def test_a_valid_entry_is_saved_then_an_empty_form_says_enregistre(client, conseiller):
    client.force_login(conseiller)

    response = client.post(NEW, valid_post(note="Première demande de carte d’identité."))

    assert response.status_code == 302
    assert response.url == NEW
    entry = Accompagnement.objects.get()
    assert entry.conseiller == conseiller
    assert entry.duration_minutes == 30
    assert set(entry.themes) == {ThemeNumerique.COURRIELS, ThemeNumerique.PAPIERS}
    assert entry.materiel == ["telephone"]
    assert entry.demarche == "ants"
    assert entry.tranche_age == "60-69"
    assert entry.structure is None
    page = client.get(response.url)
    html = page.content.decode()
    assert re.search(r'role="status"[^>]*>\s*<p[^>]*>Enregistré</p>', html)
    assert checked_values(html, "themes") == set()
    assert checked_values(html, "duree") == {"30"}  # the last duration used
    assert "Première demande" not in html


def test_a_typed_duration_wins_over_the_ticked_preset(client, conseiller):
    client.force_login(conseiller)

    client.post(NEW, valid_post(duree="30", duree_autre="40"))

    assert Accompagnement.objects.get().duration_minutes == 40


def test_the_entry_counts_for_the_structure_holding_the_permanence(client, conseiller):
    StructureMembershipFactory(user=conseiller)
    permanence = PermanenceFactory(date=timezone.localdate())
    client.force_login(conseiller)

    client.post(NEW, valid_post(permanence=permanence.pk))

    entry = Accompagnement.objects.get()
    assert entry.structure == permanence.service.structure
    assert entry.lieu == permanence.lieu  # taken from the permanence


def test_without_permanence_the_entry_counts_for_the_conseillers_structure(client, conseiller):
    membership = StructureMembershipFactory(user=conseiller)
    client.force_login(conseiller)

    client.post(NEW, valid_post(lieu=LieuFactory().pk))

    assert Accompagnement.objects.get().structure == membership.structure


def test_coordination_may_log_too(client, coordinator):
    client.force_login(coordinator)

    assert client.post(NEW, valid_post()).status_code == 302
    assert Accompagnement.objects.get().conseiller == coordinator


# Validation: nothing typed is lost


def test_a_refused_entry_comes_back_with_what_was_typed_and_linked_errors(client, conseiller):
    client.force_login(conseiller)
    data = valid_post(autonomie="", note="Rappeler au 06 12 34 56 78", duree_autre="45")

    response = client.post(NEW, data)

    assert response.status_code == 400
    assert not Accompagnement.objects.exists()
    html = response.content.decode()
    # what was typed is kept
    assert "Rappeler au 06 12 34 56 78</textarea>" in html
    assert checked_values(html, "themes") == {"papiers-elections-citoyennete", "courriels"}
    assert 'name="duree_autre" value="45"' in html
    # the summary comes first and links to the controls
    summary = html.index('class="error-summary"')
    assert summary < html.index('name="date"')
    assert 'href="#id_autonomie_0"' in html
    assert 'href="#id_note"' in html
    # each error sits by its field, tied to it
    assert re.search(r'<fieldset\s+aria-describedby="id_autonomie_error"', html)
    assert 'id="id_autonomie_error"' in html
    assert re.search(r'<textarea[^>]*aria-describedby="id_note_helptext id_note_error"', html)
    assert "un numéro de téléphone" in html
    assert html.count("06 12 34 56 78") == 1  # in the field only, never in a message


def test_at_least_one_theme_is_required(client, conseiller):
    client.force_login(conseiller)

    response = client.post(NEW, valid_post(themes=[]))

    assert response.status_code == 400
    assert response.context["form"].has_error("themes", "required")
    assert 'href="#id_themes_0_0"' in response.content.decode()


@pytest.mark.parametrize("minutes", ["0", "601", "-5", "douze"])
def test_a_custom_duration_must_be_between_1_and_600_minutes(client, conseiller, minutes):
    client.force_login(conseiller)

    response = client.post(NEW, valid_post(duree="", duree_autre=minutes))

    assert response.status_code == 400
    assert response.context["form"].errors["duree_autre"]


def test_a_duration_is_required(client, conseiller):
    client.force_login(conseiller)

    response = client.post(NEW, valid_post(duree="", duree_autre=""))

    assert response.context["form"].has_error("duree", "duration_required")


def test_600_minutes_is_accepted(client, conseiller):
    client.force_login(conseiller)

    client.post(NEW, valid_post(duree="", duree_autre="600"))

    assert Accompagnement.objects.get().duration_minutes == 600


def test_a_reoriented_procedure_names_the_structure(client, conseiller):
    client.force_login(conseiller)
    caf = StructureFactory(name="CAF")

    refused = client.post(NEW, valid_post(resultat=Resultat.REORIENTEE))
    accepted = client.post(NEW, valid_post(resultat=Resultat.REORIENTEE, reoriente_vers=caf.pk))

    assert refused.context["form"].has_error("reoriente_vers", "reorientation_structure_required")
    assert accepted.status_code == 302
    assert Accompagnement.objects.get().reoriente_vers == caf


def test_a_structure_is_dropped_when_the_procedure_is_not_reoriented(client, conseiller):
    client.force_login(conseiller)

    client.post(NEW, valid_post(reoriente_vers=StructureFactory().pk))

    assert Accompagnement.objects.get().reoriente_vers is None


def test_living_in_a_quartier_names_it_and_only_then(client, conseiller):
    client.force_login(conseiller)
    roseraie = QuartierFactory()

    missing = client.post(NEW, valid_post(residence=Residence.QUARTIER))
    contradicting = client.post(
        NEW, valid_post(residence=Residence.HORS_QUARTIER, quartier=roseraie.pk)
    )
    named = client.post(NEW, valid_post(residence=Residence.QUARTIER, quartier=roseraie.pk))
    inferred = client.post(NEW, valid_post(residence=NON_COMMUNIQUE, quartier=roseraie.pk))

    assert missing.context["form"].has_error("quartier", "quartier_required")
    assert contradicting.context["form"].has_error("quartier", "quartier_without_residence")
    assert named.status_code == inferred.status_code == 302
    assert [(e.residence, e.quartier) for e in Accompagnement.objects.all()] == [
        (Residence.QUARTIER, roseraie)
    ] * 2


def test_a_date_in_the_future_is_refused(client, conseiller):
    client.force_login(conseiller)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(NEW, valid_post(date=tomorrow.isoformat()))

    assert response.context["form"].has_error("date", "date_in_future")


def test_a_permanence_of_another_day_or_place_is_refused(client, conseiller):
    client.force_login(conseiller)
    yesterday = PermanenceFactory(date=timezone.localdate() - datetime.timedelta(days=1))
    today = PermanenceFactory(date=timezone.localdate())

    other_day = client.post(NEW, valid_post(permanence=yesterday.pk))
    other_place = client.post(NEW, valid_post(permanence=today.pk, lieu=LieuFactory().pk))

    assert other_day.context["form"].has_error("permanence", "permanence_other_day")
    assert other_place.context["form"].has_error("lieu", "lieu_not_permanence")


def test_no_equipment_cannot_go_with_equipment(client, conseiller):
    client.force_login(conseiller)

    response = client.post(NEW, valid_post(materiel=["aucun", "telephone"]))

    assert response.context["form"].has_error("materiel", "materiel_aucun")


@pytest.mark.parametrize(
    "note, found",
    [
        ("Accompagnée par Mme Durand", "un nom"),
        ("écrire à jean.dupont@example.org", "une adresse e-mail"),
        ("NIR 2 90 02 2A 123 456 78", "un numéro de sécurité sociale"),
        ("allocataire 1234567", "un numéro d’allocataire CAF"),
        ("identifiant 1234567X", "un identifiant France Travail"),
    ],
)
def test_a_note_with_personal_data_is_refused_saying_what_was_found(
    client, conseiller, note, found
):
    client.force_login(conseiller)

    response = client.post(NEW, valid_post(note=note))

    assert response.status_code == 400
    assert response.context["form"].has_error("note", "personal_data")
    assert found in " ".join(response.context["form"].errors["note"])
    assert not Accompagnement.objects.exists()


# Who may log


def test_a_partner_may_not_log(client, make_user):
    client.force_login(make_user(roles.PARTENAIRE))

    assert client.get(NEW).status_code == 403
    assert client.post(NEW, valid_post()).status_code == 403
    assert not Accompagnement.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(NEW)

    assert response.status_code == 302
    assert response.url.startswith("/comptes/connexion/?next=/espace/accompagnements/nouveau/")


def test_logging_needs_the_csrf_token(conseiller):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(conseiller)

    response = strict.post(NEW, valid_post())

    assert response.status_code == 403
    assert not Accompagnement.objects.exists()


# Correcting an entry


def test_its_author_corrects_an_entry_within_seven_days(client, conseiller):
    entry = AccompagnementFactory(conseiller=conseiller, created_days_ago=6)
    client.force_login(conseiller)

    page = client.get(f"{LIST}{entry.pk}/")
    response = client.post(f"{LIST}{entry.pk}/", valid_post(duree="90"))

    assert page.status_code == 200
    assert checked_values(page.content.decode(), "duree") == {"30"}
    assert response.status_code == 302
    assert response.url == LIST
    entry.refresh_from_db()
    assert entry.duration_minutes == 90
    assert entry.demarche == "ants"


def test_a_custom_duration_shows_in_the_custom_field_when_correcting(client, conseiller):
    entry = AccompagnementFactory(conseiller=conseiller, duration_minutes=40)
    client.force_login(conseiller)

    html = client.get(f"{LIST}{entry.pk}/").content.decode()

    assert 'name="duree_autre" value="40"' in html
    assert checked_values(html, "duree") == set()


def test_a_refused_correction_keeps_what_was_typed(client, conseiller):
    entry = AccompagnementFactory(conseiller=conseiller)
    client.force_login(conseiller)

    response = client.post(f"{LIST}{entry.pk}/", valid_post(themes=[], note="Seconde visite"))

    assert response.status_code == 400
    assert "Seconde visite</textarea>" in response.content.decode()


def test_after_seven_days_an_entry_is_locked(client, conseiller):
    entry = AccompagnementFactory(conseiller=conseiller, locked=True)
    client.force_login(conseiller)

    page = client.get(f"{LIST}{entry.pk}/")
    post = client.post(f"{LIST}{entry.pk}/", valid_post(duree="90"))

    assert page.status_code == post.status_code == 403
    assert "Cette fiche est verrouillée :" in page.content.decode()
    entry.refresh_from_db()
    assert entry.duration_minutes == 30


def test_someone_elses_entry_and_an_unknown_one_do_not_exist(client, conseiller, make_user):
    other = AccompagnementFactory(conseiller=make_user(roles.CONSEILLER))
    client.force_login(conseiller)

    assert client.get(f"{LIST}{other.pk}/").status_code == 404
    assert client.post(f"{LIST}{other.pk}/", valid_post()).status_code == 404
    assert client.get(f"{LIST}999999/").status_code == 404


# The list


def test_the_list_shows_own_entries_newest_first_with_a_link_or_a_lock(
    client, conseiller, make_user
):
    today = timezone.localdate()
    old = AccompagnementFactory(
        conseiller=conseiller, date=today - datetime.timedelta(days=10), created_days_ago=10
    )
    recent = AccompagnementFactory(conseiller=conseiller, date=today)
    AccompagnementFactory(conseiller=make_user(roles.CONSEILLER))
    client.force_login(conseiller)

    response = client.get(LIST)

    assert [e.pk for e in response.context["page"]] == [recent.pk, old.pk]
    html = response.content.decode()
    assert f'href="{LIST}{recent.pk}/"' in html
    assert f'href="{LIST}{old.pk}/"' not in html
    assert "Verrouillé" in html


def test_the_list_pages_by_25(client, conseiller):
    AccompagnementFactory.create_batch(26, conseiller=conseiller)
    client.force_login(conseiller)

    first = client.get(LIST)
    second = client.get(LIST, {"page": 2})

    assert len(first.context["page"]) == 25
    assert len(second.context["page"]) == 1
    assert 'href="?page=2"' in first.content.decode()


def test_monthly_totals_cover_twelve_months_with_entries_and_minutes(client, conseiller):
    today = timezone.localdate()
    this_month = today.replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    AccompagnementFactory(conseiller=conseiller, date=this_month, duration_minutes=30)
    AccompagnementFactory(conseiller=conseiller, date=this_month, duration_minutes=45)
    AccompagnementFactory(conseiller=conseiller, date=last_month, duration_minutes=60)
    AccompagnementFactory(conseiller=conseiller, date=this_month.replace(year=today.year - 2))
    client.force_login(conseiller)

    totals = client.get(LIST).context["monthly_totals"]

    assert len(totals) == 12
    assert totals[0] == {"month": this_month, "entries": 2, "minutes": 75}
    assert totals[1] == {"month": last_month, "entries": 1, "minutes": 60}
    assert sum(t["entries"] for t in totals) == 3


@pytest.mark.parametrize("role", [roles.CONSEILLER, roles.PARTENAIRE, roles.COORDINATION])
def test_the_list_costs_the_same_queries_whatever_the_number_of_entries(
    client, make_user, django_assert_num_queries, role
):
    user = make_user(role)
    structure = StructureMembershipFactory(user=user).structure
    client.force_login(user)
    # A conseiller's scope needs no query: it sees its own entries only.
    expected = {roles.CONSEILLER: 6, roles.PARTENAIRE: 7, roles.COORDINATION: 6}[role]

    for count in (2, 40):
        Accompagnement.objects.all().delete()
        AccompagnementFactory.create_batch(
            count,
            conseiller=user,
            structure=structure,
            lieu=LieuFactory(),
            reoriente_vers=StructureFactory(),
            resultat=Resultat.REORIENTEE,
        )
        with django_assert_num_queries(expected):
            response = client.get(LIST)
        assert len(response.context["page"]) == min(count, 25)


def test_a_partner_sees_its_structures_entries_only(client, make_user):
    partner = make_user(roles.PARTENAIRE)
    mine = StructureMembershipFactory(user=partner).structure
    ours = AccompagnementFactory(structure=mine)
    AccompagnementFactory(structure=StructureFactory())
    AccompagnementFactory()
    client.force_login(partner)

    response = client.get(LIST)

    assert [e.pk for e in response.context["page"]] == [ours.pk]
    assert "Les accompagnements de ma structure" in response.content.decode()
    assert "Corriger" not in response.content.decode()


def test_coordination_sees_every_entry(client, coordinator):
    AccompagnementFactory.create_batch(3)
    client.force_login(coordinator)

    response = client.get(LIST)

    assert response.context["page"].paginator.count == 3
    assert "Tous les accompagnements" in response.content.decode()


def test_an_account_without_a_role_sees_no_list(client, make_user):
    client.force_login(make_user())

    assert client.get(LIST).status_code == 403


# The professional area


@pytest.mark.parametrize(
    "role, shown, hidden",
    [
        (
            roles.CONSEILLER,
            ["Noter un accompagnement", "Mes accompagnements"],
            ["Les accompagnements de ma structure"],
        ),
        (
            roles.PARTENAIRE,
            ["Les accompagnements de ma structure"],
            ["Noter un accompagnement", "Mes accompagnements"],
        ),
        (
            roles.COORDINATION,
            ["Noter un accompagnement", "Tous les accompagnements"],
            ["Les accompagnements de ma structure"],
        ),
    ],
)
def test_the_professional_area_links_to_the_log_by_role(client, make_user, role, shown, hidden):
    client.force_login(make_user(role))

    html = client.get("/espace/").content.decode()

    for text in shown:
        assert re.search(rf'<a href="/espace/accompagnements/(nouveau/)?">{text}</a>', html)
    for text in hidden:
        assert f">{text}</a>" not in html
