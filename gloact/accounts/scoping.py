"""Country scoping: which countries' records a user may see and edit.

A user holding only country-scoped roles (focal point, programme officer) is limited to the
countries on their profile; superusers and global roles (editor, manager, administrator) are not.
Every view, API endpoint and admin page over country-owned data filters through here.
"""

from django.contrib import admin
from django.db.models import QuerySet

from .roles import user_roles


def country_scope(user) -> set[str] | None:
    """ISO3 codes the user is limited to, or None when the user may see every country."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    roles = user_roles(user)
    if any(not role.country_scoped for role in roles if role.staff):
        return None
    profile = getattr(user, "profile", None)
    return set(profile.countries.values_list("iso3", flat=True)) if profile else set()


def scoped(queryset: QuerySet, user, country_field: str = "country") -> QuerySet:
    """`queryset` restricted to the records of the user's countries."""
    scope = country_scope(user)
    if scope is None:
        return queryset
    return queryset.filter(**{f"{country_field}__in": scope})


def may_access(user, obj, country_field: str = "country") -> bool:
    scope = country_scope(user)
    if scope is None:
        return True
    return getattr(obj, f"{country_field}_id") in scope


class CountryScopedAdmin(admin.ModelAdmin):
    """Admin for records owned by a country: lists, forms and object permissions honour the
    user's country scope, so a focal point for Mali never sees or edits Niger's records."""

    country_field = "country"

    def get_queryset(self, request):
        return scoped(super().get_queryset(request), request.user, self.country_field)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.country_field:
            scope = country_scope(request.user)
            if scope is not None:
                kwargs["queryset"] = db_field.related_model.objects.filter(pk__in=scope)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_access(request.user, obj, self.country_field))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_access(request.user, obj, self.country_field))

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or may_access(request.user, obj, self.country_field))
