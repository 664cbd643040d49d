"""Dialogue Register: a desktop record of drug-policy dialogues, their delegations and participants."""

__version__ = "0.1.0"
