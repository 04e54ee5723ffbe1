"""Forms of the app's two domains: the agenda's filters, and the log's one screen."""
