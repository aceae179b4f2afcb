"""Accounts: roles (Django groups with permissions), country scoping of users, two-factor
enforcement and demo accounts.

Entry points: `roles.ROLES`, `roles.assign_role(user, code, countries)`,
`scoping.country_scope(user)`, `scoping.CountryScopedAdmin`.
"""
