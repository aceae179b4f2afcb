"""Case law database: court decisions on trafficking in persons and smuggling of migrants."""
