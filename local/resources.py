"""Create, with boto3 calls against moto, exactly the stateful resources template.yaml declares.

moto's CloudFormation has no SAM transform and drops TTL, lifecycle, public-access-block and layers, so each
resource type is translated here from its CloudFormation properties to the matching API calls. Functions and
event-source mappings are never created in moto (it would try to run them in Docker): the local stack invokes
handlers itself.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass, field
from typing import Any

import boto3

from local.template import Template, load_template
from synthdata.auth import API_KEY_VALUE_PREFIX

STACK_PREFIX = "synthdata-local"


@dataclass
class LocalResources:
    """What was created: physical names by logical id, and the functions' resolved environments."""

    template: Template
    tables: dict[str, str] = field(default_factory=dict)
    queues: dict[str, str] = field(default_factory=dict)  # logical id -> queue URL
    queue_arns: dict[str, str] = field(default_factory=dict)
    buckets: dict[str, str] = field(default_factory=dict)
    api_keys: dict[str, str] = field(default_factory=dict)  # API Gateway key value -> key id
    secrets: dict[str, str] = field(default_factory=dict)  # logical id -> secret ARN
    usage_plan_id: str = ""

    def function_environment(self, logical_id: str) -> dict[str, str]:
        return self.template.function_environment(logical_id)

    @property
    def environment(self) -> dict[str, str]:
        """The union of every function's environment (what tests set in os.environ)."""
        env: dict[str, str] = {}
        for logical_id in self.template.resources_of_type("AWS::Serverless::Function"):
            env.update(self.function_environment(logical_id))
        return env


def _physical_name(logical_id: str) -> str:
    return f"{STACK_PREFIX}-{logical_id}"


def create_resources(
    template: Template | None = None,
    *,
    session: boto3.session.Session | None = None,
    extra_api_keys: list[str] | tuple[str, ...] = (),
) -> LocalResources:
    """Create every table, queue, bucket, API key and usage plan of the template; return their names."""
    template = template or load_template()
    session = session or boto3.session.Session()
    created = LocalResources(template=template)
    _create_buckets(template, session, created)
    _create_queues(template, session, created)
    _create_tables(template, session, created)
    _create_api_keys(template, session, created, extra_api_keys)
    _create_secrets(template, session, created)
    return created


# ---------------------------------------------------------------------------------------------- DynamoDB
def _create_tables(template: Template, session: boto3.session.Session, created: LocalResources) -> None:
    dynamodb: Any = session.client("dynamodb")
    for logical_id, resource in template.resources_of_type("AWS::DynamoDB::Table").items():
        props = template.resolve(resource["Properties"])
        name = props.get("TableName", _physical_name(logical_id))
        request: dict[str, Any] = {
            "TableName": name,
            "AttributeDefinitions": props["AttributeDefinitions"],
            "KeySchema": props["KeySchema"],
            "BillingMode": props.get("BillingMode", "PAY_PER_REQUEST"),
        }
        if props.get("GlobalSecondaryIndexes"):
            request["GlobalSecondaryIndexes"] = props["GlobalSecondaryIndexes"]
        if props.get("SSESpecification", {}).get("SSEEnabled"):
            request["SSESpecification"] = {"Enabled": True}
        dynamodb.create_table(**request)
        ttl = props.get("TimeToLiveSpecification")
        if ttl:
            dynamodb.update_time_to_live(TableName=name, TimeToLiveSpecification=ttl)
        pitr = props.get("PointInTimeRecoverySpecification")
        if pitr:
            dynamodb.update_continuous_backups(TableName=name, PointInTimeRecoverySpecification=pitr)
        created.tables[logical_id] = name
        template.refs[logical_id] = name
        template.attributes[(logical_id, "Arn")] = (
            f"arn:aws:dynamodb:{template.region}:{template.account_id}:table/{name}"
        )


# ---------------------------------------------------------------------------------------------- SQS
_QUEUE_ATTRIBUTES = (
    "VisibilityTimeout",
    "MessageRetentionPeriod",
    "DelaySeconds",
    "ReceiveMessageWaitTimeSeconds",
    "SqsManagedSseEnabled",
    "MaximumMessageSize",
)


def _create_queues(template: Template, session: boto3.session.Session, created: LocalResources) -> None:
    sqs: Any = session.client("sqs")
    queues = template.resources_of_type("AWS::SQS::Queue")
    # A shorter visibility timeout locally makes retries and the DLQ observable in seconds, not minutes.
    visibility_override = os.environ.get("LOCAL_VISIBILITY_TIMEOUT")
    for logical_id, resource in queues.items():
        props = resource.get("Properties", {})
        attributes = {
            k: str(props[k]).lower() if isinstance(props[k], bool) else str(props[k])
            for k in _QUEUE_ATTRIBUTES
            if k in props
        }
        if visibility_override and "VisibilityTimeout" in attributes:
            attributes["VisibilityTimeout"] = visibility_override
        name = props.get("QueueName", _physical_name(logical_id))
        url = sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        created.queues[logical_id] = url
        created.queue_arns[logical_id] = arn
        template.refs[logical_id] = url
        template.attributes[(logical_id, "Arn")] = arn
        template.attributes[(logical_id, "QueueName")] = name
        template.attributes[(logical_id, "QueueUrl")] = url
    # Redrive needs the dead-letter queue's ARN, so it is set once every queue exists.
    for logical_id, resource in queues.items():
        redrive = resource.get("Properties", {}).get("RedrivePolicy")
        if redrive:
            policy = template.resolve(redrive)
            sqs.set_queue_attributes(
                QueueUrl=created.queues[logical_id],
                Attributes={
                    "RedrivePolicy": json.dumps(
                        {
                            "deadLetterTargetArn": policy["deadLetterTargetArn"],
                            "maxReceiveCount": str(policy["maxReceiveCount"]),
                        }
                    )
                },
            )
    for resource in template.resources_of_type("AWS::SQS::QueuePolicy").values():
        props = template.resolve(resource["Properties"])
        for url in props["Queues"]:
            sqs.set_queue_attributes(QueueUrl=url, Attributes={"Policy": json.dumps(props["PolicyDocument"])})


# ---------------------------------------------------------------------------------------------- S3
def _lifecycle_rule(rule: dict[str, Any]) -> dict[str, Any]:
    converted: dict[str, Any] = {
        "ID": rule["Id"],
        "Status": rule["Status"],
        "Filter": {"Prefix": rule.get("Prefix", "")},
    }
    if "ExpirationInDays" in rule:
        converted["Expiration"] = {"Days": int(rule["ExpirationInDays"])}
    if "AbortIncompleteMultipartUpload" in rule:
        days = int(rule["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"])
        converted["AbortIncompleteMultipartUpload"] = {"DaysAfterInitiation": days}
    return converted


def _create_buckets(template: Template, session: boto3.session.Session, created: LocalResources) -> None:
    s3: Any = session.client("s3")
    for logical_id, resource in template.resources_of_type("AWS::S3::Bucket").items():
        props = template.resolve(resource.get("Properties", {}))
        name = props.get("BucketName", _physical_name(logical_id).lower())
        s3.create_bucket(Bucket=name)
        encryption = props.get("BucketEncryption")
        if encryption:
            rules = [
                {
                    "ApplyServerSideEncryptionByDefault": r["ServerSideEncryptionByDefault"],
                    "BucketKeyEnabled": bool(r.get("BucketKeyEnabled", False)),
                }
                for r in encryption["ServerSideEncryptionConfiguration"]
            ]
            s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": rules})
        if "PublicAccessBlockConfiguration" in props:
            s3.put_public_access_block(
                Bucket=name, PublicAccessBlockConfiguration=props["PublicAccessBlockConfiguration"]
            )
        if "OwnershipControls" in props:
            s3.put_bucket_ownership_controls(Bucket=name, OwnershipControls=props["OwnershipControls"])
        lifecycle = props.get("LifecycleConfiguration")
        if lifecycle:
            s3.put_bucket_lifecycle_configuration(
                Bucket=name,
                LifecycleConfiguration={"Rules": [_lifecycle_rule(r) for r in lifecycle["Rules"]]},
            )
        created.buckets[logical_id] = name
        template.refs[logical_id] = name
        template.attributes[(logical_id, "Arn")] = f"arn:aws:s3:::{name}"
    for resource in template.resources_of_type("AWS::S3::BucketPolicy").values():
        props = template.resolve(resource["Properties"])
        policy = enforceable_locally(props["PolicyDocument"])
        if policy["Statement"]:
            s3.put_bucket_policy(Bucket=props["Bucket"], Policy=json.dumps(policy))


def enforceable_locally(policy: dict[str, Any]) -> dict[str, Any]:
    """The policy without conditional Deny statements.

    moto evaluates bucket policies ignoring their Condition blocks, so the template's TLS-only Deny
    (aws:SecureTransport = false) would deny every local request. On AWS the full policy applies.
    """
    statements = [
        s for s in policy.get("Statement", []) if not (s.get("Effect") == "Deny" and s.get("Condition"))
    ]
    return {**policy, "Statement": statements}


# ---------------------------------------------------------------------------------------------- secrets
def _create_secrets(template: Template, session: boto3.session.Session, created: LocalResources) -> None:
    """Secrets with a generated value, as GenerateSecretString would make them."""
    secretsmanager: Any = session.client("secretsmanager")
    for logical_id, resource in template.resources_of_type("AWS::SecretsManager::Secret").items():
        props = template.resolve(resource.get("Properties", {}))
        length = int(props.get("GenerateSecretString", {}).get("PasswordLength", 32))
        value = secrets.token_urlsafe(length)[:length]
        arn = secretsmanager.create_secret(Name=_physical_name(logical_id), SecretString=value)["ARN"]
        created.secrets[logical_id] = arn
        template.refs[logical_id] = arn


# ---------------------------------------------------------------------------------------------- API keys
def _create_api_keys(
    template: Template,
    session: boto3.session.Session,
    created: LocalResources,
    extra_api_keys: list[str] | tuple[str, ...],
) -> None:
    apigateway: Any = session.client("apigateway")
    for logical_id, resource in template.resources_of_type("AWS::ApiGateway::UsagePlan").items():
        props = template.resolve({k: v for k, v in resource["Properties"].items() if k != "ApiStages"})
        plan = apigateway.create_usage_plan(
            name=props.get("UsagePlanName", _physical_name(logical_id)),
            description=props.get("Description", ""),
            throttle={
                "rateLimit": float(props["Throttle"]["RateLimit"]),
                "burstLimit": int(props["Throttle"]["BurstLimit"]),
            },
            quota={"limit": int(props["Quota"]["Limit"]), "period": props["Quota"]["Period"]},
        )
        created.usage_plan_id = plan["id"]
        template.refs[logical_id] = plan["id"]
    for logical_id, resource in template.resources_of_type("AWS::ApiGateway::ApiKey").items():
        props = template.resolve(resource["Properties"])
        key = apigateway.create_api_key(
            name=props.get("Name", logical_id), value=props["Value"], enabled=bool(props.get("Enabled", True))
        )
        created.api_keys[props["Value"]] = key["id"]
        template.refs[logical_id] = key["id"]
    for resource in template.resources_of_type("AWS::ApiGateway::UsagePlanKey").values():
        props = template.resolve(resource["Properties"])
        apigateway.create_usage_plan_key(
            usagePlanId=props["UsagePlanId"], keyId=props["KeyId"], keyType="API_KEY"
        )
    for index, client_key in enumerate(k for k in extra_api_keys if k):
        value = f"{API_KEY_VALUE_PREFIX}{client_key}"
        if value in created.api_keys:
            continue
        key = apigateway.create_api_key(name=f"local-key-{index + 1}", value=value, enabled=True)
        created.api_keys[value] = key["id"]
        if created.usage_plan_id:
            apigateway.create_usage_plan_key(
                usagePlanId=created.usage_plan_id, keyId=key["id"], keyType="API_KEY"
            )
