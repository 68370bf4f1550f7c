"""`synthdata submit|jobs|templates`: the API from the command line.

    synthdata submit user -n 100000 -f csv --wait -o users.csv
    synthdata submit --template 3f0c... -n 5000 -f json --gzip --wait
    synthdata submit ecommerce -n 100000 --reference customers=<user job id> --wait
    synthdata submit user -n 1000 -f sql --sql-dialect sqlite --table-name users --rows-per-insert 500
    synthdata jobs list|status ID|cancel ID|download ID [-o FILE]
    synthdata templates create template.json | list | delete ID

URL and key: --url/--api-key, else SYNTHDATA_URL/SYNTHDATA_API_KEY, else the local stack's. httpx and tqdm
(the package's `cli` extra) are imported only when one of these commands runs, never by the Lambda functions.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from synthdata.client import DEFAULT_KEY, DEFAULT_URL
from synthdata.engine import FORMATS, LOCALES
from synthdata.engine.datasets import BUILT_IN
from synthdata.engine.escapes import SQL_DIALECTS
from synthdata.engine.writers import CSV_DELIMITERS, ROWS_PER_INSERT

if TYPE_CHECKING:
    from synthdata.client.api import SynthdataApi

POLL_SECONDS = 1.0
_FINAL = ("completed", "failed", "cancelled")


def add_commands(commands: Any) -> None:
    """Add submit, jobs and templates to the `synthdata` parser's subcommands."""
    connection = argparse.ArgumentParser(add_help=False)
    connection.add_argument("--url", help="API URL (default: $SYNTHDATA_URL, else http://127.0.0.1:3000)")
    connection.add_argument("--api-key", help="API key (default: $SYNTHDATA_API_KEY, else the dev key)")
    _add_submit(commands, connection)
    _add_jobs(commands, connection)
    _add_templates(commands, connection)


def _add_submit(commands: Any, connection: argparse.ArgumentParser) -> None:
    submit = commands.add_parser("submit", parents=[connection], help="start a job on the API")
    submit.add_argument("dataset", nargs="?", choices=sorted(BUILT_IN), help="built-in dataset")
    submit.add_argument("--template", metavar="ID", help="one of your templates instead of a dataset")
    submit.add_argument("-n", "--records", type=int, required=True, help="number of records")
    submit.add_argument("-f", "--format", choices=FORMATS, default="csv", help="output format (default csv)")
    submit.add_argument("--seed", type=int, help="same seed, same file")
    submit.add_argument("--locale", choices=LOCALES, help="locale (default en_US)")
    submit.add_argument("--gzip", action="store_true", help="gzip-compress the file")
    submit.add_argument(
        "--reference",
        action="append",
        metavar="NAME=JOB_ID",
        help="a completed job of yours this one refers to, e.g. customers=<user job id> (ecommerce)",
    )
    submit.add_argument("--delimiter", choices=CSV_DELIMITERS, help="csv: the field separator")
    submit.add_argument("--no-header", action="store_true", help="csv and tsv: no line of column names")
    submit.add_argument("--sql-dialect", choices=tuple(SQL_DIALECTS), help="sql: how values are written")
    submit.add_argument("--table-name", help="sql: the table the INSERT statements fill")
    submit.add_argument("--rows-per-insert", type=int, choices=ROWS_PER_INSERT, help="sql: rows per INSERT")
    submit.add_argument("--idempotency-key", help="send again with the same key to get the same job")
    submit.add_argument(
        "--callback-url", metavar="URL", help="https URL POSTed the job's signed status when it ends"
    )
    submit.add_argument("--wait", action="store_true", help="show progress, then download the file")
    submit.add_argument("-o", "--output", type=Path, help="with --wait: file to write (default: its name)")
    submit.set_defaults(run=_submit)


def _add_jobs(commands: Any, connection: argparse.ArgumentParser) -> None:
    jobs = commands.add_parser("jobs", help="your jobs on the API").add_subparsers(
        dest="action", required=True
    )
    listing = jobs.add_parser("list", parents=[connection], help="newest first")
    listing.add_argument("--status", choices=("pending", "processing", *_FINAL))
    listing.add_argument("--page-size", type=int, default=20)
    listing.set_defaults(run=_list_jobs)
    for name, run, text in (
        ("status", _status, "one job, as JSON"),
        ("cancel", _cancel, "cancel a pending or running job"),
        ("download", _download, "download a completed job's file"),
    ):
        action = jobs.add_parser(name, parents=[connection], help=text)
        action.add_argument("job_id")
        if name == "download":
            action.add_argument("-o", "--output", type=Path, help="file to write (default: its name)")
        action.set_defaults(run=run)


def _add_templates(commands: Any, connection: argparse.ArgumentParser) -> None:
    """Templates, and the webhook secret (the key's other stored setting)."""
    templates = commands.add_parser("templates", help="your templates on the API")
    actions = templates.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", parents=[connection], help="from a JSON file")
    create.add_argument("file", type=Path, help='{"name": ..., "schema_fields": [...]}')
    create.set_defaults(run=_create_template)
    actions.add_parser("list", parents=[connection]).set_defaults(run=_list_templates)
    delete = actions.add_parser("delete", parents=[connection])
    delete.add_argument("template_id")
    delete.set_defaults(run=_delete_template)

    secret = commands.add_parser(
        "webhook-secret", parents=[connection], help="print your key's webhook signing secret"
    )
    secret.add_argument("--rotate", action="store_true", help="replace it first (the old one stops at once)")
    secret.set_defaults(run=_webhook_secret)


def run(args: argparse.Namespace) -> int:
    """Run a client command; an API error prints the server's message and exits non-zero."""
    import httpx

    from synthdata.client.api import ApiError, SynthdataApi

    url = args.url or os.environ.get("SYNTHDATA_URL") or DEFAULT_URL
    key = args.api_key or os.environ.get("SYNTHDATA_API_KEY") or DEFAULT_KEY
    api = SynthdataApi(url, key, transport=getattr(args, "transport", None))
    try:
        code: int = args.run(api, args)
        return code
    except ApiError as error:
        print(f"synthdata: {error}", file=sys.stderr)
        return 1
    except httpx.HTTPError as error:
        print(f"synthdata: cannot reach {url}: {error}", file=sys.stderr)
        return 1
    finally:
        api.close()


# ---------------------------------------------------------------------------------------- jobs
def _submit(api: SynthdataApi, args: argparse.Namespace) -> int:
    request = _request(args)
    if isinstance(request, str):
        print(f"synthdata: {request}", file=sys.stderr)
        return 2
    created = api.submit(request, args.idempotency_key)
    print(f"{created['job_id']}  {created['message']}", file=sys.stderr if args.wait else sys.stdout)
    if not args.wait:
        return 0
    job = _wait(api, created["job_id"], args.records)
    if job["status"] != "completed":
        print(
            f"synthdata: job {job['id']} {job['status']}: {job.get('error_message') or ''}", file=sys.stderr
        )
        return 1
    return _fetch(api, job["id"], args.output)


def _request(args: argparse.Namespace) -> dict[str, Any] | str:
    """The generate request the arguments ask for, or what is wrong with them."""
    if (args.dataset is None) == (args.template is None):
        return "give a dataset or --template ID (one of them)"
    request: dict[str, Any] = {"record_count": args.records, "output_format": args.format}
    request |= {"data_type": args.dataset} if args.dataset else {"template_id": args.template}
    optional = {
        "seed": args.seed,
        "locale": args.locale,
        "compression": "gzip" if args.gzip else None,
        "callback_url": args.callback_url,
    }
    request |= {name: value for name, value in optional.items() if value is not None}
    writing = {
        "delimiter": args.delimiter,
        "header": False if args.no_header else None,
        "sql_dialect": args.sql_dialect,
        "table_name": args.table_name,
        "rows_per_insert": args.rows_per_insert,
    }
    if any(value is not None for value in writing.values()):
        request["options"] = {name: value for name, value in writing.items() if value is not None}
    if args.reference:
        pairs = [text.partition("=") for text in args.reference]
        if any(not name or not sep or not job_id for name, sep, job_id in pairs):
            return "--reference takes NAME=JOB_ID, e.g. customers=<job id>"
        request["references"] = {name: job_id for name, _, job_id in pairs}
    return request


def _wait(api: SynthdataApi, job_id: str, records: int) -> dict[str, Any]:
    """Poll until the job ends, with a progress bar of records generated."""
    from tqdm import tqdm

    with tqdm(total=records, unit="rec", unit_scale=True, desc="generating", file=sys.stderr) as bar:
        while True:
            job = api.job(job_id)
            bar.update(job["records_done"] - bar.n)
            if job["status"] in _FINAL:
                return job
            time.sleep(POLL_SECONDS)


def _fetch(api: SynthdataApi, job_id: str, output: Path | None) -> int:
    from tqdm import tqdm

    with tqdm(unit="B", unit_scale=True, unit_divisor=1024, desc="downloading", file=sys.stderr) as bar:

        def advance(count: int, total: int | None) -> None:
            bar.total = total
            bar.update(count)

        path = api.download(job_id, output, advance)
    print(path)
    return 0


def _list_jobs(api: SynthdataApi, args: argparse.Namespace) -> int:
    listing = api.jobs(args.status, args.page_size)
    print(f"{'id':36}  {'status':10}  {'progress':>8}  {'records':>9}  format  created")
    for job in listing["items"]:
        source = job["data_type"] or "template"
        print(
            f"{job['id']:36}  {job['status']:10}  {job['progress']:>7.1f}%  {job['record_count']:>9}  "
            f"{job['output_format']:6}  {job['created_at']}  {source}"
        )
    print(f"{len(listing['items'])} of {listing['total']}", file=sys.stderr)
    return 0


def _status(api: SynthdataApi, args: argparse.Namespace) -> int:
    print(json.dumps(api.job(args.job_id), indent=2))
    return 0


def _cancel(api: SynthdataApi, args: argparse.Namespace) -> int:
    print(f"{args.job_id} {api.cancel(args.job_id)['status']}")
    return 0


def _download(api: SynthdataApi, args: argparse.Namespace) -> int:
    return _fetch(api, args.job_id, args.output)


# ---------------------------------------------------------------------------------------- templates
def _create_template(api: SynthdataApi, args: argparse.Namespace) -> int:
    try:
        template = json.loads(args.file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"synthdata: cannot read {args.file}: {error}", file=sys.stderr)
        return 2
    print(api.create_template(template)["id"])
    return 0


def _list_templates(api: SynthdataApi, args: argparse.Namespace) -> int:
    for template in api.templates()["items"]:
        print(f"{template['id']}  {len(template['schema_fields']):>3} fields  {template['name']}")
    return 0


def _delete_template(api: SynthdataApi, args: argparse.Namespace) -> int:
    api.delete_template(args.template_id)
    print(f"{args.template_id} deleted")
    return 0


# ---------------------------------------------------------------------------------------- webhooks
def _webhook_secret(api: SynthdataApi, args: argparse.Namespace) -> int:
    print(api.webhook_secret(rotate=args.rotate)["secret"])
    return 0
