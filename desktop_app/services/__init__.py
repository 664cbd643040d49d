"""Use cases over the repositories: exchange, samples, and (in their own modules) reports and backups."""
