"""What a tagged PDF's structure tree holds (read with pypdf): the tags in it, and what an accessible PDF
lacks (a structure tree, the document's language and title, alternative text on every figure). For any PDF
the site prints: the report, and the flyer."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from pypdf import PdfReader

HEADINGS = ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6")
REPORT_TAGS = ("/H1", "/H2", "/L", "/LI", "/Table", "/TR", "/TH", "/TD")  # what a report page is made of
FLYER_TAGS = ("/H1", "/H2", "/L", "/LI")  # a flyer has no table


def elements(path: Path) -> list[dict]:
    """Every element of the structure tree, depth first (empty when there is none)."""
    root = PdfReader(path).trailer["/Root"]
    if "/StructTreeRoot" not in root:
        return []
    found: list[dict] = []

    def walk(node) -> None:
        node = node.get_object()
        if "/S" in node:
            found.append(node)
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if hasattr(kid, "get") and ("/S" in kid or "/K" in kid) and kid.get("/Type") != "/MCR":
                walk(kid)

    walk(root["/StructTreeRoot"])
    return found


def tags(path: Path) -> Counter:
    """How often each structure type occurs, e.g. {'/P': 105, '/H2': 34, ...}."""
    return Counter(str(element["/S"]) for element in elements(path))


def structure_problems(path: Path, lang: str, needs: tuple[str, ...] = REPORT_TAGS) -> list[str]:
    """What keeps the PDF at `path` from being read by assistive technology: no structure tree, no or another
    language, no title shown as the window's title, a structure type of `needs` missing, a figure without
    alternative text. Empty when none."""
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    problems = []
    if "/StructTreeRoot" not in root or not (root.get("/MarkInfo") or {}).get("/Marked"):
        problems.append("not tagged: no structure tree, or not marked as tagged")
    if root.get("/Lang") != lang:
        problems.append(f"document language {root.get('/Lang')!r}, not {lang!r}")
    if not (reader.metadata or {}).get("/Title") or not (root.get("/ViewerPreferences") or {}).get("/DisplayDocTitle"):
        problems.append("no title, or the viewer is not told to show it")
    found = tags(path)
    problems += [f"no {tag} in the structure tree" for tag in needs if not found[tag]]
    problems += [f"a /Figure without alternative text (element {index + 1} of the tree)"
                 for index, element in enumerate(elements(path))
                 if element["/S"] == "/Figure" and not str(element.get("/Alt") or "").strip()]
    return problems
