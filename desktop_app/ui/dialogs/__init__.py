"""Dialogs: windows that ask the officer one thing and give back a result."""
