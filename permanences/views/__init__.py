"""The pages of the app's two domains: the agenda, and the log."""
