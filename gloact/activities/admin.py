from . import admin_learning, admin_records  # noqa: F401  (each registers its models)
