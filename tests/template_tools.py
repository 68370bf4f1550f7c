"""template.yaml as `sam deploy` sends it: translated by the SAM translator the SAM CLI uses, plus the little
CloudFormation the template tests evaluate themselves (parameter defaults, Rules, the dependency graph).

Tests read the translated template, not the hand-written one: what the translator adds (roles, managed policies,
event-source mappings, the stage) is what gets deployed.
"""

from __future__ import annotations

import copy
import functools
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from unittest import mock

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE_PATH = ROOT / "template.yaml"
REGION = "us-east-1"

_SUB_VARIABLE = re.compile(r"\$\{([^}!][^}]*)\}")


class _NoManagedPolicyLookup:
    """The translator asks IAM for managed policy ARNs by name; the template names none, so no IAM access."""

    def load(self) -> dict[str, str]:
        return {}


def parse_template(path: Path = TEMPLATE_PATH) -> dict[str, Any]:
    """template.yaml as data, CloudFormation short tags (!Ref, !Sub, ...) in their long form."""
    return dict(yaml_parse(path.read_text()))


@functools.cache
def _translated(path: Path) -> dict[str, Any]:
    template = parse_template(path)
    for name, resource in template["Resources"].items():
        properties = resource.get("Properties", {})
        for key in ("CodeUri", "ContentUri"):  # what `sam package` does: local folders become S3 objects
            if key in properties:
                properties[key] = f"s3://synthdata-artifacts/{name}.zip"
    # The translator builds ARNs for the region of the default boto3 session.
    with mock.patch.dict(os.environ, {"AWS_DEFAULT_REGION": REGION}):
        translated: dict[str, Any] = transform(
            template, {}, _NoManagedPolicyLookup()
        )  # samtranslator: no py.typed
    return translated


def translated_template(path: Path = TEMPLATE_PATH) -> dict[str, Any]:
    """The CloudFormation template the SAM transform makes of template.yaml (a fresh copy per call)."""
    return copy.deepcopy(_translated(path))


def resources_of_type(template: Mapping[str, Any], resource_type: str) -> dict[str, dict[str, Any]]:
    return {name: r for name, r in template["Resources"].items() if r["Type"] == resource_type}


def parameter_defaults(template: Mapping[str, Any]) -> dict[str, str]:
    return {name: str(spec["Default"]) for name, spec in template["Parameters"].items() if "Default" in spec}


def with_parameters(value: Any, parameters: Mapping[str, str]) -> Any:
    """`value` with every {"Ref": <parameter>} replaced by the parameter's value (other intrinsics left as they are)."""
    if isinstance(value, list):
        return [with_parameters(v, parameters) for v in value]
    if isinstance(value, dict):
        if set(value) == {"Ref"} and value["Ref"] in parameters:
            return parameters[value["Ref"]]
        return {k: with_parameters(v, parameters) for k, v in value.items()}
    return value


def logical_id_of(reference: Any) -> str:
    """The logical id a {"Ref": X} or {"Fn::GetAtt": [X, attribute]} points at."""
    if "Ref" in reference:
        return str(reference["Ref"])
    target = reference["Fn::GetAtt"]
    return str(target[0] if isinstance(target, list) else target.split(".", 1)[0])


# ---------------------------------------------------------------------------------------------- Rules
def evaluate_rule_function(expression: Any, parameters: Mapping[str, str]) -> Any:
    """The value of a Rules expression; only the forms template.yaml uses (any other fails loudly)."""
    if isinstance(expression, str | int | float | bool):
        return expression
    if isinstance(expression, dict) and len(expression) == 1:
        ((function, argument),) = expression.items()
        if function == "Ref":
            return parameters[argument]
        if function == "Fn::Equals":
            left, right = (evaluate_rule_function(a, parameters) for a in argument)
            return str(left) == str(right)
        if function == "Fn::Not":
            (inner,) = argument
            return not evaluate_rule_function(inner, parameters)
    raise NotImplementedError(f"the rule evaluator does not know {expression!r}: teach it this form")


def refused_by_rules(template: Mapping[str, Any], overrides: Mapping[str, str]) -> list[str]:
    """The AssertDescriptions CloudFormation would stop a deployment with, for these parameter overrides."""
    parameters = {**parameter_defaults(template), **overrides}
    refusals = []
    for rule in template.get("Rules", {}).values():
        if "RuleCondition" in rule and not evaluate_rule_function(rule["RuleCondition"], parameters):
            continue
        for assertion in rule["Assertions"]:
            if not evaluate_rule_function(assertion["Assert"], parameters):
                refusals.append(str(assertion.get("AssertDescription", "")).strip())
    return refusals


# ---------------------------------------------------------------------------------------------- dependencies
def _references(value: Any, names: set[str], found: set[str]) -> None:
    if isinstance(value, list):
        for item in value:
            _references(item, names, found)
        return
    if not isinstance(value, dict):
        return
    for key, argument in value.items():
        if key == "Ref" and argument in names:
            found.add(argument)
        elif key == "Fn::GetAtt":
            target = argument[0] if isinstance(argument, list) else str(argument).split(".", 1)[0]
            if target in names:
                found.add(target)
        elif key == "Fn::Sub":
            text, variables = (argument[0], argument[1]) if isinstance(argument, list) else (argument, {})
            for variable in _SUB_VARIABLE.findall(str(text)):
                target = variable.split(".", 1)[0]
                if target in names and target not in variables:
                    found.add(target)
            _references(variables, names, found)
        else:
            _references(argument, names, found)


def dependency_graph(template: Mapping[str, Any]) -> dict[str, set[str]]:
    """Each resource -> the resources it needs first (Ref, Fn::GetAtt, Fn::Sub, DependsOn), as CloudFormation
    orders them."""
    resources = template["Resources"]
    names = set(resources)
    graph: dict[str, set[str]] = {}
    for name, resource in resources.items():
        found: set[str] = set()
        _references(resource.get("Properties", {}), names, found)
        depends_on = resource.get("DependsOn", [])
        found.update([depends_on] if isinstance(depends_on, str) else depends_on)
        graph[name] = found
    return graph


def find_cycle(graph: Mapping[str, set[str]]) -> list[str] | None:
    """One dependency cycle (its resources, the first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for after in sorted(graph.get(node, ())):
            if state.get(after) == 1:
                return [*path[path.index(after) :], after]
            if after not in state and (cycle := visit(after)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None
