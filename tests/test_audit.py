"""`make audit` (tools/audit.py) reads what pip-audit and npm audit report: given their JSON reports (no
network here), it names each vulnerability, fails when one has a fix, and fails in one line when a check
could not be made, never counting a package it could not look up as safe."""
from __future__ import annotations

import pytest

from tools import audit
from tools.audit import AuditError, Finding, npm_audit_findings, pip_audit_findings

PIP_FIXED = {"dependencies": [
    {"name": "jinja2", "version": "3.1.4", "vulns": [{"id": "GHSA-q2x7-8rv6-6q7h", "fix_versions": ["3.1.5"]}]},
    {"name": "pyyaml", "version": "6.0.3", "vulns": []}], "fixes": []}
NPM_FIXED = {"vulnerabilities": {"tar": {"name": "tar", "severity": "high", "range": "<6.2.1", "fixAvailable":
             {"name": "lighthouse", "version": "12.3.0"}, "via": [{"title": "tar: denial of service",
             "url": "https://github.com/advisories/GHSA-f5x3-32g6-xq36"}]}},
             "metadata": {"dependencies": {"total": 310}}}


def test_a_python_vulnerability_is_named_with_the_version_that_fixes_it():
    assert pip_audit_findings(PIP_FIXED, "requirements.lock") == (
        2, [Finding("jinja2", "3.1.4", "GHSA-q2x7-8rv6-6q7h", "3.1.5")])


def test_a_python_package_that_could_not_be_looked_up_fails_the_check():
    report = {"dependencies": [{"name": "attrs", "skip_reason": "Dependency not found on PyPI: attrs (26.1.0)"},
                               {"name": "pyyaml", "version": "6.0.3", "vulns": []}]}
    with pytest.raises(AuditError, match=r"could not look up 1 of the 2 packages of requirements.lock"):
        pip_audit_findings(report, "requirements.lock")


def test_an_npm_vulnerability_is_named_with_its_advisory_and_fix():
    assert npm_audit_findings(NPM_FIXED, "package-lock.json") == (
        310, [Finding("tar", "<6.2.1", "https://github.com/advisories/GHSA-f5x3-32g6-xq36", "lighthouse 12.3.0")])


def test_an_npm_audit_that_the_registry_refuses_fails_in_one_line():
    report = {"message": "405 Method Not Allowed - POST /-/npm/v1/security/advisories/bulk",
              "error": {"summary": "", "detail": ""}}
    with pytest.raises(AuditError) as refused:
        npm_audit_findings(report, "package-lock.json")
    assert "\n" not in str(refused.value) and "405 Method Not Allowed" in str(refused.value)


def _audit(monkeypatch, python, npm) -> int:
    monkeypatch.setattr(audit, "python_findings", python)
    monkeypatch.setattr(audit, "npm_findings", npm)
    return audit.main()


def _clean(lock):
    return 3, []


def test_a_vulnerability_with_a_fix_fails_the_audit(monkeypatch, capsys):
    assert _audit(monkeypatch, lambda lock: pip_audit_findings(PIP_FIXED, lock.name), _clean) == 1
    out = capsys.readouterr().out
    assert "requirements.lock: 2 Python packages checked, 1 known vulnerabilities" in out
    assert "jinja2 3.1.4: GHSA-q2x7-8rv6-6q7h (fixed in 3.1.5)" in out


def test_a_vulnerability_without_a_fix_is_printed_and_passes(monkeypatch, capsys):
    unfixed = lambda lock: (1, [Finding("lunr", "2.3.9", "GHSA-0000-0000-0000", "")])  # noqa: E731
    assert _audit(monkeypatch, _clean, unfixed) == 0
    assert "lunr 2.3.9: GHSA-0000-0000-0000 (no fix yet)" in capsys.readouterr().out


def test_a_check_that_cannot_run_fails_the_audit_after_the_other_has_run(monkeypatch, capsys):
    def offline(lock):
        raise AuditError("npm audit could not check package-lock.json (is the network reachable?): ENOTFOUND")

    assert _audit(monkeypatch, _clean, offline) == 2
    printed = capsys.readouterr()
    assert "requirements.lock: 3 Python packages checked" in printed.out
    assert printed.err == "audit: npm audit could not check package-lock.json (is the network reachable?): ENOTFOUND\n"
