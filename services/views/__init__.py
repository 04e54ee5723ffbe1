"""The pages of the app's two domains: the directory, and the orientations."""
