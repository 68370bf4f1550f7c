"""The pipeline's queue messages: one per shard to the work queue (and, after too many failures, its dead-letter
queue), one per finished job to the finalize queue. A `kind` field tells them apart."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def to_json(self) -> str:
        return self.model_dump_json()


class ShardTask(_Message):
    kind: Literal["shard"] = "shard"
    job_id: str
    shard: int = Field(ge=0)
    start: int = Field(ge=0)
    stop: int = Field(ge=1)


class FinalizeRequest(_Message):
    kind: Literal["finalize"] = "finalize"
    job_id: str


QueueMessage = Annotated[ShardTask | FinalizeRequest, Field(discriminator="kind")]
_MESSAGE: TypeAdapter[ShardTask | FinalizeRequest] = TypeAdapter(QueueMessage)


def parse_message(body: str) -> ShardTask | FinalizeRequest:
    """A message body as its typed message; pydantic.ValidationError for anything else."""
    return _MESSAGE.validate_json(body)
