"""REQUEST authorizer: the API key from X-API-Key or ?api_key, checked against the usage plan's keys.

No key -> "Unauthorized" (API Gateway answers 401); unknown or disabled key -> Deny (403); a valid key ->
Allow with usageIdentifierKey, so the usage plan meters and throttles it (ApiKeySourceType: AUTHORIZER).
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.typing import LambdaContext

from synthdata.adapters.apigateway_keys import usage_plan_keys
from synthdata.auth import ApiKeyDirectory, allow, deny, presented_key
from synthdata.settings import get_settings

logger = Logger()
keys = ApiKeyDirectory(usage_plan_keys(get_settings().usage_plan()))  # fails at init without USAGE_PLAN_ID


@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    method_arn = event["methodArn"]
    key_value = presented_key(event.get("headers"), event.get("queryStringParameters"))
    if not key_value:
        logger.info("request without an API key", extra={"path": event.get("path")})
        raise Exception("Unauthorized")
    key = keys.find(key_value)
    if key is None:
        logger.info("unknown or disabled API key", extra={"path": event.get("path")})
        return deny(method_arn)
    logger.append_keys(owner=key.id)
    return allow(key, method_arn)
