"""Filled by a later issue; the app exists so that its tables have a home."""
