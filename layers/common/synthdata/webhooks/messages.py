"""The webhook queue's message: a job ended and its owner asked to be told. The body is built at delivery time
from the job, so a retry sends the job as it is (with a fresh download link), signed afresh."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class JobEnded(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    job_id: str
    status: str  # the terminal status that triggered the notice (completed or failed)

    def to_json(self) -> str:
        return self.model_dump_json()
