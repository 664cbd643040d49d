"""Qt widgets only. Talks to services and repositories, never to a database session."""
