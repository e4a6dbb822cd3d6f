"""dlcore."""
