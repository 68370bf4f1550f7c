"""template.yaml as data: parsed with the SAM CLI's own YAML loader, parameters and intrinsics resolved locally.

The local stack and the tests read everything from here so that template.yaml stays the one source of truth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samcli.yamlhelper import yaml_parse

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE_PATH = ROOT / "template.yaml"

_SUB_VARIABLE = re.compile(r"\$\{([^}]+)\}")


@dataclass
class Template:
    """A parsed SAM template plus a map from logical ids to the local physical values of Ref / GetAtt."""

    body: dict[str, Any]
    path: Path = TEMPLATE_PATH
    parameter_overrides: dict[str, str] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    attributes: dict[tuple[str, str], str] = field(default_factory=dict)
    region: str = "us-east-1"
    account_id: str = "123456789012"

    @property
    def resources(self) -> dict[str, dict[str, Any]]:
        return dict(self.body.get("Resources", {}))

    def resources_of_type(self, resource_type: str) -> dict[str, dict[str, Any]]:
        return {name: res for name, res in self.resources.items() if res.get("Type") == resource_type}

    def parameter(self, name: str) -> str:
        """A parameter's override, else its default."""
        if name in self.parameter_overrides:
            return self.parameter_overrides[name]
        spec = self.body.get("Parameters", {}).get(name)
        if spec is None or "Default" not in spec:
            raise KeyError(f"template parameter {name} has no value")
        return str(spec["Default"])

    def resolve(self, value: Any) -> Any:
        """Resolve Ref, Fn::GetAtt, Fn::Sub and pseudo parameters against the local values."""
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            ((key, arg),) = value.items()
            if key == "Ref":
                return self._ref(str(arg))
            if key == "Fn::GetAtt":
                logical, attribute = arg if isinstance(arg, list) else str(arg).split(".", 1)
                return self._get_att(logical, attribute)
            if key == "Fn::Sub":
                return self._sub(arg)
        return {k: self.resolve(v) for k, v in value.items()}

    def _ref(self, name: str) -> str:
        pseudo = {
            "AWS::Region": self.region,
            "AWS::AccountId": self.account_id,
            "AWS::Partition": "aws",
            "AWS::URLSuffix": "amazonaws.com",
            "AWS::StackName": "synthdata-local",
        }
        if name in pseudo:
            return pseudo[name]
        if name in self.refs:
            return self.refs[name]
        if name in self.body.get("Parameters", {}):
            return self.parameter(name)
        raise KeyError(f"no local value for Ref {name}")

    def _get_att(self, logical: str, attribute: str) -> str:
        try:
            return self.attributes[(logical, attribute)]
        except KeyError:
            raise KeyError(f"no local value for Fn::GetAtt {logical}.{attribute}") from None

    def _sub(self, arg: Any) -> str:
        text, variables = (arg[0], arg[1]) if isinstance(arg, list) else (arg, {})

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in variables:
                return str(self.resolve(variables[name]))
            if "." in name:
                logical, attribute = name.split(".", 1)
                return self._get_att(logical, attribute)
            return self._ref(name)

        return _SUB_VARIABLE.sub(replace, str(text))

    def function_environment(self, logical_id: str) -> dict[str, str]:
        """The environment a function gets: Globals merged with its own variables, resolved locally."""
        merged: dict[str, Any] = dict(
            self.body.get("Globals", {}).get("Function", {}).get("Environment", {}).get("Variables", {})
        )
        own = self.resources[logical_id].get("Properties", {}).get("Environment", {}).get("Variables", {})
        merged.update(own)
        return {name: str(self.resolve(value)) for name, value in merged.items()}

    def function_handler(self, logical_id: str) -> tuple[Path, str, str]:
        """(code folder, module name, function name) of a function, from CodeUri and Handler."""
        props = self.resources[logical_id]["Properties"]
        module, _, func = str(props["Handler"]).rpartition(".")
        return self.path.parent / str(props["CodeUri"]), module, func

    def function_timeout(self, logical_id: str) -> int:
        props = self.resources[logical_id].get("Properties", {})
        default = self.body.get("Globals", {}).get("Function", {}).get("Timeout", 3)
        return int(props.get("Timeout", default))


def load_template(path: Path = TEMPLATE_PATH, parameter_overrides: dict[str, str] | None = None) -> Template:
    """Parse template.yaml (CloudFormation short-form tags included)."""
    body = yaml_parse(path.read_text())
    return Template(body=body, path=path, parameter_overrides=dict(parameter_overrides or {}))
