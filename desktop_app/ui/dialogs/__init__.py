"""Dialogs that stand alone, wired into the main window's menus by the integrator."""
