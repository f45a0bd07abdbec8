from django.urls import path

from hirelink.screening import views

app_name = "apply"
urlpatterns = [
    path("<slug:code>/", views.apply, name="apply"),
]
