"""Invoke a template's Lambda handlers in this process, the way SAM's container runner would from outside.

SAM CLI's LocalApigwService calls `runner.invoke(name, event_json, stdout=..., stderr=...)` and reads the
function's JSON answer from stdout. This runner imports each handler once from its CodeUri (a warm
container keeps module state the same way) and writes what Lambda would return: the handler's value, or
Lambda's error object when it raises.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from local.template import Template

Handler = Callable[[dict[str, Any], Any], Any]


class AuthorizerRefused(Exception):
    """The authorizer raised "Unauthorized": API Gateway's signal for a 401."""


@dataclass
class LambdaContext:
    """What handlers read from the Lambda context object."""

    function_name: str
    memory_limit_in_mb: int
    timeout_seconds: int
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    invoked_function_arn: str = ""
    log_group_name: str = ""
    log_stream_name: str = "local"
    function_version: str = "$LATEST"
    _started: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.invoked_function_arn = f"arn:aws:lambda:us-east-1:123456789012:function:{self.function_name}"
        self.log_group_name = f"/aws/lambda/{self.function_name}"

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self.timeout_seconds - (time.monotonic() - self._started)) * 1000))


def load_function(template: Template, logical_id: str) -> Handler:
    """Import a function's handler from its CodeUri under a unique module name (every handler is `app`)."""
    code_dir, module_name, function_name = template.function_handler(logical_id)
    unique = f"synthdata_local_{logical_id}"
    module: ModuleType | None = sys.modules.get(unique)
    if module is None:
        spec = importlib.util.spec_from_file_location(
            unique, code_dir / f"{module_name.replace('.', '/')}.py"
        )
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load {logical_id} from {code_dir}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[unique] = module
        spec.loader.exec_module(module)
    handler: Handler = getattr(module, function_name)
    return handler


def context_for(template: Template, logical_id: str) -> LambdaContext:
    props = template.resources[logical_id].get("Properties", {})
    memory = props.get(
        "MemorySize", template.body.get("Globals", {}).get("Function", {}).get("MemorySize", 128)
    )
    return LambdaContext(logical_id, int(memory), template.function_timeout(logical_id))


class InProcessRunner:
    """The `lambda_runner` SAM's LocalApigwService expects, backed by imported handlers."""

    def __init__(self, template: Template, authorizers: set[str]) -> None:
        self._template = template
        self._authorizers = authorizers
        self._handlers: dict[str, Handler] = {}
        self._lock = threading.Lock()

    def is_debugging(self) -> bool:
        return False

    def warm(self, names: set[str]) -> None:
        """Import handlers now, like containers that are already initialised when traffic arrives."""
        for name in sorted(names):
            self._handler(name)

    def _handler(self, name: str) -> Handler:
        with self._lock:  # imports are not thread-safe; invocations are
            if name not in self._handlers:
                self._handlers[name] = load_function(self._template, name)
            return self._handlers[name]

    def invoke(
        self, function_identifier: str, event: str, stdout: Any = None, stderr: Any = None, **_: Any
    ) -> None:
        name = function_identifier.split(":")[-1]
        handler = self._handler(name)
        try:
            result = handler(json.loads(event), context_for(self._template, name))
        except Exception as error:
            if name in self._authorizers and str(error) == "Unauthorized":
                raise AuthorizerRefused from error
            if stderr is not None:
                stderr.write_str(traceback.format_exc())
            result = {"errorMessage": str(error), "errorType": type(error).__name__}
        if stdout is not None:
            stdout.write_str(json.dumps(result))
