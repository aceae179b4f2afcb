from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .roles import user_roles
from .scoping import country_scope


@require_http_methods(["GET", "POST"])
def logout_view(request):
    """GET shows a confirmation form (logging out must be a POST, protected by CSRF)."""
    if request.method == "POST":
        logout(request)
        return redirect("core:home")
    return render(request, "accounts/logout.html")


@login_required
def account(request):
    scope = country_scope(request.user)
    return render(
        request,
        "accounts/account.html",
        {"roles": user_roles(request.user), "scope": sorted(scope) if scope is not None else None},
    )
