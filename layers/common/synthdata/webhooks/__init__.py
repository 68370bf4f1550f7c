"""Completion webhooks: signing, the callback URL policy (SSRF), per-key secrets and delivery."""
