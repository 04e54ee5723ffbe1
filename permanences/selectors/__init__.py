"""Reads of the app's two domains shared by several views, panels and exports."""
