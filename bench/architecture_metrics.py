"""The architecture figures of issue 11, measured from the source alone (stdlib: ast, tokenize, pathlib).

    python bench/architecture_metrics.py [ROOT]      # ROOT: a checkout (default: the current folder)

Prints a Markdown report over the product code (domain/, application/, web/, schedules/, giamngheo/; tests
excluded): files per folder, import arrows inside application/ and its floors, function sizes per layer,
modules over 200 lines, catch_up() call sites, `# type: ignore` comments, the Ledger's shape, and every code
site each legal rule is mentioned at (regex probes, printed so a reader can check them).

Definitions (the same before and after the restructure, so the figures compare):
- a function's size is the lines from its `def` to its last line (docstring included, decorators not);
  nested functions and methods count as functions of their own;
- p90 is the nearest-rank 90th percentile;
- an import arrow is a distinct (importer, imported) pair of application modules, from `import application.x`,
  `from application.x import y` (to application.x.y when that is a module, else to application.x) and relative
  imports; arrows under `if TYPE_CHECKING:` are counted but left out of the floors and the cycles;
- floors: the modules on the longest chain of runtime import arrows (each module sits one floor above the
  highest module it imports); a cycle is a strongly connected group of modules.
"""

from __future__ import annotations

import ast
import io
import math
import re
import statistics
import sys
import tokenize
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PRODUCT = ("domain", "application", "web", "schedules", "giamngheo")
BIG_MODULE = 200


@dataclass
class Module:
    name: str  # dotted, e.g. application.views.projector (a package is its __init__)
    path: Path
    relative: str  # e.g. application/views/projector.py
    source: str
    tree: ast.Module
    lines: int = 0
    functions: list[tuple[str, int, int]] = field(default_factory=list)  # (qualified name, line, size)


def load(root: Path) -> dict[str, Module]:
    modules = {}
    for top in PRODUCT:
        for path in sorted((root / top).rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            relative = path.relative_to(root).as_posix()
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            source = path.read_text(encoding="utf-8")
            module = Module(".".join(parts), path, relative, source, ast.parse(source, relative))
            module.lines = len(source.splitlines())
            module.functions = functions_of(module.tree)
            modules[module.name] = module
    return modules


def functions_of(tree: ast.AST) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{prefix}{child.name}"
                found.append((name, child.lineno, (child.end_lineno or child.lineno) - child.lineno + 1))
                visit(child, f"{name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(tree, "")
    return found


# ---------------------------------------------------------------------------------------------- folders


def folders(root: Path) -> list[tuple[str, int, int, int]]:
    """(folder, Python modules, other files, lines of Python) for every folder of the product code."""
    rows = []
    for top in PRODUCT:
        for folder in sorted([root / top, *(p for p in (root / top).rglob("*") if p.is_dir())]):
            if "__pycache__" in folder.parts:
                continue
            files = [p for p in folder.iterdir() if p.is_file() and p.suffix != ".pyc"]
            python = [p for p in files if p.suffix == ".py"]
            lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in python)
            rows.append((folder.relative_to(root).as_posix() + "/", len(python), len(files) - len(python), lines))
    return rows


# ---------------------------------------------------------------------------------------------- imports


def type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def import_arrows(
    modules: dict[str, Module], module_level: set[tuple[str, str]], inside: str = "application"
) -> dict[tuple[str, str], bool]:
    """(importer, imported) → whether the arrow exists at run time (not only under TYPE_CHECKING); the arrows
    with an import outside any function are added to `module_level`."""
    arrows: dict[tuple[str, str], bool] = {}
    names = set(modules)
    for module in modules.values():
        if not (module.name == inside or module.name.startswith(inside + ".")):
            continue
        is_package = module.path.name == "__init__.py"
        guarded = type_checking_lines(module.tree)
        lazy = {
            line
            for node in ast.walk(module.tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1)
        }
        for node in ast.walk(module.tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    package = module.name.split(".")
                    if not is_package:
                        package = package[:-1]
                    package = package[: len(package) - (node.level - 1)]
                    base = ".".join(package + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                for alias in node.names:
                    candidate = f"{base}.{alias.name}"
                    targets.append(candidate if candidate in names else base)
            else:
                continue
            runtime = node.lineno not in guarded
            for target in targets:
                while target and target not in names:  # `import application.x.y as z` names application.x.y
                    target = target.rpartition(".")[0]
                if not target or target == module.name:
                    continue
                if not (target == inside or target.startswith(inside + ".")):
                    continue
                arrows[(module.name, target)] = arrows.get((module.name, target), False) or runtime
                if node.lineno not in lazy:
                    module_level.add((module.name, target))
    return arrows


def strongly_connected(nodes: set[str], edges: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = [0]

    def connect(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            groups.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for node in sorted(nodes):
        if node not in index:
            connect(node)
    return groups


def floors(nodes: set[str], edges: dict[str, set[str]]) -> tuple[int, list[str], list[list[str]]]:
    """Floors of the condensed graph (a cycle counts as one floor), the longest chain, and the cycles."""
    groups = strongly_connected(nodes, edges)
    group_of = {member: n for n, group in enumerate(groups) for member in group}
    below: dict[int, set[int]] = defaultdict(set)
    for source, targets in edges.items():
        for target in targets:
            if group_of[source] != group_of[target]:
                below[group_of[source]].add(group_of[target])
    height: dict[int, int] = {}
    chain: dict[int, list[int]] = {}

    def climb(group: int) -> int:
        if group not in height:
            best: list[int] = []
            for lower in sorted(below[group]):
                climb(lower)
                if len(chain[lower]) > len(best):
                    best = chain[lower]
            chain[group] = [group, *best]
            height[group] = len(chain[group])
        return height[group]

    top = max(groups and range(len(groups)), key=climb, default=None)
    if top is None:
        return 0, [], []
    longest = [" ⇄ ".join(groups[g]) for g in chain[top]]
    return height[top], longest, [g for g in groups if len(g) > 1]


# ---------------------------------------------------------------------------------------------- sizes


PROJECTIONS = "projections: application/views, application/readmodels and every *projector* module"


def layer_of(module: Module) -> list[str]:
    parts = module.name.split(".")
    layers = [parts[0]]
    if parts[0] == "application" and len(parts) > 2:
        layers.append(f"application/{parts[1]}")
    if parts[0] == "application" and len(parts) > 1 and parts[1] in ("views", "readmodels"):
        layers.append("application/views or application/readmodels")
    if parts[0] == "application" and (parts[1:2] in (["views"], ["readmodels"]) or "projector" in parts[-1]):
        layers.append(PROJECTIONS)
    return layers


def percentile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def size_rows(modules: dict[str, Module]) -> list[tuple[str, int, float, int, int, str]]:
    sizes: dict[str, list[int]] = defaultdict(list)
    for module in modules.values():
        for layer in layer_of(module):
            sizes[layer].extend(size for _, _, size in module.functions)
    order = [*PRODUCT[:2], "application/views or application/readmodels", PROJECTIONS, *PRODUCT[2:]]
    merged = ("application/views", "application/readmodels")  # in the row above
    subpackages = sorted(k for k in sizes if k.startswith("application/") and k not in (*order, *merged))
    rows = []
    for layer in [*order, *subpackages]:
        values = sizes.get(layer)
        if not values:
            continue
        over = sum(1 for v in values if v > 15) / len(values)
        rows.append(
            (layer, len(values), statistics.median(values), percentile(values, 0.9), max(values), f"{over:.0%}")
        )
    return rows


# ---------------------------------------------------------------------------------------------- calls, comments


def calls_named(modules: dict[str, Module], name: str) -> list[tuple[str, int]]:
    sites = []
    for module in modules.values():
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
                if called == name:
                    sites.append((module.relative, node.lineno))
    return sorted(sites)


def type_ignores(modules: dict[str, Module]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for module in modules.values():
        for token in tokenize.generate_tokens(io.StringIO(module.source).readline):
            if token.type == tokenize.COMMENT and re.search(r"#\s*type:\s*ignore", token.string):
                counts[module.name.split(".")[0]] += 1
    return counts


# ---------------------------------------------------------------------------------------------- the Ledger


@dataclass
class ClassInfo:
    name: str
    module: str
    node: ast.ClassDef

    @property
    def bases(self) -> list[str]:
        return [ast.unparse(b).rpartition(".")[2] for b in self.node.bases]

    @property
    def own_public(self) -> set[str]:
        return {
            n.name
            for n in self.node.body
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
            and not n.name.startswith("_")
            and not any(ast.unparse(d).endswith(("property", ".setter")) for d in n.decorator_list)
        }


def classes(modules: dict[str, Module]) -> dict[str, list[ClassInfo]]:
    found: dict[str, list[ClassInfo]] = defaultdict(list)
    for module in modules.values():
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ClassDef):
                found[node.name].append(ClassInfo(node.name, module.name, node))
    return found


def resolve(name: str, known: dict[str, list[ClassInfo]], near: str) -> ClassInfo | None:
    candidates = [c for c in known.get(name, []) if c.module.startswith(("application", "domain"))]
    if not candidates:
        return None
    return next((c for c in candidates if c.module == near), candidates[0])


def linearisation(info: ClassInfo, known: dict[str, list[ClassInfo]]) -> list[str]:
    """C3 over the project's classes (a base outside the project is a leaf; `object` is left out)."""

    def key(name: str, near: str) -> str:
        found = resolve(name, known, near)
        return f"{found.module}.{found.name}" if found else name

    def c3(cls: ClassInfo | None, name: str) -> list[str]:
        if cls is None:
            return [] if name == "object" else [name]
        bases = [key(b, cls.module) for b in cls.bases if b != "object"]
        sequences = [c3(resolve(b, known, cls.module), b) for b in cls.bases if b != "object"] + [bases]
        result = [f"{cls.module}.{cls.name}"]
        sequences = [list(s) for s in sequences if s]
        while sequences:
            for sequence in sequences:
                head = sequence[0]
                if not any(head in s[1:] for s in sequences):
                    break
            else:
                raise ValueError(f"no consistent MRO for {cls.name}")
            result.append(head)
            sequences = [[x for x in s if x != head] for s in sequences]
            sequences = [s for s in sequences if s]
        return result

    return c3(info, info.name)


def public_methods(info: ClassInfo, known: dict[str, list[ClassInfo]]) -> set[str]:
    names = set(info.own_public)
    for base in info.bases:
        found = resolve(base, known, info.module)
        if found is not None and found is not info:
            names |= public_methods(found, known)
    return names


def held_services(info: ClassInfo, known: dict[str, list[ClassInfo]]) -> dict[str, ClassInfo]:
    """Attributes a composed Ledger holds: `self.x = Service(...)` in its methods, or `x: Service` fields."""
    held: dict[str, ClassInfo] = {}
    for node in ast.walk(info.node):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and ast.unparse(target.value) == "self":
                    found = resolve(ast.unparse(node.value.func).rpartition(".")[2], known, info.module)
                    if found is not None and not target.attr.startswith("_"):
                        held[target.attr] = found
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Attribute | ast.Name):
            attribute = node.target.attr if isinstance(node.target, ast.Attribute) else node.target.id
            annotation = ast.unparse(node.annotation).strip("'\"").rpartition(".")[2]
            found = resolve(annotation, known, info.module)
            if found is not None and not attribute.startswith("_") and attribute not in held:
                held[attribute] = found
    return held


# ---------------------------------------------------------------------------------------------- legal rules

# Each rule: probes (name, regex). A site is a line of product code matching a probe; the report lists them all,
# marked by kind: "defines" (the constant or the function that computes the date), "computes" (a call or an
# arithmetic on it), "text" (a Vietnamese label or message that only names the rule), "bound" (a validation bound).
WINDOW = "36-month window of a household newly escaped from poverty (seed plan §III.1)"
LOAN = "3-year loan window after leaving the poor or near-poor list (Decision 28/2015/QĐ-TTg Art. 2)"
PROJECT = "a project lasts at most three years, then its final review (seed plan §IV.2.1)"
NOT_A_COPY = r"(?!\s*(?:\w+\.)+\w*closed_on\b|\s*iso\((?:\w+\.)+\w*closed_on\))"  # `x=y.closed_on` carries
RULES: dict[str, list[tuple[str, str]]] = {
    WINDOW: [
        ("defines", r"NEWLY_ESCAPED_WINDOW_MONTHS\s*=|def newly_escaped_until\(escaped_on|def (escape_)?windows?_of\b"),
        ("computes", r"(?<!def )\bnewly_escaped_until\(|add_months\([^)]*NEWLY_ESCAPED_WINDOW_MONTHS"),
        ("computes", r"EscapeWindow\(|\bclosed_on\s*=" + NOT_A_COPY + r"|\bwindow_closed_on\s*=" + NOT_A_COPY),
        ("computes", r"isinstance\([^)]*FellBackIntoPoverty\)|relativedelta\(months\s*=|months\s*=\s*36\b|\+\s*36\b"),
        ("compares", r"==\s*\"Household\.|\"Household\.\w+\"\s*(==|!=)|\bin\s*\(\"Household\."),
    ],
    LOAN: [
        ("defines", r"ESCAPED_LOAN_WINDOW_MONTHS\s*=|def escaped_loan_window_ends_on\b|def loan_windows?_of\b"),
        ("computes", r"(?<!def )\bescaped_loan_window_ends_on\(|add_months\([^)]*ESCAPED_LOAN_WINDOW_MONTHS"),
        ("computes", r"\bloan_window_ends(?:_on)?\s*(?:\.append\(|=\s*\[)|, loan_window_ends\s*=\s*\["),
    ],
    PROJECT: [
        ("defines", r"PROJECT_MAX_DURATION_MONTHS\s*=|def project_ends_on\b"),
        ("computes", r"(?<!def )\bproject_ends_on\(|add_months\([^)]*duration"),
        ("bound", r"<=\s*PROJECT_MAX_DURATION_MONTHS|PROJECT_MAX_DURATION_MONTHS\)|le\s*=\s*36\b|maximum\s*=\s*36\b"),
    ],
}
TEXT_PROBES = {  # listed apart: labels and messages that name a rule compute nothing
    WINDOW: r"36 tháng",
    LOAN: r"3 năm",
    PROJECT: r"tối đa (không quá )?(36|ba năm)",
}
COUNTED = ("defines", "computes", "compares")


def enclosing_functions(tree: ast.Module) -> dict[int, str]:
    """Line → the innermost function (or class, or module) around it."""
    where: dict[int, str] = {}

    def visit(node: ast.AST, name: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                inner = f"{name}.{child.name}" if name else child.name
                for line in range(child.lineno, (child.end_lineno or child.lineno) + 1):
                    where[line] = inner
                visit(child, inner)
            else:
                visit(child, name)

    visit(tree, "")
    return where


Site = tuple[str, int, str, str]  # file, line, enclosing function, the line


def rule_sites(modules: dict[str, Module]) -> dict[str, dict[str, list[Site]]]:
    found: dict[str, dict[str, list[Site]]] = {}
    for rule, probes in RULES.items():
        by_kind: dict[str, list[Site]] = defaultdict(list)
        for module in modules.values():
            code_lines = code_only(module.source)
            where = enclosing_functions(module.tree)
            for number, (line, code) in enumerate(zip(module.source.splitlines(), code_lines, strict=False), 1):
                kinds = [kind for kind, probe in probes if re.search(probe, code)]
                site = (module.relative, number, where.get(number, "<module>"), line.strip())
                if kinds:
                    by_kind[kinds[0]].append(site)
                elif re.search(TEXT_PROBES[rule], line):
                    by_kind["text"].append(site)
        found[rule] = dict(by_kind)
    return found


def code_only(source: str) -> list[str]:
    """Each line with comments and docstrings blanked (string literals kept: the event-name comparisons)."""
    lines = source.splitlines()
    blank: dict[int, list[tuple[int, int]]] = defaultdict(list)
    tree = ast.parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                for n in range(value.lineno, (value.end_lineno or value.lineno) + 1):
                    blank[n].append((0, 10**6))
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            blank[token.start[0]].append((token.start[1], 10**6))
    result = []
    for number, line in enumerate(lines, 1):
        for start, end in blank.get(number, []):
            line = line[:start] + " " * max(0, min(end, len(line)) - start)
        result.append(line)
    return result


# ---------------------------------------------------------------------------------------------- report


def report(root: Path) -> str:
    modules = load(root)
    out: list[str] = [f"# Architecture figures of `{root.resolve().name}`", ""]
    out += ["Product code: " + ", ".join(f"`{p}/`" for p in PRODUCT) + " (tests excluded).", ""]
    rows = folders(root)
    out += [
        "## Files per folder",
        "",
        "| folder | Python modules | other files | lines of Python |",
        "|---|--:|--:|--:|",
    ]
    out += [f"| `{f}` | {n} | {o} | {lines:,} |" for f, n, o, lines in rows]
    out += [f"| **total** | {sum(r[1] for r in rows)} | {sum(r[2] for r in rows)} | {sum(r[3] for r in rows):,} |", ""]

    module_level: set[tuple[str, str]] = set()
    arrows = import_arrows(modules, module_level)
    application = {name for name in modules if name == "application" or name.startswith("application.")}
    runtime: dict[str, set[str]] = defaultdict(set)
    for (source, target), at_run_time in arrows.items():
        if at_run_time:
            runtime[source].add(target)
    height, chain, cycles = floors(application, runtime)
    out += ["## Import arrows inside application/", ""]
    out += [f"- modules in application/: {len(application)}"]
    out += [f"- import arrows between distinct application modules: **{len(arrows)}**"]
    out += [
        f"  (of which only under `if TYPE_CHECKING:`: {sum(1 for v in arrows.values() if not v)};"
        f" only inside functions: {sum(1 for a in arrows if a not in module_level)})"
    ]
    out += [f"- floors (modules on the longest chain of run-time arrows): **{height}**"]
    out += ["- longest chain, top floor first: " + " → ".join(f"`{m}`" for m in chain)]
    out += [f"- import cycles (run-time arrows): {len(cycles)}"]
    out += [f"  - {' ⇄ '.join(f'`{m}`' for m in group)}" for group in cycles]
    fan_in: dict[str, int] = defaultdict(int)
    for _, target in arrows:
        fan_in[target] += 1
    most = sorted(fan_in.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    out += ["- most imported: " + ", ".join(f"`{m}` ({n})" for m, n in most), ""]

    out += ["## Function and method sizes (lines, `def` to last line)", ""]
    out += ["| layer | functions | median | p90 | max | over 15 lines |", "|---|--:|--:|--:|--:|--:|"]
    out += [
        f"| `{layer}` | {n} | {med:g} | {p90} | {top} | {over} |"
        for layer, n, med, p90, top, over in size_rows(modules)
    ]
    out += [""]

    big = sorted(((m.lines, m.relative) for m in modules.values() if m.lines > BIG_MODULE), reverse=True)
    out += [f"## Modules over {BIG_MODULE} lines: {len(big)}", ""]
    out += [f"- `{path}` {lines}" for lines, path in big]
    out += [""]

    sites = calls_named(modules, "catch_up")
    files = sorted({path for path, _ in sites})
    out += [f"## `catch_up(` call sites: {len(sites)} in {len(files)} files", ""]
    out += [f"- `{path}`: lines {', '.join(str(n) for p, n in sites if p == path)}" for path in files]
    others: dict[str, int] = defaultdict(int)
    for module in modules.values():
        for node in ast.walk(module.tree):
            called = node.func.attr if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) else ""
            if called.startswith("catch_up") and called != "catch_up":
                others[called] += 1
    if others:
        out += [
            "- other `catch_up…(` calls (not counted above): "
            + ", ".join(f"`{k}` {v}" for k, v in sorted(others.items()))
        ]
    out += [""]

    ignores = type_ignores(modules)
    out += [f"## `# type: ignore` comments: {sum(ignores.values())}", ""]
    out += ["- " + ", ".join(f"{layer}/ {ignores.get(layer, 0)}" for layer in PRODUCT), ""]

    out += ["## The Ledger", ""]
    known = classes(modules)
    ledgers = [c for c in known.get("Ledger", []) if c.module.startswith("application")]
    for ledger in ledgers:
        mro = linearisation(ledger, known)
        methods = public_methods(ledger, known)
        out += [f"- `class Ledger` in `{modules[ledger.module].relative}`"]
        out += [f"- bases: **{len(ledger.bases)}** ({', '.join(ledger.bases) or 'none'})"]
        out += [f"- classes in its MRO (C3 over project classes; external bases as leaves; no `object`): {len(mro)}"]
        out += [f"- public methods (own and inherited from project classes; no properties): **{len(methods)}**"]
        held = held_services(ledger, known)
        if held:
            total = 0
            out += [f"- composed: it holds {len(held)} capability services; their public methods:"]
            for attribute, service in sorted(held.items()):
                count = len(public_methods(service, known))
                total += count
                out += [f"  - `ledger.{attribute}`: `{service.name}` ({service.module}), {count}"]
            out += [f"- public methods of the held services in all: **{total}**"]
    if not ledgers:
        out += ["- no `class Ledger` found in application/"]
    out += [""]

    out += ["## Places each legal rule is computed", ""]
    out += ["Probes (regex over code with comments and docstrings blanked; `text` over the raw line):", ""]
    for rule, probes in RULES.items():
        out += [
            f"- {rule}: " + "; ".join(f"{kind} `{probe}`" for kind, probe in probes) + f"; text `{TEXT_PROBES[rule]}`"
        ]
    out += [""]
    for rule, by_kind in rule_sites(modules).items():
        counted = [site for kind in COUNTED for site in by_kind.get(kind, [])]
        places = sorted({(path, function) for path, _, function, _ in counted})
        files = sorted({path for path, _ in places})
        out += [f"### {rule}", ""]
        out += [
            f"- code sites that define, compute or compare it: **{len(counted)}**, in **{len(places)}** functions"
            f" of {len(files)} files:"
        ]
        out += [f"  - `{path}`: " + ", ".join(f"`{f}`" for p, f in places if p == path) for path in files]
        for kind in (*COUNTED, "bound", "text"):
            hits = by_kind.get(kind, [])
            if not hits:
                continue
            out += [f"- {kind} ({len(hits)}):"]
            out += [f"  - `{path}:{number}` ({function}) `{text[:100]}`" for path, number, function, text in hits]
        out += [""]
    return "\n".join(out)


if __name__ == "__main__":
    print(report(Path(sys.argv[1] if len(sys.argv) > 1 else ".")))
