"""Dialogs opened from the main window: one module per dialog."""
