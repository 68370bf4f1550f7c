"""The local resources are exactly those template.yaml declares, with their settings."""

from __future__ import annotations

import json

import boto3

from local.resources import LocalResources, enforceable_locally
from local.template import load_template
from synthdata.auth import API_KEY_VALUE_PREFIX
from tests.conftest import DEV_API_KEY, OTHER_API_KEY


def test_every_stateful_resource_of_the_template_exists(aws_resources: LocalResources) -> None:
    template = load_template()
    assert set(aws_resources.tables) == set(template.resources_of_type("AWS::DynamoDB::Table"))
    assert set(aws_resources.queues) == set(template.resources_of_type("AWS::SQS::Queue"))
    assert set(aws_resources.buckets) == set(template.resources_of_type("AWS::S3::Bucket"))


def test_jobs_table_has_indexes_ttl_and_recovery(aws_resources: LocalResources) -> None:
    dynamodb = boto3.client("dynamodb")
    name = aws_resources.tables["JobsTable"]
    table = dynamodb.describe_table(TableName=name)["Table"]
    assert {i["IndexName"] for i in table["GlobalSecondaryIndexes"]} == {
        "by-owner",
        "by-owner-status",
        "active-by-deadline",
    }
    ttl = dynamodb.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
    assert ttl == {"TimeToLiveStatus": "ENABLED", "AttributeName": "expires_at_epoch"}
    backups = dynamodb.describe_continuous_backups(TableName=name)["ContinuousBackupsDescription"]
    assert backups["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"] == "ENABLED"


def test_work_queue_redrives_to_its_dead_letter_queue(aws_resources: LocalResources) -> None:
    attributes = boto3.client("sqs").get_queue_attributes(
        QueueUrl=aws_resources.queues["WorkQueue"], AttributeNames=["All"]
    )["Attributes"]
    redrive = json.loads(attributes["RedrivePolicy"])
    assert redrive["deadLetterTargetArn"] == aws_resources.queue_arns["WorkDeadLetterQueue"]
    assert int(redrive["maxReceiveCount"]) == 5
    assert attributes["VisibilityTimeout"] == "1800"


def test_bucket_is_private_encrypted_with_lifecycle(aws_resources: LocalResources) -> None:
    s3 = boto3.client("s3")
    bucket = aws_resources.buckets["DataBucket"]
    block = s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
    assert all(block.values())
    rules = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
    assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    lifecycle = {r["ID"]: r for r in s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]}
    assert lifecycle["ExpireGeneratedFiles"]["Expiration"]["Days"] == 7
    assert lifecycle["AbortIncompleteUploads"]["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"] == 1
    # moto ignores policy conditions, so the TLS-only Deny is left out locally; the template keeps it.
    template_policy = load_template().resources["DataBucketPolicy"]["Properties"]["PolicyDocument"]
    assert template_policy["Statement"][0]["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    assert enforceable_locally(template_policy)["Statement"] == []


def test_api_keys_are_in_the_usage_plan(aws_resources: LocalResources) -> None:
    keys = boto3.client("apigateway").get_usage_plan_keys(usagePlanId=aws_resources.usage_plan_id)["items"]
    assert {k["value"] for k in keys} == {
        API_KEY_VALUE_PREFIX + DEV_API_KEY,
        API_KEY_VALUE_PREFIX + OTHER_API_KEY,
    }
    plan = boto3.client("apigateway").get_usage_plan(usagePlanId=aws_resources.usage_plan_id)
    assert plan["throttle"] == {"rateLimit": 50.0, "burstLimit": 100}
    assert plan["quota"]["limit"] == 10000
