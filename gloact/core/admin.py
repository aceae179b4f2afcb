from django.contrib import admin

from gloact.accounts.scoping import CountryScopedAdmin

from .models import Country, Organisation, Region


class ReadOnlyAdminMixin:
    """For records that only the application writes (logs, workflow events, values entered on
    the results pages): shown in the back office, never added, changed or deleted there. The
    signatures suit both model admins and inlines."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name", "code"]

    def has_add_permission(self, request):
        return False  # loaded by migration from ISO 3166 / M49

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Country)
class CountryAdmin(RegionAdmin):
    list_display = ["iso3", "name", "m49", "region", "subregion"]
    list_filter = ["region"]
    search_fields = ["name", "iso3", "iso2"]


@admin.register(Organisation)
class OrganisationAdmin(CountryScopedAdmin):
    list_display = ["name", "kind", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name"]
