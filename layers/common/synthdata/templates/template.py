"""A custom template as the domain sees it, and the port of the store that keeps them per API key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Template:
    template_id: str
    owner: str
    name: str
    description: str
    schema_fields: list[dict[str, Any]]
    created_at: str
    updated_at: str


class TemplateStore(Protocol):
    """A template belongs to the key that created it: every method raises NotFound for another key's template."""

    def create(
        self, owner: str, name: str, description: str, schema_fields: list[dict[str, Any]]
    ) -> Template: ...

    def get(self, owner: str, template_id: str) -> Template: ...

    def list_for(self, owner: str) -> list[Template]:
        """The owner's templates, newest first."""
        ...

    def replace(
        self, owner: str, template_id: str, name: str, description: str, schema_fields: list[dict[str, Any]]
    ) -> Template: ...

    def delete(self, owner: str, template_id: str) -> None: ...
