"""Writes of the app's two domains: the schedule and the log."""
