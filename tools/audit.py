"""`make audit`: the locked dependencies against the known vulnerabilities, through the registries the
project installs from. The Python ones (requirements.lock) are checked by pip-audit against PyPI's
advisories, pip-audit itself installed from PyPI into its own venv (.venv-audit, never the project's);
the npm ones (package-lock.json) by `npm audit` against the npm registry's. Prints what it checked and
each vulnerability it found; exits 1 when one has a fix (a version to move to), 2 when a check could not
be run (no network, say), with one line saying why; 0 otherwise, a vulnerability without a fix printed.
Needs the network, so it is not part of `make test`. Standard library only: it runs before `make install`.
"""
from __future__ import annotations

import json
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

from macros.model import settings

ROOT = Path(__file__).resolve().parent.parent
AUDIT_VENV = ROOT / ".venv-audit"
PIP_AUDIT = "pip-audit==2.10.1"


class AuditError(Exception):
    """A check could not be run: the message says why, in one line."""


@dataclass(frozen=True)
class Finding:
    package: str
    version: str
    advisory: str
    fix: str  # the versions (or the change) that fix it; empty when there is none


def _run(command: list[str], what: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    except FileNotFoundError:
        raise AuditError(f"{what}: {command[0]} is not installed") from None
    except subprocess.TimeoutExpired:
        raise AuditError(f"{what}: no answer within 10 minutes (is the network reachable?)") from None


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


def _pip_audit() -> Path:
    """pip-audit in its own venv, installed from PyPI the first time."""
    tool = AUDIT_VENV / "bin" / "pip-audit"
    if not tool.exists():
        venv.create(AUDIT_VENV, with_pip=True)
        installed = _run([str(AUDIT_VENV / "bin" / "pip"), "install", "--quiet", PIP_AUDIT], "installing pip-audit")
        if installed.returncode != 0:
            raise AuditError(f"installing {PIP_AUDIT} from PyPI failed (is the network reachable?): "
                             f"{_last_line(installed.stderr)}")
    return tool


def python_findings(lock: Path) -> tuple[int, list[Finding]]:
    """(packages checked, vulnerabilities found) of a fully pinned requirements file."""
    # Every package is pinned in the lock: no resolving, no installing, only PyPI's advisories asked.
    result = _run([str(_pip_audit()), "--requirement", str(lock), "--no-deps", "--disable-pip",
                   "--vulnerability-service", "pypi", "--format", "json", "--progress-spinner", "off"], "pip-audit")
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise AuditError(f"pip-audit could not check {lock.name} (is the network reachable?): "
                         f"{_last_line(result.stderr)}") from None
    return pip_audit_findings(report, lock.name)


def pip_audit_findings(report: dict, lock_name: str) -> tuple[int, list[Finding]]:
    """What pip-audit's JSON report says; a package it could not look up means the check failed."""
    dependencies = report["dependencies"]
    skipped = [dep for dep in dependencies if "skip_reason" in dep]
    if skipped:  # pip-audit exits 0 then: not knowing is not the same as nothing known
        raise AuditError(f"pip-audit could not look up {len(skipped)} of the {len(dependencies)} packages of "
                         f"{lock_name} (is PyPI reachable?): {skipped[0]['skip_reason']}")
    return len(dependencies), [
        Finding(dep["name"], dep["version"], vuln["id"], ", ".join(vuln.get("fix_versions") or []))
        for dep in dependencies for vuln in dep.get("vulns", [])]


def npm_findings(lock: Path) -> tuple[int, list[Finding]]:
    """(packages checked, vulnerabilities found) of package-lock.json, dev dependencies included."""
    result = _run(["npm", "audit", "--json", "--package-lock-only"], "npm audit")
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        report = {"error": {"summary": _last_line(result.stderr)}}
    return npm_audit_findings(report, lock.name)


def npm_audit_findings(report: dict, lock_name: str) -> tuple[int, list[Finding]]:
    """What `npm audit --json` says (npm 7 and later); an error means the check failed."""
    if "error" in report:  # no network, or a registry that does not answer npm's audit requests
        error = report["error"]
        why = report.get("message") or error.get("summary") or error.get("code") or "no message"
        raise AuditError(f"npm audit could not check {lock_name} (is the network reachable?): {_last_line(why)}")
    findings = []
    for name, found in report.get("vulnerabilities", {}).items():
        fix = found.get("fixAvailable")
        fix_text = f"{fix['name']} {fix['version']}" if isinstance(fix, dict) else "npm audit fix" if fix else ""
        advisories = [via.get("url") or via.get("title") for via in found.get("via", []) if isinstance(via, dict)]
        through = [via for via in found.get("via", []) if isinstance(via, str)]  # a dependency that has one
        findings.append(Finding(name, found.get("range", ""),
                                ", ".join(advisories) or f"through {', '.join(through)}", fix_text))
    return report.get("metadata", {}).get("dependencies", {}).get("total", 0), findings


def main() -> int:
    checks = [("Python", "requirements.lock", python_findings), ("npm", "package-lock.json", npm_findings)]
    with_fix, failed = 0, 0
    for kind, name, check in checks:
        try:
            count, findings = check(ROOT / name)
        except AuditError as err:
            print(f"audit: {err}", file=sys.stderr)
            failed += 1
            continue
        print(f"{name}: {count} {kind} packages checked, {len(findings)} known vulnerabilities")
        for finding in findings:
            fix = f"fixed in {finding.fix}" if finding.fix else "no fix yet"
            print(f"  {finding.package} {finding.version}: {finding.advisory} ({fix})")
        with_fix += sum(1 for finding in findings if finding.fix)
    if with_fix:
        print(f"audit: {with_fix} known vulnerabilities have a fix: update the lock (SECURITY.md)")
        return 1
    return 2 if failed else 0


if __name__ == "__main__":
    settings.set_default("PIP_DISABLE_PIP_VERSION_CHECK", "1")
    sys.exit(main())
