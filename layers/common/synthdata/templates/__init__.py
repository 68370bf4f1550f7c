"""Custom templates owned by API keys."""
