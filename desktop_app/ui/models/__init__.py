"""Qt item models over the repositories: they hold plain records, never sessions."""
