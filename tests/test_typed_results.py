"""Tool results are read as their models in agent/ and ui/, never by string key (issue #11).

A result leaves tools/ typed, travels as plain data (the checkpoint, the UI's state) and is re-validated
into its model (tools.registry.load_artifact, ui.results.typed_result) where it is read, so renaming a
result's field fails in mypy rather than in an answer, a table or a download.

The check parses every module of agent/ and ui/ and fails on `x["field"]` or `x.get("field", ...)`
(a string constant) where `x` holds a whole tool result as plain data. Within a function, `x` does when:

- it is the result parameter (the first) of a skill's composer, a function a `Skill(composers={...})`
  of the same module lists;
- a loop or comprehension binds it by iterating a turn's artifacts: `for a in turn.artifacts`,
  `(a for a in reversed(self.artifacts))`, the artifacts' side of `zip(calls, artifacts)`;
- it is assigned a tool message's or a record's plain data (`x = msg.artifact if … else …`,
  `x = dict(event.artifact or {})`, `x = record.data`), the dict an artifact-returning call gives
  (`x = turn.artifact("scene")`), or the first artifact a generator over artifacts yields
  (`x = next((a for a in artifacts if …), None)`), or the artifact of `content, x = run_tool(…)`;

and on `record.data["field"]`, `msg.artifact.get("field")` and `by_kind["scene"].get("field")`, where
`by_kind` is a dict comprehension whose values are artifacts. A result's rows are models too (a call
sheet's scenes, an overview's documents): no result model declares a list of plain dicts.

Before #11 it would have caught, among others: `kind = a.get("error")` in the error composer
(agent/skills/small_talk.py), `a.get("kind") == "breakdown" for a in artifacts` in agent/compose.py,
`offer["nearest"]` after `offer = next((a for a in reversed(previous.artifacts) …))` in agent/planner.py,
`report = previous.artifact("character"); report.get("shared_with")` there too, and
`record.data.get("message")` in ui/handlers.py.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("agent", "ui")
# Attributes holding a whole result as plain data: ToolMessage.artifact, ArtifactRecord.data.
PLAIN_DATA_ATTRIBUTES = frozenset({"artifact", "data"})


@dataclass(frozen=True)
class Read:
    module: str
    function: str
    line: int
    text: str


def _is_artifacts(node: ast.expr) -> bool:
    """`artifacts`, `turn.artifacts`, or either inside reversed()/list()/sorted()."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("reversed", "list", "sorted")
    ):
        return bool(node.args) and _is_artifacts(node.args[0])
    if isinstance(node, ast.Name):
        return node.id == "artifacts"
    return isinstance(node, ast.Attribute) and node.attr == "artifacts"


def _bound_by_iterating(target: ast.expr, iterable: ast.expr) -> set[str]:
    """Names a `for target in iterable` binds to one artifact each."""
    if _is_artifacts(iterable) and isinstance(target, ast.Name):
        return {target.id}
    if (
        isinstance(iterable, ast.Call)
        and isinstance(iterable.func, ast.Name)
        and iterable.func.id == "zip"
        and isinstance(target, ast.Tuple)
    ):
        return {
            t.id
            for t, source in zip(target.elts, iterable.args, strict=False)
            if isinstance(t, ast.Name) and _is_artifacts(source)
        }
    return set()


def _plain_data(node: ast.expr) -> bool:
    """An expression whose value is a result's plain data: `msg.artifact`, `record.data`,
    `dict(event.artifact or {})`, `x.artifact(kind)`, or either branch of a conditional."""
    if isinstance(node, ast.Attribute):
        return node.attr in PLAIN_DATA_ATTRIBUTES
    if isinstance(node, ast.IfExp):
        return _plain_data(node.body) or _plain_data(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(_plain_data(v) for v in node.values)
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Attribute) and node.func.attr == "artifact":
            return True
        if isinstance(node.func, ast.Name) and node.func.id == "dict" and node.args:
            return _plain_data(node.args[0])
        if isinstance(node.func, ast.Name) and node.func.id == "next" and node.args:
            gen = node.args[0]
            return (
                isinstance(gen, ast.GeneratorExp)
                and isinstance(gen.elt, ast.Name)
                and gen.elt.id in _comprehension_names(gen)
            )
    return False


def _runs_a_tool(node: ast.expr) -> bool:
    """`run_tool(...)` (agent.toolkit): returns the model's text and the result's plain data."""
    func = node.func if isinstance(node, ast.Call) else None
    return (isinstance(func, ast.Name) and func.id == "run_tool") or (
        isinstance(func, ast.Attribute) and func.attr == "run_tool"
    )


def _comprehension_names(node: ast.GeneratorExp | ast.ListComp | ast.SetComp | ast.DictComp) -> set[str]:
    names: set[str] = set()
    for comp in node.generators:
        names |= _bound_by_iterating(comp.target, comp.iter)
    return names


def _result_names(
    function: ast.FunctionDef | ast.AsyncFunctionDef, composers: set[str]
) -> tuple[set[str], set[str]]:
    """The names holding a whole result in this function, and the names of dicts of results by kind."""
    names: set[str] = set()
    maps: set[str] = set()
    if function.name in composers and function.args.args:
        names.add(function.args.args[0].arg)
    for node in ast.walk(function):
        if isinstance(node, (ast.For, ast.AsyncFor)):
            names |= _bound_by_iterating(node.target, node.iter)
        elif isinstance(node, (ast.GeneratorExp, ast.ListComp, ast.SetComp, ast.DictComp)):
            names |= _comprehension_names(node)
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            plain = _plain_data(node.value)
            by_kind = (
                isinstance(node.value, ast.DictComp)
                and isinstance(node.value.value, ast.Name)
                and (node.value.value.id in _comprehension_names(node.value))
            )
            if _runs_a_tool(node.value) and isinstance(targets[0], ast.Tuple):
                last = targets[0].elts[-1]
                names |= {last.id} if isinstance(last, ast.Name) else set()
            for target in targets:
                if isinstance(target, ast.Name) and plain:
                    names.add(target.id)
                if isinstance(target, ast.Name) and by_kind:
                    maps.add(target.id)
    return names, maps


def _holds_result(node: ast.expr, names: set[str], maps: set[str]) -> bool:
    if isinstance(node, ast.Name):
        return node.id in names
    if isinstance(node, ast.Attribute):
        return node.attr in PLAIN_DATA_ATTRIBUTES
    return isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in maps


def _string_key(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _composers(tree: ast.Module) -> set[str]:
    """Functions a `Skill(..., composers={kind: function})` of this module lists."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Skill":
            for keyword in node.keywords:
                if keyword.arg == "composers" and isinstance(keyword.value, ast.Dict):
                    found |= {v.id for v in keyword.value.values if isinstance(v, ast.Name)}
    return found


def string_key_reads(source: str, module: str) -> list[Read]:
    """Every read of a tool result by string key in one module's source (see the module docstring)."""
    tree = ast.parse(source)
    composers = _composers(tree)
    reads: dict[tuple[int, int], Read] = {}
    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    for function in functions:
        names, maps = _result_names(function, composers)
        for node in ast.walk(function):
            receiver = None
            if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and _string_key(node.slice):
                receiver = node.value
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "get"
                and node.args
                and _string_key(node.args[0])
            ):
                receiver = node.func.value
            if receiver is not None and _holds_result(receiver, names, maps):
                key = (node.lineno, node.col_offset)
                # A nested function is walked with its outer one too: the innermost name wins.
                reads[key] = Read(module, function.name, node.lineno, ast.unparse(node))
    return sorted(reads.values(), key=lambda r: (r.line, r.text))


def _all_reads() -> list[Read]:
    reads = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            module = path.relative_to(ROOT).as_posix()
            reads += string_key_reads(path.read_text(encoding="utf-8"), module)
    return reads


def test_agent_and_ui_read_tool_results_as_models_not_by_string_key() -> None:
    found = [f"{r.module}:{r.line} in {r.function}: {r.text}" for r in _all_reads()]
    assert not found, "read the result's model (tools.registry.load_artifact) instead:\n" + "\n".join(found)


def test_no_result_model_keeps_its_rows_as_plain_dicts() -> None:
    import typing

    from tools.registry import all_tools

    plain = sorted(
        {
            f"{spec.result_model.__name__}.{name}"
            for spec in all_tools().values()
            for name, field in spec.result_model.model_fields.items()
            if typing.get_origin(field.annotation) is list
            and any(
                arg is dict or typing.get_origin(arg) is dict for arg in typing.get_args(field.annotation)
            )
        }
    )
    assert not plain, f"give these rows a model: {plain}"


def test_the_check_finds_each_kind_of_read_and_nothing_else() -> None:
    source = """
from agent.skills.base import Skill

def _error(a, u, lex):
    kind = a.get("error")              # a composer's result
    return str(a["message"]) + kind

def compose(turn, calls, artifacts):
    if any(a.get("kind") == "search" for a in turn.artifacts):   # iterating artifacts
        pass
    for call, artifact in zip(calls, artifacts):                 # zip's artifacts side
        call.get("args")                                         # a tool call: not a result
        artifact["kind"]
    offer = next((a for a in reversed(turn.artifacts) if a), None)
    offer["nearest"]
    report = turn.artifact("character")
    report.get("name")
    by_kind = {str(a.kind): a for a in artifacts}
    by_kind["scene"].get("scene")                                # the map by kind is fine, its value is not
    data = record.data
    data["sources"]
    msg.artifact.get("seconds")
    _, ran = run_tool(spec, production, {})
    ran.get("files")
    result = load_artifact(artifact)
    result.kind                                                  # typed: fine
    prior = {"args": {}}["args"]                                 # not a result
    settings = {"a": 1}
    settings.get("a")

SKILL = Skill(name="x", composers={"error": _error})
"""
    found = [(r.function, r.text) for r in string_key_reads(source, "example.py")]
    assert found == [
        ("_error", "a.get('error')"),
        ("_error", "a['message']"),
        ("compose", "a.get('kind')"),
        ("compose", "artifact['kind']"),
        ("compose", "offer['nearest']"),
        ("compose", "report.get('name')"),
        ("compose", "by_kind['scene'].get('scene')"),
        ("compose", "data['sources']"),
        ("compose", "msg.artifact.get('seconds')"),
        ("compose", "ran.get('files')"),
    ]


def test_an_artifact_comes_back_as_the_model_its_tool_returned_or_as_its_error(sample_dir: Path) -> None:
    from agent.toolkit import run_tool
    from knowledge.production import Production
    from tools.registry import ToolError, get_tool, load_artifact
    from tools.script_lookup import SceneDetail

    production = Production.from_files(sample_dir / "night_shift.fountain")
    _, found = run_tool(get_tool("scene_details"), production, {"scene": "1"})
    result = load_artifact(found)
    assert isinstance(result, SceneDetail) and result.scene.number == "1"
    _, missing = run_tool(get_tool("scene_details"), production, {"scene": "999"})
    error = load_artifact(missing)
    assert isinstance(error, ToolError) and error.error == "SceneNotFound" and error.value == "999"
    assert error.tool == "scene_details"
    assert load_artifact({"kind": "scenes", "tool": "no_such_tool"}) is None
    assert load_artifact({"kind": "scenes", "tool": "find_scenes", "scenes": "not rows"}) is None
