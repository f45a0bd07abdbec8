from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from config.api import api

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="talent:candidate_list", permanent=False), name="home"),
    path("accounts/", include("hirelink.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("talent/", include("hirelink.talent.urls")),
    path("workflows/", include("hirelink.workflows.urls")),
    path("messaging/", include("hirelink.messaging.urls")),
    path("wecom/", include("hirelink.workflows.urls_wecom")),
    path("screening/", include("hirelink.screening.urls")),
    path("apply/", include("hirelink.screening.apply_urls")),
    path("privacy/", include("hirelink.privacy.urls")),
    path("i/", include("hirelink.interviews.urls")),  # candidate interview pages + HR media (issue 4)
    path("scoring/", include("hirelink.scoring.urls")),  # interview reports (issue 5)
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
