"""Checks that every status says where it comes from, and that what data claims of the report holds.

- A numeric target's status is stated by the report (quoted; it must agree with the figures) or
  derived by this site from them (no status typed in; the report's own words quoted instead).
- A qualitative target's status is stated (quoted) or not stated (no verdict).
- A project's `risk` is one of the risks its target identified (the target's result_items).
Whether a quote really is the report's words is tested against the source text (tests/).
"""
from __future__ import annotations

import dataclasses
from typing import Any

from ..model.catalog import collection_named
from .locate import problem_at_record, records_of
from ..model.messages import say
from .problems import Problem
from ..model.status import DERIVED, NOT_STATED, STATED, verdict_of_figures



def _status_problems(record: dict) -> list[tuple[str, str]]:
    """(field, message) for a target whose status does not say, or contradicts, where it comes from."""
    kind, basis, status = record.get("kind"), record.get("status_basis"), record.get("status")
    if kind == "numeric" and basis == STATED:
        # None when the figures cannot say: the schema reports why.
        verdict = verdict_of_figures(record.get("comparison"), record.get("target_value"), record.get("result_value"))
        if status is None:
            return [("status_basis", say("status.stated_needs_status"))]
        if verdict is not None and status != verdict:
            shown = say("status.against", result=record["result_value"], target=record["target_value"])
            return [("status", say("status.contradicts", status=status, shown=shown, verdict=say(f"verdict.{verdict}")))]
    if kind == "numeric" and basis == DERIVED and status is not None:
        return [("status", say("status.derived_typed"))]
    if kind == "numeric" and basis == NOT_STATED:
        return [("status_basis", say("status.numeric_basis"))]
    if kind == "qualitative" and basis == DERIVED:
        return [("status_basis", say("status.qualitative_derived"))]
    if kind == "qualitative" and basis == STATED and status == "no_verdict":
        return [("status_basis", say("status.no_verdict_stated"))]
    if kind == "qualitative" and basis == STATED and "status_quote" not in record:
        return [("status_basis", say("status.stated_needs_quote"))]
    if kind == "qualitative" and basis == NOT_STATED and status not in (None, "no_verdict"):
        return [("status", say("status.verdict_not_stated", status=status))]
    return []


def status_problems(documents) -> list[Problem]:
    targets = collection_named("targets")
    return [problem_at_record(documents, targets, index, record, field, message)
            for index, record in records_of(documents, targets)
            for field, message in _status_problems(record)]


def _list(value: Any) -> list:
    """A list field as written, or nothing when it is not a list (the schema says what is wrong)."""
    return value if isinstance(value, list) else []


def project_risk_problems(documents) -> list[Problem]:
    """A project's risk must be one its target identified, word for word (nl); another subject is a topic."""
    identified = {record.get("id"): [item.get("nl") for item in _list(record.get("result_items")) if isinstance(item, dict)]
                  for _, record in records_of(documents, collection_named("targets"))}
    problems = []
    projects = collection_named("projects")
    for index, record in records_of(documents, projects):
        risk, target = record.get("risk"), record.get("target")
        if not isinstance(risk, dict) or not isinstance(risk.get("nl"), str) or target not in identified:
            continue
        if risk["nl"] not in identified[target]:
            known = "; ".join(str(r) for r in identified[target]) or say("figures.none")
            problems.append(problem_at_record(
                documents, projects, index, record, "risk",
                say("provenance.risk", risk=risk["nl"], target=target, known=known)))
    return problems


def same_event_problems(documents) -> list[Problem]:
    """Another source's account shown with the report's mention of what may be the same event (may_be)
    must have its own source, and point at a mention of the report (no source) of the same target."""
    activities = collection_named("activities")
    by_id = {record.get("id"): record for _, record in records_of(documents, activities)}
    problems = []
    for index, record in records_of(documents, activities):
        mention = by_id.get(record.get("may_be"))
        if record.get("may_be") is None or mention is None:  # an unknown id is reported as a reference
            continue
        if record.get("source") is None:
            message = say("provenance.account_source")
        elif mention.get("source") is not None or mention.get("may_be") is not None:
            message = say("provenance.not_report_mention", ident=mention.get("id"))
        elif mention.get("target") != record.get("target"):
            message = say("provenance.other_target", ident=mention.get("id"), target=mention.get("target"))
        else:
            continue
        problems.append(problem_at_record(documents, activities, index, record, "may_be", message))
    return problems


def instrument_answer_problems(documents) -> list[Problem]:
    """An instrument's page answers how the covenant used it or where it is now: a warning when its record
    says neither (covenant_use, a link, or no_public_copy: true), so the page says less than it could."""
    instruments = collection_named("instruments")
    return [dataclasses.replace(problem_at_record(
        documents, instruments, index, record, "covenant_use",
        say("provenance.instrument_answer")), severity="warning")
        for index, record in records_of(documents, instruments)
        if not record.get("covenant_use") and not record.get("link") and not record.get("no_public_copy")]


def step_reason_problems(documents) -> list[Problem]:
    """A reason says why an instrument serves one of its own OECD steps, once per step."""
    instruments = collection_named("instruments")
    problems = []
    for index, record in records_of(documents, instruments):
        steps, seen = record.get("oecd_steps"), set()
        reasons = record.get("step_reasons")
        if not isinstance(steps, list) or not isinstance(reasons, list):
            continue  # the schema says what is wrong
        for position, reason in enumerate(reasons):
            step = reason.get("step") if isinstance(reason, dict) else None
            if not isinstance(step, str):
                continue
            if step not in steps:
                problems.append(problem_at_record(
                    documents, instruments, index, record, "step_reasons",
                    say("provenance.step_not_own", step=step, steps=", ".join(steps) or say("figures.none")),
                    [position, "step"]))
            elif step in seen:
                problems.append(problem_at_record(
                    documents, instruments, index, record, "step_reasons",
                    say("provenance.step_twice", step=step), [position, "step"]))
            seen.add(step)
    return problems


def provenance_problems(documents) -> list[Problem]:
    return (status_problems(documents) + project_risk_problems(documents) + same_event_problems(documents)
            + instrument_answer_problems(documents) + step_reason_problems(documents))
