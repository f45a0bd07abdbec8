from django.urls import path

from hirelink.talent import views

app_name = "talent"
urlpatterns = [
    path("", views.candidate_list, name="candidate_list"),
    path("candidates/<int:candidate_id>/", views.candidate_profile, name="candidate_profile"),
    path("candidates/<int:candidate_id>/erase/", views.candidate_erase_view, name="candidate_erase"),
    path("import/", views.records_import_view, name="records_import"),
]
