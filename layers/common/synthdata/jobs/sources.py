"""Which Dataset a job generates: a built-in one, or its frozen custom template compiled by the fields module;
with the parents it refers to (recorded on the job at submission) bound to its references."""

from __future__ import annotations

from typing import Any

from synthdata.engine import Dataset, get_dataset
from synthdata.engine.references import Parent
from synthdata.errors import FieldProblem, ValidationFailed
from synthdata.jobs.job import JobSpec


def dataset_for(spec: JobSpec) -> Dataset:
    """The dataset of a job spec (raises KeyError for an unknown built-in, ValidationFailed for a bad template
    or a reference its parent cannot serve)."""
    parents = {
        job_id: parent_from(job_id, record) for job_id, record in spec.options.get("parents", {}).items()
    }
    if spec.data_type:
        return _with_references(get_dataset(spec.data_type), spec.options.get("references") or {}, parents)
    from synthdata.fields import compile_template  # imported lazily: only template jobs need it

    dataset: Dataset = compile_template(
        spec.template_schema or [],
        record_count=spec.record_count,
        output_format=spec.output_format,
        parents=parents,
    )
    return dataset


def parent_from(job_id: str, record: dict[str, Any]) -> Parent:
    """A parent as its children see it, from what they recorded of it (jobs.job.parent_record)."""
    spec = JobSpec(
        record_count=record["record_count"],
        output_format="json",
        seed=record["seed"],
        locale=record["locale"],
        data_type=record.get("data_type"),
        template_schema=record.get("template_schema"),
        options=record.get("options") or {},
    )
    return Parent(job_id, dataset_for(spec), spec.seed, spec.locale, spec.record_count, spec.options)


def _with_references(dataset: Dataset, references: dict[str, str], parents: dict[str, Parent]) -> Dataset:
    """A built-in dataset whose named references (ecommerce: customers) are rows of their parents."""
    if not references:
        return dataset
    takes: dict[str, tuple[str, ...]] = getattr(dataset, "references", {})
    problems = []
    for name, job_id in references.items():
        at = f"references.{name}"
        if name not in takes:
            named = ", ".join(f"{dataset.name} takes {n}" for n in takes) or f"{dataset.name} takes none"
            problems.append(FieldProblem(at, f"{at}: {dataset.name} has no reference named {name} ({named})"))
            continue
        columns = {f.name for f in parents[job_id].dataset.fields}
        missing = [c for c in takes[name] if c not in columns]
        if missing:
            problems.append(
                FieldProblem(
                    at,
                    f"{at}: job {job_id} has no {' or '.join(missing)} column; {name} must be a job with "
                    f"{' and '.join(takes[name])} columns (a user job)",
                )
            )
    if problems:
        raise ValidationFailed("; ".join(p.message for p in problems), problems)
    referencing: Dataset = dataset.with_references(  # type: ignore[attr-defined]
        {name: parents[job_id] for name, job_id in references.items()}
    )
    return referencing
