"""REQUEST authorizer: the API key from X-API-Key or ?api_key, checked against the usage plan's keys.

No key -> "Unauthorized" (API Gateway answers 401); unknown or disabled key -> Deny (403); a valid key ->
Allow with usageIdentifierKey, so the usage plan meters and throttles it (ApiKeySourceType: AUTHORIZER).
"""

from __future__ import annotations

import os
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.typing import LambdaContext

from synthdata.auth import ApiKeyDirectory, allow, deny, presented_key

logger = Logger()
_directory: ApiKeyDirectory | None = None


def _keys() -> ApiKeyDirectory:
    global _directory
    if _directory is None:
        _directory = ApiKeyDirectory(os.environ["USAGE_PLAN_ID"])
    return _directory


@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    method_arn = event["methodArn"]
    key_value = presented_key(event.get("headers"), event.get("queryStringParameters"))
    if not key_value:
        logger.info("request without an API key", extra={"path": event.get("path")})
        raise Exception("Unauthorized")
    key = _keys().find(key_value)
    if key is None:
        logger.info("unknown or disabled API key", extra={"path": event.get("path")})
        return deny(method_arn)
    logger.append_keys(owner=key.id)
    return allow(key, method_arn)
