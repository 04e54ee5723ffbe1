from django.urls import path

from permanences.views import log, schedule

app_name = "permanences"

urlpatterns = [
    path("agenda/", schedule.agenda_page, name="agenda"),
    path("agenda.ics", schedule.agenda_ics, name="agenda_ics"),
    path("agenda/lieux/<slug:slug>.ics", schedule.lieu_ics, name="lieu_ics"),
    path("agenda/themes/<slug:code>.ics", schedule.theme_ics, name="theme_ics"),
    path("agenda/imprimer/", schedule.print_month, name="print_month"),
    path("espace/accompagnements/", log.accompagnement_list, name="accompagnement_list"),
    path("espace/accompagnements/nouveau/", log.accompagnement_new, name="accompagnement_new"),
    path("espace/accompagnements/<int:pk>/", log.accompagnement_edit, name="accompagnement_edit"),
]
