"""Each function's role, as the SAM transform deploys it, allows every AWS call the function makes and no other.

The real handlers run in-process against moto through the paths each function has (the API's routes, a shard, a
finalize, a dead shard, sweeps, a key check) while a botocore hook on every client records which function made
which call. Each call maps to the IAM action and resource ARN it needs (OPERATIONS); the roles' statements come
from the translated template, resolved with the names the local resources got.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any
from urllib.parse import urlparse

import boto3
import botocore.session
import pytest
from botocore.exceptions import ClientError

from local.resources import LocalResources
from local.template import Template
from synthdata import aws
from synthdata.jobs.messages import ShardTask
from synthdata.settings import get_settings
from tests.conftest import Figure, load_handler
from tests.integration.api.conftest import Api
from tests.integration.pipeline.conftest import Context, Driver
from tests.integration.test_sample_events import event
from tests.integration.webhooks.conftest import Hooks
from tests.template_tools import logical_id_of, resources_of_type, translated_template
from tests.webhook_receiver import running_receiver

FUNCTIONS = ("ApiFunction", "AuthorizerFunction", "WorkerFunction", "FinalizerFunction", "WebhookFunction")

# (service, operation) -> the IAM action it needs (Service Authorization Reference). An operation missing here
# fails the test: add it with its action rather than guess.
OPERATIONS: dict[tuple[str, str], str] = {
    ("dynamodb", "GetItem"): "dynamodb:GetItem",
    ("dynamodb", "PutItem"): "dynamodb:PutItem",
    ("dynamodb", "UpdateItem"): "dynamodb:UpdateItem",
    ("dynamodb", "DeleteItem"): "dynamodb:DeleteItem",
    ("dynamodb", "Query"): "dynamodb:Query",
    ("s3", "CreateMultipartUpload"): "s3:PutObject",
    ("s3", "UploadPart"): "s3:PutObject",
    ("s3", "CompleteMultipartUpload"): "s3:PutObject",
    ("s3", "PutObject"): "s3:PutObject",
    ("s3", "HeadObject"): "s3:GetObject",
    ("s3", "GetObject"): "s3:GetObject",
    ("s3", "ListParts"): "s3:ListMultipartUploadParts",
    ("s3", "AbortMultipartUpload"): "s3:AbortMultipartUpload",
    ("s3", "DeleteObject"): "s3:DeleteObject",
    ("sqs", "SendMessage"): "sqs:SendMessage",
    ("sqs", "SendMessageBatch"): "sqs:SendMessage",
    ("sqs", "ChangeMessageVisibility"): "sqs:ChangeMessageVisibility",
    ("apigateway", "GetUsagePlans"): "apigateway:GET",
    ("apigateway", "GetUsagePlanKeys"): "apigateway:GET",
    ("secretsmanager", "GetSecretValue"): "secretsmanager:GetSecretValue",
}

# Grants the flows below do not use, by (action, statement Sid), each with the code path that needs it.
JUSTIFIED_UNUSED: dict[str, dict[tuple[str, str], str]] = {
    "ApiFunction": {
        ("s3:DeleteObject", "JobFiles"): (
            "JobService.submit -> Pipeline.fail when queueing a just-created job fails: "
            "the one failure path deletes the job's file if it exists"
        ),
        ("dynamodb:GetItem", "Idempotency"): (
            "Powertools idempotency reads the record when a failed conditional put "
            "returns no old item (ReturnValuesOnConditionCheckFailure unsupported)"
        ),
        ("sqs:SendMessage", "WebhookNotices"): (
            "JobService.submit -> Pipeline.fail when queueing a just-created job with a callback_url fails: "
            "its failure is told to the webhook queue like any other"
        ),
    },
    "AuthorizerFunction": {},
    "WorkerFunction": {},
    "FinalizerFunction": {},
    "WebhookFunction": {},
}


# ---------------------------------------------------------------------------------------------- recording
@dataclass
class Call:
    function: str
    service: str
    operation: str
    params: dict[str, Any]
    region: str
    url_path: str = ""
    status: int | None = None
    presigned: bool = False

    def __str__(self) -> str:
        how = "presigned URL" if self.presigned else f"-> {self.status or 'error'}"
        return f"{self.service} {self.operation} {how}"


@dataclass
class CallRecorder:
    """Every AWS call made while a function's handler (or its module's init) runs, with the function's name."""

    calls: list[Call] = field(default_factory=list)
    function: str | None = None

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Hook every botocore client made from now on: the library's (synthdata.aws) and Powertools' own."""
        create_client = botocore.session.Session.create_client

        def create_and_watch(session: botocore.session.Session, *args: Any, **kwargs: Any) -> Any:
            client = create_client(session, *args, **kwargs)
            client.meta.events.register("before-parameter-build", self._keep_params)
            client.meta.events.register("before-call", self._record)
            client.meta.events.register("after-call", self._record_status)
            return client

        monkeypatch.setattr(botocore.session.Session, "create_client", create_and_watch)

    @contextmanager
    def acting_as(self, function: str) -> Iterator[None]:
        self.function = function
        try:
            yield
        finally:
            self.function = None

    def load(self, function: str) -> ModuleType:
        """The function's handler module, its init and every invocation recorded under its name."""
        with self.acting_as(function):
            module = load_handler(function)
        handler = module.handler

        def invoke(event: dict[str, Any], context: Any) -> Any:
            with self.acting_as(function):
                return handler(event, context)

        module.handler = invoke  # type: ignore[attr-defined]
        return module

    def _keep_params(self, params: dict[str, Any], model: Any, context: dict[str, Any], **_: Any) -> None:
        context["recorded_params"] = dict(params)
        # A presigned URL makes no call now; whoever follows it acts with the signer's permissions.
        if context.get("is_presign_request") and self.function:
            service = model.service_model.signing_name
            self.calls.append(Call(self.function, service, model.name, dict(params), "", presigned=True))

    def _record(self, model: Any, params: dict[str, Any], context: dict[str, Any], **_: Any) -> None:
        if self.function is None:
            return  # the test's own set-up and checks, or what Lambda's pollers do
        call = Call(
            function=self.function,
            service=model.service_model.signing_name,
            operation=model.name,
            params=context.get("recorded_params", {}),
            region=str(context.get("client_region")),
            url_path=str(params.get("url_path", "")),
        )
        context["recorded_call"] = call
        self.calls.append(call)

    def _record_status(self, http_response: Any, context: dict[str, Any], **_: Any) -> None:
        call = context.get("recorded_call")
        if call is not None:
            call.status = http_response.status_code

    def of(self, function: str) -> list[Call]:
        return [c for c in self.calls if c.function == function]


# ---------------------------------------------------------------------------------------------- what a call needs
@dataclass(frozen=True, order=True)
class Need:
    action: str
    resource: str
    call: str


def _resource_arn(call: Call, account: str) -> str:
    params = call.params
    if call.service == "dynamodb":
        table = f"arn:aws:dynamodb:{call.region}:{account}:table/{params['TableName']}"
        return f"{table}/index/{params['IndexName']}" if "IndexName" in params else table
    if call.service == "s3":
        return f"arn:aws:s3:::{params['Bucket']}/{params['Key']}"
    if call.service == "sqs":
        queue_account, name = urlparse(params["QueueUrl"]).path.strip("/").split("/")
        return f"arn:aws:sqs:{call.region}:{queue_account}:{name}"
    if call.service == "secretsmanager":  # the code names secrets by ARN
        return str(params["SecretId"])
    if call.service == "apigateway":  # management API: the resource is the request's path
        return f"arn:aws:apigateway:{call.region}::{call.url_path.split('?')[0]}"
    raise AssertionError(f"no resource ARN rule for {call.service}: add one")


def needs_of(call: Call, account: str) -> list[Need]:
    """The (action, resource) pairs this call needs to be allowed, and to be answered as it was here."""
    action = OPERATIONS.get((call.service, call.operation))
    assert action, (
        f"{call.function} called {call.service} {call.operation}: map it to its IAM action in OPERATIONS"
    )
    needs = [Need(action, _resource_arn(call, account), str(call))]
    if call.operation == "HeadObject" and call.status == 404:
        # S3 answers a missing object with 404 only to a caller allowed s3:ListBucket on the bucket, and with
        # 403 to anyone else (HeadObject API reference, "Permissions"); the code reads 404 as "no file".
        needs.append(Need("s3:ListBucket", f"arn:aws:s3:::{call.params['Bucket']}", str(call)))
    return needs


# ---------------------------------------------------------------------------------------------- what a role grants
@dataclass(frozen=True, order=True)
class Grant:
    action: str
    resource: str
    statement: str

    def allows(self, need: Need) -> bool:
        return _matches(self.action, need.action, case_sensitive=False) and _matches(
            self.resource, need.resource, case_sensitive=True
        )


def _matches(pattern: str, value: str, *, case_sensitive: bool) -> bool:
    """IAM's wildcards: * any run of characters, ? one character."""
    regex = "".join({"*": ".*", "?": "."}.get(ch, re.escape(ch)) for ch in pattern)
    return re.fullmatch(regex, value, 0 if case_sensitive else re.IGNORECASE) is not None


@dataclass
class Role:
    name: str
    statements: list[tuple[str, dict[str, Any]]]  # (policy/Sid, statement), unresolved
    aws_managed: list[str]
    problems: list[str]


def role_of(translated: Mapping[str, Any], function: str) -> Role:
    """The statements the function's generated role gets: its inline policies plus every AWS::IAM::Policy and
    AWS::IAM::ManagedPolicy attached to it. AWS-managed policies are listed, not read."""
    resources = translated["Resources"]
    role_name = logical_id_of(resources[function]["Properties"]["Role"])
    role = resources[role_name]["Properties"]
    documents = [(p["PolicyName"], p["PolicyDocument"]) for p in role.get("Policies", [])]
    for kind in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
        for name, policy in resources_of_type(translated, kind).items():
            if {"Ref": role_name} in policy["Properties"].get("Roles", []):
                documents.append((name, policy["Properties"]["PolicyDocument"]))
    statements, problems = [], []
    for policy_name, document in documents:
        for index, statement in enumerate(document["Statement"]):
            label = f"{policy_name}/{statement.get('Sid', index)}"
            unmodelled = {"NotAction", "NotResource", "Condition", "Principal"} & set(statement)
            if statement.get("Effect") != "Allow" or unmodelled:
                problems.append(
                    f"{label}: only plain Allow statements are checked here, not {sorted(unmodelled)}"
                )
            else:
                statements.append((label, statement))
    aws_managed = []
    for arn in role.get("ManagedPolicyArns", []):
        if isinstance(arn, str) and arn.startswith("arn:aws:iam::aws:policy/"):
            aws_managed.append(arn.rsplit("/", 1)[1])
        else:
            problems.append(
                f"{arn}: a customer managed policy by ARN; attach it as a resource so it is checked"
            )
    return Role(role_name, statements, aws_managed, problems)


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def grants_of(role: Role, resolver: Template) -> list[Grant]:
    """Every (action, resource) the role's statements allow, resources resolved to the local ARNs."""
    return sorted(
        Grant(action, str(resource), label)
        for label, statement in role.statements
        for action in _listed(statement["Action"])
        for resource in _listed(resolver.resolve(statement["Resource"]))
    )


# ---------------------------------------------------------------------------------------------- the check
def _sid(grant: Grant) -> str:
    return grant.statement.rsplit("/", 1)[-1]


def permission_problems(
    needs: list[Need], grants: list[Grant], justified: Mapping[tuple[str, str], str]
) -> list[str]:
    """(a) every need is allowed; (b) every granted (action, resource) allows something the function did, or is
    justified by (action, Sid); a justification whose grant is used, or gone, is stale."""
    problems = [
        f"not allowed: {n.action} on {n.resource} ({n.call})"
        for n in sorted(set(needs))
        if not any(g.allows(n) for g in grants)
    ]
    for grant in grants:
        used = any(grant.allows(n) for n in needs)
        if used and (grant.action, _sid(grant)) in justified:
            problems.append(
                f"{grant.action} in {grant.statement} is used now: remove it from JUSTIFIED_UNUSED"
            )
        elif not used and (grant.action, _sid(grant)) not in justified:
            problems.append(
                f"granted, never used: {grant.action} on {grant.resource} ({grant.statement}): "
                "remove it, or justify it in JUSTIFIED_UNUSED"
            )
    granted = {(g.action, _sid(g)) for g in grants}
    problems += [
        f"{a} in {sid} is justified but not granted" for a, sid in justified if (a, sid) not in granted
    ]
    return problems


def _short(arn: str) -> str:
    return arn.split(":", 5)[-1].replace("synthdata-local-", "")


def _table(
    function: str,
    role: Role,
    grants: list[Grant],
    needs: list[Need],
    justified: Mapping[tuple[str, str], str],
) -> str:
    lines = [
        f"{function} (role {role.name}; AWS-managed policies, not checked: {', '.join(role.aws_managed)})"
    ]
    for grant in grants:
        used = sum(1 for n in needs if grant.allows(n))
        status = (
            f"called x{used}"
            if used
            else "unused: " + justified.get((grant.action, _sid(grant)), "UNJUSTIFIED")
        )
        lines.append(f"  {grant.action:<28} {_short(grant.resource):<36} {status}")
    for need in sorted({n for n in needs if not any(g.allows(n) for g in grants)}):
        lines.append(f"  {need.action:<28} {_short(need.resource):<36} NOT GRANTED ({need.call})")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- the flows
GENERATE = {"data_type": "user", "record_count": 500, "output_format": "csv"}
TEMPLATE = {
    "name": "Permissions",
    "schema_fields": [
        {"name": "id", "field_type": "uuid", "nullable": False},
        {"name": "email", "field_type": "email", "nullable": False},
    ],
}


def _fail_put_object(**_: Any) -> None:
    """PutObject fails as it is sent, after the call was recorded (in the sweeps below only manifests are put)."""
    raise ClientError(
        {"Error": {"Code": "SlowDown", "Message": "Please reduce your request rate."}}, "PutObject"
    )


def _drive_every_path(
    recorder: CallRecorder, resources: LocalResources, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WEBHOOK_ALLOW_LOCAL_HTTP", "true")  # the receiver below listens on 127.0.0.1
    get_settings.cache_clear()
    authorizer, worker, finalizer, webhook = (recorder.load(f) for f in FUNCTIONS[1:])
    api = Api(recorder.load("ApiFunction"))
    driver = Driver(resources, worker, finalizer)
    s3 = boto3.client("s3")

    assert authorizer.handler(event("authorizer_header_key.json"), Context())["usageIdentifierKey"]

    created = api.call("POST", "/api/templates", TEMPLATE)
    template_id = created.json()["id"]
    assert api.call("GET", "/api/templates").json()["items"]
    assert api.call("GET", f"/api/templates/{template_id}").status == 200
    assert (
        api.call("PUT", f"/api/templates/{template_id}", {**TEMPLATE, "name": "Permissions v2"}).status == 200
    )
    assert api.call("POST", "/api/preview", {"template_id": template_id, "record_count": 3}).status == 200

    from_template = {"template_id": template_id, "record_count": 500}
    small = api.call("POST", "/api/generate", from_template).json()["job_id"]  # one shard: the express queue
    large_job, once = {**GENERATE, "record_count": 200_000}, {"Idempotency-Key": "permissions-large"}
    large = api.call("POST", "/api/generate", large_job, headers=once)  # several shards: the work queue
    assert (
        large.status == 202
        and api.call("POST", "/api/generate", large_job, headers=once).json() == large.json()
    )
    unknown, retry = (
        {"template_id": str(uuid.uuid4()), "record_count": 500},
        {"Idempotency-Key": "permissions-404"},
    )
    assert api.call("POST", "/api/generate", unknown, headers=retry).status == 404  # the key is released
    assert api.call("GET", "/api/jobs").json()["total"] == 2
    assert api.call("GET", "/api/jobs", query={"status": "pending"}).status == 200
    assert api.call("GET", "/api/usage").json()["active_jobs"] == 2
    assert api.call("DELETE", f"/api/jobs/{large.json()['job_id']}").json()["status"] == "cancelled"

    driver.run()  # the small job: a shard (worker), finalized (finalizer); the cancelled job's shards skipped
    assert api.call("GET", f"/api/jobs/{small}").json()["status"] == "completed"
    assert api.call("GET", f"/api/jobs/{small}/download").status == 302
    # The file vanished (deleted before its record expired): the link is refused as gone, not failed with a 403.
    jobs = boto3.resource("dynamodb").Table(resources.tables["JobsTable"])
    s3.delete_object(
        Bucket=resources.buckets["DataBucket"], Key=jobs.get_item(Key={"job_id": small})["Item"]["file_key"]
    )
    assert api.call("GET", f"/api/jobs/{small}/download").status == 410
    assert api.call("DELETE", f"/api/templates/{template_id}").status == 204

    # A dead shard: its task in the work queue's dead-letter queue fails the job.
    dead = api.call("POST", "/api/generate", GENERATE).json()["job_id"]
    task = ShardTask(job_id=dead, shard=0, start=0, stop=500)
    driver.sqs.send_message(QueueUrl=resources.queues["WorkDeadLetterQueue"], MessageBody=task.to_json())
    driver.pump("WorkDeadLetterQueue", finalizer, 10)
    assert api.call("GET", f"/api/jobs/{dead}").json()["status"] == "failed"

    _drive_webhooks(api, driver, webhook)

    # Sweeps: a job past its deadline whose upload completed but whose manifest cannot be written is failed
    # after the attempts limit, and its file deleted.
    monkeypatch.setenv("JOB_DEADLINE_MINUTES", "-60")
    get_settings.cache_clear()
    overdue = api.call("POST", "/api/generate", GENERATE).json()["job_id"]
    while driver.pump("ExpressQueue", worker, 1):  # the overdue job's shard (and the dead job's, skipped)
        pass
    aws.client("s3").meta.events.register("before-send.s3.PutObject", _fail_put_object)
    sweep = event("finalizer_sweep.json")
    outcomes = [finalizer.handler(sweep, Context())["swept"].get(overdue) for _ in range(3)]
    aws.client("s3").meta.events.unregister("before-send.s3.PutObject", _fail_put_object)
    assert outcomes == ["sweep-error", "sweep-error", "failed"]
    overdue_file = jobs.get_item(Key={"job_id": overdue})["Item"]["file_key"]
    assert "Contents" not in s3.list_objects_v2(Bucket=resources.buckets["DataBucket"], Prefix=overdue_file)
    driver.run()


def _drive_webhooks(api: Api, driver: Driver, webhook: ModuleType) -> None:
    """A job with a callback_url completes; its webhook fails once (500: backoff) and is then delivered."""
    assert api.call("GET", "/api/webhook-secret").status == 200
    assert api.call("POST", "/api/webhook-secret/rotate").status == 200
    with running_receiver() as receiver:
        receiver.answers = [500]
        api.call("POST", "/api/generate", {**GENERATE, "callback_url": receiver.url})
        driver.run()
        hooks = Hooks(driver.resources, webhook, driver.sqs)
        hooks.pump()
        hooks.expire_backoff()
        hooks.pump()
        assert [r.status for r in receiver.wait_for(2)] == [500, 200]


@pytest.fixture
def recorded(aws_resources: LocalResources, monkeypatch: pytest.MonkeyPatch) -> CallRecorder:
    recorder = CallRecorder()
    recorder.install(monkeypatch)
    aws.reset_clients()
    _drive_every_path(recorder, aws_resources, monkeypatch)
    return recorder


def test_each_role_allows_every_call_its_function_makes_and_nothing_more(
    recorded: CallRecorder, aws_resources: LocalResources, figure: Figure
) -> None:
    translated = translated_template()
    local = aws_resources.template
    resolver = Template(body=translated, refs=local.refs, attributes=local.attributes)
    problems, tables, counted = [], [], {"calls": 0, "grants": 0}
    for function in FUNCTIONS:
        calls = recorded.of(function)
        assert calls, f"the flows made no call as {function}"
        role = role_of(translated, function)
        grants = grants_of(role, resolver)
        needs = [need for call in calls for need in needs_of(call, resolver.account_id)]
        justified = JUSTIFIED_UNUSED[function]
        tables.append(_table(function, role, grants, needs, justified))
        counted["calls"] += len(calls)
        counted["grants"] += len(grants)
        problems += [
            f"{function}: {p}" for p in role.problems + permission_problems(needs, grants, justified)
        ]
    print("\n".join(tables))
    assert not problems, "\n".join(problems)
    figure(
        "12 least privilege",
        f"{counted['calls']} AWS calls by {len(FUNCTIONS)} functions, every one allowed by the translated template; "
        f"{counted['grants']} grants, each called or justified",
    )


def test_function_roles_name_every_action_and_no_wildcard_resource() -> None:
    translated = translated_template()
    for function in FUNCTIONS:
        role = role_of(translated, function)
        assert role.statements and not role.problems, (function, role.problems)
        for label, statement in role.statements:
            assert not any("*" in a for a in _listed(statement["Action"])), (
                f"{label} grants a wildcard action"
            )
            assert "*" not in _listed(statement["Resource"]), f"{label} grants every resource"


def test_the_check_reports_missing_unused_and_stale_grants() -> None:
    files, other = "arn:aws:s3:::bucket/jobs/*", "arn:aws:s3:::bucket/other/*"
    needs = [
        Need("s3:GetObject", "arn:aws:s3:::bucket/jobs/a/file.csv", "s3 HeadObject -> 200"),
        Need("s3:DeleteObject", "arn:aws:s3:::bucket/jobs/a/file.csv", "s3 DeleteObject -> 204"),
        Need("s3:GetObject", "arn:aws:s3:::elsewhere/file.csv", "s3 GetObject -> 200"),
    ]
    grants = [
        Grant("s3:GetObject", files, "P/Files"),
        Grant("s3:GetObject", other, "P/Other"),
        Grant("s3:AbortMultipartUpload", files, "P/Files"),
        Grant("s3:PutObject", files, "P/Files"),
    ]
    justified = {
        ("s3:AbortMultipartUpload", "Files"): "a path the flows miss",
        ("s3:GetObject", "Files"): "stale",
        ("dynamodb:Query", "Jobs"): "stale",
    }
    assert permission_problems(needs, grants, justified) == [
        "not allowed: s3:DeleteObject on arn:aws:s3:::bucket/jobs/a/file.csv (s3 DeleteObject -> 204)",
        "not allowed: s3:GetObject on arn:aws:s3:::elsewhere/file.csv (s3 GetObject -> 200)",
        "s3:GetObject in P/Files is used now: remove it from JUSTIFIED_UNUSED",
        "granted, never used: s3:GetObject on arn:aws:s3:::bucket/other/* (P/Other): "
        "remove it, or justify it in JUSTIFIED_UNUSED",
        "granted, never used: s3:PutObject on arn:aws:s3:::bucket/jobs/* (P/Files): "
        "remove it, or justify it in JUSTIFIED_UNUSED",
        "dynamodb:Query in Jobs is justified but not granted",
    ]
    head_missing = Call(
        "ApiFunction", "s3", "HeadObject", {"Bucket": "b", "Key": "jobs/k"}, "us-east-1", status=404
    )
    assert [n.action for n in needs_of(head_missing, "123456789012")] == ["s3:GetObject", "s3:ListBucket"]
