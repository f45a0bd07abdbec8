from django.urls import path

from hirelink.interviews import views

app_name = "interviews"

urlpatterns = [
    path("hr/answers/<int:answer_id>/media/", views.hr_answer_media, name="hr_answer_media"),
    path("<str:token>/", views.landing, name="landing"),
    path("<str:token>/video/", views.guide_video, name="guide_video"),
    path("<str:token>/consent/", views.consent, name="consent"),
    path("<str:token>/check/", views.check, name="check"),
    path("<str:token>/interview/", views.interview, name="interview"),
    path("<str:token>/done/", views.done, name="done"),
]
