"""Which Dataset a job generates: a built-in one, or its frozen custom template compiled by the fields module."""

from __future__ import annotations

from synthdata.engine import Dataset, get_dataset
from synthdata.jobs.job import JobSpec


def dataset_for(spec: JobSpec) -> Dataset:
    """The dataset of a job spec (raises KeyError for an unknown built-in, ValidationFailed for a bad template)."""
    if spec.data_type:
        return get_dataset(spec.data_type)
    from synthdata.fields import compile_template  # imported lazily: only template jobs need it

    dataset: Dataset = compile_template(
        spec.template_schema or [], record_count=spec.record_count, output_format=spec.output_format
    )
    return dataset
