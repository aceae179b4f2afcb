from django.conf import settings


def site(request):
    return {"SITE_NAME": settings.SITE_NAME, "DEMO": settings.DEMO, "DEMO_LABEL": settings.GLOACT_DEMO_LABEL}
