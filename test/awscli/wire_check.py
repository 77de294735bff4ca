"""Checks raw AWS answers against the installed botocore's output shapes.

botocore's parsers drop what the model does not name, so a member the emulator spells wrong
parses as "absent" and the CLI still exits 0. This walks the raw body (as `aws --debug` logs it)
against the operation's output shape and names every element or key the model does not have,
and every scalar that does not read as its type or enum.

stdin: JSON list of {"id", "service", "operation", "debug"} ("debug" is the CLI's stderr).
stdout: JSON {id: [problems]}. The model is read from botocore at run time, never copied.
"""
import ast
import base64
import json
import re
import sys
import xml.etree.ElementTree as ET

import botocore.session

BODY = re.compile(r"botocore\.parsers - DEBUG - Response body:\n(b(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"))")
session = botocore.session.get_session()


def raw_body(debug):
    bodies = BODY.findall(debug)
    if not bodies:
        return None
    return ast.literal_eval(bodies[-1]).decode("utf-8")


def local(tag):
    return tag.split("}", 1)[-1]


def scalar_problem(shape, text, where):
    t = shape.type_name
    if t in ("integer", "long"):
        if not re.fullmatch(r"-?\d+", text.strip()):
            return f"{where}: {text!r} is not an {t}"
    elif t in ("double", "float"):
        try:
            float(text)
        except ValueError:
            return f"{where}: {text!r} is not a {t}"
    elif t == "boolean":
        if text not in ("true", "false"):
            return f"{where}: {text!r} is not a boolean"
    elif t == "blob":
        try:
            base64.b64decode(text, validate=True)
        except Exception:
            return f"{where}: {text!r} is not base64"
    elif t == "string" and shape.enum and text not in shape.enum:
        return f"{where}: {text!r} is not one of the model's values {shape.enum}"
    return None


def walk_xml(shape, el, where, problems, ec2):
    t = shape.type_name
    if t == "structure":
        by_name = {}
        for name, m in shape.members.items():
            if m.serialization.get("location") in ("header", "headers", "statusCode"):
                continue
            wire = m.serialization.get("name") or name
            by_name[wire] = m
            # ec2 answers use the member's locationName; query answers its name or locationName.
            if not ec2:
                by_name[name] = m
        for child in el:
            tag = local(child.tag)
            m = by_name.get(tag)
            if m is None:
                if tag not in ("requestId", "ResponseMetadata", "RequestId"):
                    problems.append(f"{where}.{tag}: not a member of {shape.name}")
                continue
            if m.type_name == "list" and m.serialization.get("flattened"):
                walk_xml(m.member, child, f"{where}.{tag}[]", problems, ec2)
            else:
                walk_xml(m, child, f"{where}.{tag}", problems, ec2)
    elif t == "list":
        item = shape.member.serialization.get("name") or "member"
        allowed = {item, "member"} if not ec2 else {item, "item"}
        for i, child in enumerate(el):
            tag = local(child.tag)
            if tag not in allowed:
                problems.append(f"{where}: list item <{tag}>, the model says <{item}>")
                continue
            walk_xml(shape.member, child, f"{where}[{i}]", problems, ec2)
    elif t == "map":
        for child in el:
            walk_xml(shape.value, child.find("value") if child.find("value") is not None else child, f"{where}{{}}", problems, ec2)
    else:
        p = scalar_problem(shape, el.text or "", where)
        if p:
            problems.append(p)


def walk_json(shape, value, where, problems):
    t = shape.type_name
    if value is None:
        return
    if t == "structure":
        if not isinstance(value, dict):
            problems.append(f"{where}: a {type(value).__name__} where the model has a structure")
            return
        by_name = {}
        for name, m in shape.members.items():
            if m.serialization.get("location") in ("header", "headers", "statusCode", "uri", "querystring"):
                continue
            by_name[m.serialization.get("name") or name] = m
        for key, v in value.items():
            m = by_name.get(key)
            if m is None:
                problems.append(f"{where}.{key}: not a member of {shape.name}")
                continue
            walk_json(m, v, f"{where}.{key}", problems)
    elif t == "list":
        if not isinstance(value, list):
            problems.append(f"{where}: a {type(value).__name__} where the model has a list")
            return
        for i, v in enumerate(value):
            walk_json(shape.member, v, f"{where}[{i}]", problems)
    elif t == "map":
        if not isinstance(value, dict):
            problems.append(f"{where}: a {type(value).__name__} where the model has a map")
            return
        for k, v in value.items():
            walk_json(shape.value, v, f"{where}{{{k}}}", problems)
    elif t in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{where}: {value!r} is not an {t}")
    elif t in ("double", "float"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            problems.append(f"{where}: {value!r} is not a {t}")
    elif t == "boolean":
        if not isinstance(value, bool):
            problems.append(f"{where}: {value!r} is not a boolean")
    elif t == "timestamp":
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            problems.append(f"{where}: {value!r} is not a timestamp")
    elif t in ("string", "blob"):
        if not isinstance(value, str):
            problems.append(f"{where}: {value!r} is not a string")
        else:
            p = scalar_problem(shape, value, where)
            if p:
                problems.append(p)


def check(service, operation, body):
    model = session.get_service_model(service)
    op = model.operation_model(operation)
    out = op.output_shape
    problems = []
    if out is None:
        return problems
    protocol = model.metadata["protocol"]
    if protocol in ("query", "ec2"):
        root = ET.fromstring(body)
        if local(root.tag) != f"{operation}Response":
            problems.append(f"root <{local(root.tag)}>, expected <{operation}Response>")
        node = root
        if protocol == "query":
            wrapper = op.output_shape.serialization.get("resultWrapper") or f"{operation}Result"
            node = next((c for c in root if local(c.tag) == wrapper), None)
            if node is None:
                problems.append(f"no <{wrapper}> in the answer")
                return problems
        walk_xml(out, node, operation, problems, protocol == "ec2")
    else:
        walk_json(out, json.loads(body) if body.strip() else {}, operation, problems)
    return problems


def main():
    results = {}
    for item in json.load(sys.stdin):
        body = raw_body(item["debug"])
        if body is None:
            results[item["id"]] = ["no response body in the CLI's debug log"]
            continue
        try:
            results[item["id"]] = check(item["service"], item["operation"], body)
        except Exception as e:  # a body the walk cannot read is itself a finding
            results[item["id"]] = [f"unreadable answer: {e}"]
    json.dump(results, sys.stdout)


main()
