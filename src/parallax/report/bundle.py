"""The web UI's ES modules as one inline script, for the static report.

A report opened from disk (``file://``) cannot load ``./dom.js``: browsers refuse module imports
from file URLs. So the modules are joined into one script, each wrapped in a function whose
return value is its exports, in dependency order; an ``import {a, b as c} from "./x.js"`` becomes
``const {a, b: c} = modules["x.js"]``. This needs no build tool, and it keeps the UI's source the
one truth: the modules are written in a small, checked subset of the syntax (named imports from
sibling files, ``export`` before a declaration), and anything else is refused here, loudly.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from parallax.errors import ParallaxError

_IMPORT: Final = re.compile(r'^import \{([^}]*)\} from "\./([\w-]+\.js)";[ \t]*\n', re.M)
_EXPORT: Final = re.compile(r"^export (?:async function|function|const|let|class) (\w+)", re.M)
_ANY_MODULE_SYNTAX: Final = re.compile(r"^(?:import|export)\b", re.M)
#: Text that would end or confuse the inline <script> element the bundle is placed in.
_UNSAFE_IN_SCRIPT: Final = re.compile(r"</script|<!--", re.I)


class BundleError(ParallaxError):
    """A UI module uses syntax the report's bundler does not handle."""


def _imports(source: str) -> list[tuple[str, str]]:
    """``(names, module)`` pairs of a module's imports."""
    return [(names, module) for names, module in _IMPORT.findall(source)]


def _destructure(names: str) -> str:
    parts = []
    for raw in names.split(","):
        name = raw.strip()
        if not name:
            continue
        original, _, alias = (p.strip() for p in name.partition(" as "))
        parts.append(f"{original}: {alias}" if alias else original)
    return ", ".join(parts)


def _order(static: Path, entry: str) -> list[str]:
    """Modules reachable from ``entry``, each after the modules it imports."""
    done: list[str] = []
    visiting: list[str] = []

    def visit(name: str) -> None:
        if name in done:
            return
        if name in visiting:
            cycle = " -> ".join([*visiting[visiting.index(name) :], name])
            raise BundleError(f"{static / name}: circular import ({cycle})")
        path = static / name
        if not path.is_file():
            raise BundleError(f"{path}: imported module is missing")
        visiting.append(name)
        for _, module in _imports(path.read_text(encoding="utf-8")):
            visit(module)
        visiting.pop()
        done.append(name)

    visit(entry)
    return done


def _wrap(name: str, source: str, path: Path) -> str:
    exports = _EXPORT.findall(source)
    body = _IMPORT.sub(
        lambda m: f'const {{ {_destructure(m.group(1))} }} = modules["{m.group(2)}"];\n', source
    )
    body = re.sub(r"^export (?=async function|function|const|let|class)", "", body, flags=re.M)
    leftover = _ANY_MODULE_SYNTAX.search(body)
    if leftover:
        line = body[leftover.start() :].splitlines()[0]
        raise BundleError(f"{path}: module syntax the report cannot inline: {line!r}")
    if _UNSAFE_IN_SCRIPT.search(body):
        raise BundleError(f"{path}: contains '</script' or '<!--', which would break the report")
    return f'modules["{name}"] = (() => {{\n{body}\nreturn {{ {", ".join(exports)} }};\n}})();\n'


def bundle(static: Path, entry: str = "app.js") -> str:
    """One script holding ``entry`` and every module it imports, run in dependency order."""
    parts = ["const modules = {};\n"]
    for name in _order(static, entry):
        path = static / name
        parts.append(_wrap(name, path.read_text(encoding="utf-8"), path))
    return "".join(parts)
