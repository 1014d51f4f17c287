"""Bad data: every mistake an editor can make gives one clear message (file:line:column, record,
field, expected, found), all problems at once, exit 1, no traceback, and nothing is built."""
from __future__ import annotations

import contextlib
import io
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import macros.reading.check
from macros.reading.load import load_site_data
from macros.reading.problems import DataError
from tests.conftest import ROOT, run

BAD_DATA = Path(__file__).parent / "bad_data"


@dataclass(frozen=True)
class Case:
    """Replace the first `old` outside comments in data/<file> by `new`. The message must name the
    line of `old` (or of `at`, searched in the changed file) and contain every phrase in `says`."""

    file: str
    old: str
    new: str | bytes
    says: tuple[str, ...]  # words the message must contain (record, field, expected, found)
    at: str | None = None
    folder: str = "data"  # or "docs": pages are checked before rendering too


CASES = {
    "a success criterion met in two ways": Case(
        "accessibility.yml", '  - id: "1.2.1"\n', '    manual: {nl: "Controleer het.", en: "Check it."}\n  - id: "1.2.1"\n',
        ("success criterion '1.1.1': field(s) manual do not belong to this record (a criterion is met in one way: "
         "tests, manual or not_applicable)",), at='  - id: "1.1.1"'),
    "a known problem names a criterion the table lacks": Case(
        "accessibility.yml", 'criteria: ["1.3.2", "2.4.4", "2.4.6"]', 'criteria: ["1.3.2", "2.4.4", "4.1.9"]',
        ("known problem 'no-full-evaluation': field 'criteria[3]': unknown success criterion '4.1.9'",)),
    "a signatory without the day of signing": Case(
        "accessibility.yml", "signatory: null", 'signatory: {name: "N.N.", role: {nl: "directeur", en: "director"}}',
        ("accessibility statement: field 'signatory.signed_on': this required field is missing",)),
    "text after the closing quote": Case(
        "targets.yml", '    kind: "numeric"', '    kind: "numeric" x',
        ("target 'maturity-score': field 'kind': YAML syntax error: there is text after the closing quote: a \" "
         "inside a text ends it; write \\\" or use ’ instead, and keep the whole text between one pair of quotes",)),
    "a quote inside a text": Case(
        "themes.yml", '      nl: "Due diligence"', '      nl: "Due "diligence""',
        ("theme 'due-diligence': field 'title.nl': YAML syntax error: there is text after the closing quote",)),
    "colon in a text without quotes": Case(
        "targets.yml", '    kind: "numeric"', '    kind: numeric: x',
        ("target 'maturity-score': field 'kind': YAML syntax error: a colon and a space (': ') are in a text "
         "without quotes: put the text in double quotes",)),
    "unclosed quote": Case("targets.yml", '    kind: "numeric"\n', '    kind: "numeric\n',
                           ("target 'maturity-score': field 'kind': YAML syntax error: this line opens a quote "
                            "(\") that is not closed on the same line",)),
    "wrong indentation": Case("targets.yml", '    kind: "numeric"', '   kind: "numeric"',
                              ("target 'maturity-score': field 'kind': YAML syntax error: this line is not "
                               "indented like the other lines of its record: use the same number of spaces as "
                               "the line above it",)),
    "tab indentation": Case("targets.yml", '    kind: "numeric"', '\tkind: "numeric"', ("tab", "indentation")),
    "text where a number belongs": Case("targets.yml", "    result_value: 66", '    result_value: "66%"',
                                        ("target 'maturity-score'", "field 'result_value'", "expected a number",
                                         "'66%'")),
    "missing required field": Case("targets.yml", '    unit: "percent"\n', "",
                                   ("target 'maturity-score'", "field 'unit'", "missing"), at='  - id: "maturity-score"'),
    "missing translation": Case("ui.yml", 'status.achieved: {nl: "Behaald", en: "Achieved"}',
                                'status.achieved: {nl: "Behaald"}',
                                ("UI string 'status.achieved'", "field 'en'", "English text (en) is missing")),
    "empty translation": Case("ui.yml", 'status.achieved: {nl: "Behaald", en: "Achieved"}',
                              'status.achieved: {nl: "Behaald", en: ""}',
                              ("UI string 'status.achieved'", "field 'en'", "expected text, found empty text")),
    "yes read as true": Case("parties.yml", '    name: "Gooimeer"', "    name: yes",
                             ("party 'gooimeer'", "field 'name'", "found true", "put the text in double quotes")),
    "blank translation": Case("ui.yml", 'status.achieved: {nl: "Behaald", en: "Achieved"}',
                              'status.achieved: {nl: "  ", en: "Achieved"}', ("field 'nl'", "found empty text")),
    "unknown field (typo)": Case("targets.yml", '    unit: "percent"', '    unit: "percent"\n    titel: "x"',
                                 ("target 'maturity-score'", "field 'titel'", "unknown field", "did you mean 'title'"), at='    titel: "x"'),
    "unknown theme": Case("targets.yml", '    theme: "due-diligence"', '    theme: "due-dilligence"',
                          ("target 'maturity-score'", "field 'theme'", "unknown theme 'due-dilligence'",
                           "did you mean 'due-diligence'")),
    "unknown target": Case("activities.yml", '    target: "collective-due-diligence"', '    target: "collective-dd"',
                           ("activity 'knowledge-sessions'", "field 'target'", "unknown target 'collective-dd'")),
    "unknown party": Case("targets.yml", '"krommenhoek-metals", ', '"krommenhoek", ',
                          ("target 'secondary-newcomers'", "field 'result_parties[1]'", "unknown party 'krommenhoek'")),
    "unknown OECD step": Case("toolbox.yml", '    oecd_steps: ["step-1"]', '    oecd_steps: ["step-7"]',
                              ("instrument 'model-rbc-policy'", "field 'oecd_steps[1]'", "unknown OECD step 'step-7'")),
    "unknown audience": Case("toolbox.yml", '    audiences: ["companies"]', '    audiences: ["recyclers"]',
                             ("instrument 'model-rbc-policy'", "field 'audiences[1]'", "unknown audience 'recyclers'")),
    "duplicate id": Case("parties.yml", '  - id: "kasius"', '  - id: "gooimeer"',
                         ("party 'gooimeer': field 'id': the id 'gooimeer' is already used by the party on "
                          "line 47; ids must be unique",)),
    "duplicate key": Case("targets.yml", '    kind: "numeric"\n', '    kind: "numeric"\n    kind: "none"\n',
                          ("target 'maturity-score': field 'kind': the field 'kind' appears twice in this record (first "
                           "on line 61): keep one",), at='    kind: "none"'),
    "a new record without its dash": Case(
        "parties.yml", '  - id: "kasius"', '    id: "kasius"',
        ("party 'gooimeer': field 'id': the field 'id' appears twice in this record (first on line 47): keep "
         "one (did a new record lose the '- ' before its id?)",)),
    "a decimal comma": Case("targets.yml", "    result_value: 66", "    result_value: 66,5",
                            ("target 'maturity-score': field 'result_value': use a decimal point: 66.5 (not 66,5)",)),
    "a deleted party still named": Case(
        "targets.yml", '"krommenhoek-metals", ', '"van-dalen-metals", ',
        ("target 'secondary-newcomers': field 'result_parties[1]': unknown party 'van-dalen-metals' (not in "
         "data/parties.yml); was it deleted or renamed there?",)),
    "a web address without https://": Case(
        "parties.yml", 'url: "https://www.imvoconvenanten.nl/en/metals-sector"', 'url: "www.imvoconvenanten.nl"',
        ("party 'a-m-recycling': field 'source.url': must start with https:// (a full web address without "
         "spaces); found the text 'www.imvoconvenanten.nl'",)),
    "percentage above 100": Case("targets.yml", "    result_value: 66", "    result_value: 166",
                                 ("target 'maturity-score'", "field 'result_value'", "at most 100", "166")),
    "negative count": Case("targets.yml", "    result_value: 14", "    result_value: -14",
                           ("target 'signatories'", "field 'result_value'", "at least 0", "-14")),
    "not a date": Case("parties.yml", '    joined: "2023-08-01"', '    joined: "2023-02-30"',
                       ("party 'kasius'", "field 'joined'", "expected a date as YYYY-MM-DD", "'2023-02-30'")),
    "not UTF-8": Case("parties.yml", '    name: "Gooimeer"', b'    name: "Gooim\xe9er"', ("not UTF-8",)),
    "javascript link": Case("pages.yml", "Zie ook het thema", "Zie [dit](javascript:alert(1)) ook het thema",
                            ("page 'projects'", "field 'intro[1].nl'", "'javascript:alert(1)' is not allowed")),
    "result count does not match the named parties": Case(
        "targets.yml", "    result_value: 3", "    result_value: 4",
        ("target 'secondary-newcomers'", "field 'result_parties'", "lists 3 item(s) but result_value is 4"), at="    result_parties:"),
    "field of another kind of target": Case("targets.yml", '    comparison: "at_least"\n',
                                            '    comparison: "at_least"\n    status_reason: {nl: "x", en: "x"}\n',
                                            ("target 'maturity-score'", "status_reason do not belong", "kind 'numeric'"),
                                            at='  - id: "maturity-score"'),
    "UI string the site needs is missing": Case("ui.yml", '  status.achieved: {nl: "Behaald", en: "Achieved"}\n', "",
                                                ("UI string 'status.achieved' is missing", "needs it"), at="strings:"),
    "UI string the theme needs is missing": Case(
        "ui.yml", '  footer.accessibility: {nl: "Toegankelijkheidsverklaring", en: "Accessibility statement"}\n', "",
        ("UI string 'footer.accessibility' is missing, but overrides/partials/copyright.html (line 17) needs it",),
        at="strings:"),
    "page the docs ask for is missing": Case("pages.yml", '  - id: "privacy"', '  - id: "privacy-policy"',
                                             ("page 'privacy' is missing", "docs/privacy.md (line 1) needs it"),
                                             at="pages:"),
    "theme page file is missing": Case("themes.yml", "themes/due-diligence.md", "themes/due-dilligence.md",
                                       ("theme 'due-diligence'", "field 'page'", "no page docs/themes/due-dilligence.md")),
    "link in data to a page that does not exist": Case(
        "pages.yml", "[collectieve actie en opschaling](themes/collective-action.md)",
        "[collectieve actie en opschaling](themes/collective-actin.md)",
        ("page 'projects'", "field 'intro[1].nl'", "'themes/collective-actin.md' goes to a page that does not exist",
         "did you mean 'themes/collective-action.md'?")),
    "link in data to an anchor that does not exist": Case(
        "pages.yml", "[collectieve actie en opschaling](themes/collective-action.md)",
        "[collectieve actie en opschaling](themes/collective-action.md#target-signatorie)",
        ("page 'projects'", "field 'intro[1].nl'", "goes to '#target-signatorie', which is not on "
         "themes/collective-action.md", "did you mean 'themes/collective-action.md#target-signatories'?")),
    "text cut at an unquoted ' #'": Case(
        "targets.yml", '      en: "At the end of year 5, 14 companies had signed the covenant."',
        "      en: At the end of year 5, # 14 companies had signed the covenant.",
        ("target 'signatories'", "field 'result_note.en'",
         "the text is cut at ' #': YAML reads the rest of the line as a comment, so only 'At the end of year 5,' "
         'would be published; put the text in double quotes: "..."')),
    "text in curly quotes": Case(
        "themes.yml", '      nl: "Due diligence"', "      nl: “Due diligence”",
        ("theme 'due-diligence'", "field 'title.nl'",
         "the text '“Due diligence”' is not in straight quotes: its curly quotes would be published as part of "
         'the text; put the text in double quotes: "..."')),
    "unquoted text": Case("parties.yml", '    name: "Gooimeer"', "    name: Gooimeer",
                          ("party 'gooimeer'", "field 'name'",
                           'this text is not in quotes; put the text in double quotes: "..."')),
    "placeholder missing in one language": Case(
        "ui.yml", 'en: "The report’s verdict: ‘{quote}’."', 'en: "The report’s verdict."',
        ("UI string 'status.stated'", "field 'en'",
         "the placeholder {quote} is in the Dutch text but not in this one: both languages need the same "
         "placeholders, or the value is lost")),
    "placeholder the code does not fill in": Case(
        "ui.yml", 'nl: "in convenantjaar {year}", en: "in covenant year {year}"',
        'nl: "in convenantjaar {jaar}", en: "in covenant year {jaar}"',
        ("UI string 'label.covenant_year'",
         "placeholders {jaar}, {year} do not match what macros/rendering/templates/parties_list.html (line 11) fills in: "
         "{year}")),
    "template placeholder left in": Case("parties.yml", '    name: "Gooimeer"', '    name: "..."',
                                         ("party 'gooimeer'", "field 'name'",
                                          "'...' is the template's placeholder: write the real value here")),
    "HTML in a text": Case("themes.yml", '      nl: "Due diligence"', '      nl: "<b>Due diligence</b>"',
                           ("theme 'due-diligence'", "field 'title.nl'",
                            "HTML (<b>) is shown as typed, not as formatting: remove it")),
    "HTML in a Markdown text": Case(
        "pages.yml", "Zie ook het thema", "Zie <i>ook</i> het thema",
        ("page 'projects'", "field 'intro[1].nl'",
         "HTML (<i>) is shown as typed, not as formatting: use Markdown (**bold**, *emphasis*) instead")),
    "Markdown in a plain-text field": Case(
        "themes.yml", '      nl: "Due diligence"', '      nl: "**Due diligence**"',
        ("theme 'due-diligence'", "field 'title.nl'",
         "this field does not take Markdown: **bold** would be shown as typed, with its punctuation; remove it")),
    "a counted number typed differently": Case(
        "targets.yml", "    result_value: 14", "    result_value: 16",
        ("target 'signatories'", "field 'result_value'",
         "result_value is 16, but data/parties.yml lists 14 parties of kind 'company'; this number is counted from "
         "that list: add or remove the parties there, or correct the number")),
    "unknown kind of instrument": Case("toolbox.yml", '    kind: "guide"', '    kind: "handleiding"',
                                       ("instrument 'implementation-guide'", "field 'kind'",
                                        "expected one of tool, template, guide, training, collaboration")),
    "unknown related instrument": Case(
        "toolbox.yml", '    related: ["maturity-assessment-tool"]', '    related: ["maturity-assesment-tool"]',
        ("instrument 'improvement-plan-template'", "field 'related[1]'",
         "unknown instrument 'maturity-assesment-tool'", "did you mean 'maturity-assessment-tool'?")),
    "instrument whose page would take the toolbox's address": Case(
        "toolbox.yml", '  - id: "web-tool"', '  - id: "index"',
        ("instrument 'index'", "field 'id'",
         "its page would be docs/toolbox/index.md, which is already a page of the site: choose another id")),
    "a stated status that contradicts the figures": Case(
        "targets.yml", '    status: "not_achieved"', '    status: "achieved"',
        ("target 'maturity-score': field 'status': the report's status 'achieved' does not follow from the figures "
         "(66 against a target of 80: not achieved); correct the figures, or the status the report states",)),
    "a derived status typed in": Case(
        "targets.yml", '    status_basis: "stated"', '    status_basis: "derived"',
        ("target 'maturity-score': field 'status': a derived status is worked out from the figures, so it is not "
         "typed in: remove 'status' (or, if the report states it, set status_basis to \"stated\" and quote it)",),
        at='    status: "not_achieved"'),
    "a status without the report's words": Case(
        "targets.yml", '    status_quote:\n      nl: "hiermee is de doelstelling van 80% gemiddeld genomen niet behaald"\n'
                       '      en: "this means that, on average, the target of 80% was not achieved"\n', "",
        ("target 'maturity-score': field 'status_quote': this required field is missing",),
        at='  - id: "maturity-score"'),
    "a qualitative status derived": Case(
        "targets.yml", '    status_basis: "not_stated"', '    status_basis: "derived"',
        ("target 'secondary-chains-plan': field 'status_basis': a qualitative target has no figures to derive a "
         "status from: use \"stated\" (and quote the report) or \"not_stated\"",)),
    "a project's risk its target did not identify": Case(
        "projects.yml", '    topic:\n      nl: "Kinderarbeid"', '    risk:\n      nl: "Kinderarbeid"',
        ("project 'india-child-labour': field 'risk': 'Kinderarbeid' is not one of the risks target "
         "'collective-risks' identified (its result_items: Gezondheid en veiligheid; Milieurisico’s op het gebied "
         "van water); name one of those word for word, or put a subject that is not one of them in 'topic'",),
        at='      nl: "Kinderarbeid"'),
    "a theme intro that does not say whose words it is": Case(
        "themes.yml", '    intro_origin: "editorial"\n', "",
        ("theme 'due-diligence': field 'intro_origin': this required field is missing",), at='  - id: "due-diligence"'),
    "a percent result without its qualifier": Case(
        "targets.yml", '    result_qualifier:\n      nl: "gemiddelde score van bedrijven die sinds de ondertekening in 2019 '
                       'partij zijn"\n      en: "average score of companies that have been parties since the covenant was signed in '
                       '2019"\n', "",
        ("target 'maturity-score': field 'result_qualifier': this required field is missing",),
        at='  - id: "maturity-score"'),
    "a term without its English term": Case(
        "terminology.yml", '    en: "target"\n', "",
        ("term 'doelstelling': field 'en': the English text (en) is missing: every text needs both nl and en",),
        at='  - id: "doelstelling"'),
    "a zero-width space pasted into a number": Case(
        "targets.yml", '      en: "At the end of year 5, 14 companies', '      en: "At the end of year 5, 1\u200b4 companies',
        ("target 'signatories': field 'result_note.en': the text has ZERO WIDTH SPACE, U+200B, at character 24 "
         "(after 'nd of year 5, 1'): an invisible character (pasted from Word or a PDF): a reader cannot see it and a "
         "search cannot match the word it is in; delete it",)),
    "a soft hyphen in a word": Case(
        "themes.yml", '      nl: "Due diligence"', '      nl: "Due dili\u00adgence"',
        ("theme 'due-diligence': field 'title.nl': the text has SOFT HYPHEN, U+00AD, at character 9 (after 'Due dili'): "
         "an invisible hyphen (pasted from Word or a PDF): a search cannot match the word it is in; delete it",)),
    "a bidirectional control before a number": Case(
        "targets.yml", '      en: "At the end of year 5, 14 companies', '      en: "At the end of year 5, \u202e14 companies',
        ("target 'signatories': field 'result_note.en': the text has RIGHT-TO-LEFT OVERRIDE, U+202E, at character 23 "
         "(after 'end of year 5, '): a bidirectional control: it can make the text, or a number in it, read in another "
         "order than typed; delete it",)),
    "a control character written as an escape": Case(
        "themes.yml", '      nl: "Due diligence"', '      nl: "Due\\u0007 diligence"',
        ("theme 'due-diligence': field 'title.nl': the text has CONTROL CHARACTER, U+0007, at character 4 (after "
         "'Due'): a control character: it has no place in a text and a reader cannot see it; delete it",)),
    "a control character typed into the file": Case(
        "themes.yml", '      nl: "Due diligence"', '      nl: "Due\x1b diligence"',
        ("theme 'due-diligence': field 'title.nl': the text has ESCAPE, U+001B, at character 15 of the line: a control "
         "character a reader cannot see and YAML cannot read; delete it",)),
    "a byte order mark inside a text": Case(
        "themes.yml", '      nl: "Due diligence"', '      nl: "Due \ufeffdiligence"',
        ("theme 'due-diligence': field 'title.nl': the text has ZERO WIDTH NO-BREAK SPACE, U+FEFF, at character 5 "
         "(after 'Due '): a byte order mark inside the text (pasted from another file): a reader cannot see it; "
         "delete it",)),
    "a byte order mark inside a file": Case(
        "themes.yml", "themes:\n", "\ufeff# pasted\nthemes:\n",
        ("data/themes.yml:{line}:1: a byte order mark (ZERO WIDTH NO-BREAK SPACE, U+FEFF) is inside the file, where "
         "another file was pasted in: delete it",)),
    "a non-breaking space between words": Case(
        "themes.yml", '      nl: "Due diligence"', '      nl: "Due\u00a0diligence"',
        ("theme 'due-diligence': field 'title.nl': the text has NO-BREAK SPACE, U+00A0, at character 4 (after 'Due'): "
         "it keeps two words on one line, which only a number and its unit need (66 %, 14 bedrijven); use a normal "
         "space",)),
    "a non-breaking space at the end of a text": Case(
        "themes.yml", '      nl: "Due diligence"', '      nl: "Due diligence\u00a0"',
        ("theme 'due-diligence': field 'title.nl': the text has NO-BREAK SPACE, U+00A0, at its end (character 14): a "
         "space a reader cannot see; remove it",)),
    "another number in the English text": Case(
        "targets.yml", '      en: "At the end of year 5, 14 companies', '      en: "At the end of year 5, 16 companies',
        ("target 'signatories': field 'result_note': the Dutch and English texts do not state the same numbers: only "
         "in nl: 14; only in en: 16; correct the translation, or, if they differ on purpose, say so in the record's "
         "'numbers_differ' (field: \"result_note\", reason: ...)",), at='      nl: "Aan het einde van jaar 5'),
    "another date in the English text": Case(
        "pages.yml", "formally closed on 18 June 2024", "formally closed on 18 July 2024",
        ("page 'recyclers-after': field 'intro[1]': the Dutch and English texts do not state the same numbers: only in nl: "
         "2024-06-18; only in en: 2024-07-18; correct the translation",), at="      - nl: \"Het Metaalconvenant liep"),
    "a number word the translation lost": Case(
        "projects.yml", "It runs for two years", "It runs for three years",
        ("project 'peru-bolivia-health-safety': field 'description[1]': the Dutch and English texts do not state the same "
         "numbers: only in nl: 2; only in en: 3",), at="      - nl: \"Een project van CNV"),
    "an exemption no longer needed": Case(
        "targets.yml", '  - id: "signatories"\n',
        '  - id: "signatories"\n    numbers_differ:\n      - field: "result_note"\n        reason: "rounded"\n',
        ("target 'signatories': field 'numbers_differ': 'result_note' is listed as having different numbers in nl and "
         "en, but they are the same (or there is no such text): remove it from this list",),
        at='      - field: "result_note"'),
    "a sentence that states an old figure": Case(
        "targets.yml", 'nl: "Aan het einde van jaar 5 hebben 14 bedrijven het convenant ondertekend."\n'
                       '      en: "At the end of year 5, 14 companies',
        'nl: "Aan het einde van jaar 5 hebben 16 bedrijven het convenant ondertekend."\n'
        '      en: "At the end of year 5, 16 companies',
        ("target 'signatories': field 'result_note.nl': the sentence 'Aan het einde van jaar 5 hebben 16 bedrijven het "
         "convenant ondertekend.' states 16 bedrijven, but this target's result_value is 14 and its target_value 50; "
         "correct the sentence or the figure, or, if it is another figure of the record, list it in 'other_figures' "
         "(value: 16, reason: ...)",
         "target 'signatories': field 'result_note.en': the sentence 'At the end of year 5, 16 companies had signed the "
         "covenant.' states 16 companies")),
    "a percentage that is not the target's": Case(
        "targets.yml", 'maturity assessment haalden van ten minste 80%."\n      en: "The target was that companies '
                       'participating in the Metals Covenant would achieve a score of at least 80%',
        'maturity assessment haalden van ten minste 85%."\n      en: "The target was that companies '
        'participating in the Metals Covenant would achieve a score of at least 85%',
        ("target 'maturity-score': field 'goal.nl': the sentence 'De doelstelling was dat aangesloten bedrijven bij het "
         "Metaalconvenant een score voor hun due diligence maturity assessment haalden van ten minste 85%.' states 85%, "
         "but this target's result_value is 66 and its target_value 80",)),
    "the Dutch text pasted into the English field": Case(
        "targets.yml", '      en: "At the end of year 5, 14 companies had signed the covenant."',
        '      en: "Aan het einde van jaar 5 hebben 14 bedrijven het convenant ondertekend."',
        ("target 'signatories': field 'result_note.en': this English text reads as Dutch ('Aan het einde van jaar 5 "
         "hebben 14 bedrijven het convenan...'): was the Dutch text pasted here? Write the English one",)),
    "the English text in the Dutch field": Case(
        "toolbox.yml", '      nl: "Stop activiteiten die negatieve gevolgen veroorzaken of eraan bijdragen, en voorkom of '
                       'beperk gevolgen die nog kunnen optreden."',
        '      nl: "Stop activities that cause or contribute to adverse impacts, and prevent or mitigate impacts that may '
        'still occur."',
        ("OECD step 'step-3': field 'explanation.nl': this Dutch text reads as English ('Stop activities that cause or "
         "contribute to adverse impac...'): was the English text pasted here? Write the Dutch one",)),
    "self-check question of an unknown OECD step": Case(
        "toolbox.yml", '  - id: "complaints"\n    step: "step-6"', '  - id: "complaints"\n    step: "step-7"',
        ("self-check question 'complaints': field 'step': unknown OECD step 'step-7' (not in data/toolbox.yml)",),
        at='    step: "step-7"'),
    "an OECD step with one self-check question": Case(
        "toolbox.yml", '  - id: "complaints"\n    step: "step-6"\n    question:\n      nl: "Kunnen mensen die last hebben van '
                       'uw bedrijf of uw keten een klacht indienen, bij uw bedrijf zelf of via een klachtenregeling van '
                       'anderen waaraan u meedoet?"\n      en: "Can people who are harmed by your company or your chain make '
                       'a complaint, to your company itself or through someone else’s complaints procedure that you take '
                       'part in?"\n    passage: "6.2"\n',
        '',  # the step's last question deleted
        ("OECD step 'step-6': field 'id': the self-check has 1 question(s) for this step; give it 2 to 3 (self_check "
         "in data/toolbox.yml, with step: \"step-6\")",),
        at='  - id: "step-6"'),
    "an OECD step with four self-check questions": Case(
        "toolbox.yml", '  - id: "policy-in-management"\n    step: "step-1"',
        '  - id: "policy-twice"\n    step: "step-1"\n    question: {nl: "Heeft u het beleid?", en: "Do you have the policy?"}\n'
        '    passage: "1.1"\n  - id: "policy-in-management"\n    step: "step-1"',
        ("OECD step 'step-1': field 'id': the self-check has 4 question(s) for this step; give it 2 to 3",),
        at='  - id: "step-1"'),
    "a self-check question without its English text": Case(
        "toolbox.yml", '      en: "Have you decided which risks you tackle first, by looking at how severe the harm would be and how '
                       'likely it is to happen?"\n', '',
        ("self-check question 'risk-priorities': field 'question.en': the English text (en) is missing",),
        at='      nl: "Heeft u bepaald welke risico'),
    "a self-check question tied to a passage of another step": Case(
        "toolbox.yml", '    passage: "1.2"', '    passage: "2.2"',
        ("self-check question 'policy-in-management': field 'passage': passage 2.2 is not a passage of step 1 (its "
         "passages are 1.1, 1.2, ...): name the passage of step 1 that the question follows, or correct its step",)),
    "a self-check question tied to a passage the OECD guidance does not have": Case(
        "toolbox.yml", '    passage: "3.2"', '    passage: "3.4"',
        ("self-check question 'supplier-risks': field 'passage': the OECD guidance has no passage 3.4 under step 3 (the "
         "step lists 3.1, 3.2 in its passages): name one of those",)),
    "a self-check question with its own source tied to a passage the guidance does not have": Case(
        "toolbox.yml", '    passage: "3.2"',
        '    passage: "3.3"\n    source:\n      title: "OECD Due Diligence Guidance for Responsible Business Conduct (2018)"\n'
        '      url: "https://mneguidelines.oecd.org/OECD-Due-Diligence-Guidance-for-Responsible-Business-Conduct.pdf"',
        ("self-check question 'supplier-risks': field 'passage': the OECD guidance has no passage 3.3 under step 3",)),
    "a self-check question whose source is not the guidance": Case(
        "toolbox.yml", '    passage: "3.2"',
        '    passage: "3.2"\n    source: {title: "Elders", url: "https://example.org/elders"}',
        ("self-check question 'supplier-risks': field 'source': a question follows the OECD guidance, not "
         "'https://example.org/elders'",), at='    source: {title: "Elders"'),
    "a self-check question tied to a range that ends in a passage the step lacks": Case(
        "toolbox.yml", '    passage: "2.1–2.2"', '    passage: "2.1–2.5"',
        ("self-check question 'risk-mapping': field 'passage': the OECD guidance has no passage 2.5 under step 2",)),
    "a self-check question tied to a range that runs backwards": Case(
        "toolbox.yml", '    passage: "2.1–2.2"', '    passage: "2.2–2.1"',
        ("self-check question 'risk-mapping': field 'passage': the range 2.2–2.1 runs backwards",)),
    "an OECD step that lists a passage of another step": Case(
        "toolbox.yml", '      - number: "4.1"', '      - number: "5.1"',
        ("OECD step 'step-4': field 'passages': passage(s) 5.1 are not passages of step 4",),
        at='      - number: "5.1"'),
    "a reason for an OECD step the instrument does not have": Case(
        "toolbox.yml", '      - step: "step-5"\n        why:\n          nl: "Het ‘sjabloon',
        '      - step: "step-4"\n        why:\n          nl: "Het ‘sjabloon',
        ("instrument 'report-template'", "a reason for step 'step-4', which is not one of this instrument's "
         "oecd_steps (step-5): add the step to oecd_steps if the source names it, or remove the reason",)),
    "a reason for an OECD step without its source": Case(
        "toolbox.yml", '          en: "With the ‘heat map’, companies can prioritise risks and gain clarity about the most '
                       'severe risks in their chain."\n        source:\n          title: "imvoconvenanten.nl – Due '
                       'diligence in de metaalsector: stap 2"\n          url: "https://www.imvoconvenanten.nl/nl/'
                       'metaalketens/convenant/due-diligence/stap-2"\n          language: "nl"\n',
        '          en: "With the ‘heat map’, companies can prioritise risks and gain clarity about the most severe risks '
        'in their chain."\n',
        ("instrument 'risk-heat-map'", "source", "required"), at='      - step: "step-2"\n        why:\n          nl: "Met'),
    "unknown macro in a page": Case("results.md", "{{ results_table() }}", "{{ result_table() }}",
                                   ("unknown macro or variable 'result_table'", "did you mean 'results_table'"),
                                   folder="docs"),
    "macro syntax error in a page": Case("results.md", "{{ results_table() }}", "{{ results_table( }}",
                                         ("macro syntax error",), folder="docs"),
}


def _find_outside_comments(raw: bytes, text: bytes) -> int:
    """Offset of the first `text` on a line that is not a comment (data files open with templates)."""
    position = raw.find(text)
    while position >= 0:
        line_start = raw.rfind(b"\n", 0, position) + 1
        if not raw[line_start:position].lstrip().startswith(b"#"):
            return position
        position = raw.find(text, position + 1)
    raise AssertionError(f"{text!r} not found in the data")


def break_data(tmp_path: Path, case: Case) -> tuple[Path, int]:
    """A copy of data/ and schemas/ with one mistake; returns the root and the 1-based line to report."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    path = tmp_path / case.folder / case.file
    raw = path.read_bytes()
    position = _find_outside_comments(raw, case.old.encode())
    new = case.new if isinstance(case.new, bytes) else case.new.encode()
    changed = raw[:position] + new + raw[position + len(case.old.encode()):]
    path.write_bytes(changed)
    if case.at is not None:
        position = _find_outside_comments(changed, case.at.encode())
    return tmp_path, changed[:position].count(b"\n") + 1


@dataclass(frozen=True)
class Checked:
    returncode: int
    stdout: str
    stderr: str


def check(root: Path) -> Checked:
    """`make check-data` on `root`, in this process (one test below runs it as a real process)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = macros.reading.check.main(["--root", str(root)])
    return Checked(code, out.getvalue(), err.getvalue())


@pytest.mark.parametrize("name", CASES)
def test_bad_data_gives_a_clear_located_message(tmp_path, name):
    case = CASES[name]
    root, line = break_data(tmp_path, case)
    result = check(root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert f"{case.folder}/{case.file}:{line}:" in result.stderr, result.stderr
    for words in case.says:
        assert words.replace("{line}", str(line)) in result.stderr, result.stderr


def test_a_non_breaking_space_between_a_number_and_its_unit_is_allowed(tmp_path):
    root, _ = break_data(tmp_path, Case("targets.yml", '      en: "At the end of year 5, 14 companies',
                                        '      en: "At the end of year 5, 14\u00a0companies', ()))
    assert check(root).returncode == 0


def test_a_byte_order_mark_at_the_start_of_a_file_is_allowed(tmp_path):
    root, _ = break_data(tmp_path, Case("themes.yml", "", "\ufeff", ()))
    assert check(root).returncode == 0


def test_todays_data_has_no_invisible_characters():
    from macros.reading.text_rules import invisible_character_messages
    from macros.reading.validate import read_documents
    from macros.reading.locate import strings_in
    documents, _ = read_documents(ROOT / "data")
    assert [(stem, path, message) for stem, document in documents.items() for path, text in strings_in(document.data)
            for message in invisible_character_messages(text)] == []


def test_numbers_that_differ_on_purpose_pass_and_the_check_says_so(tmp_path):
    root, _ = break_data(tmp_path, Case(
        "targets.yml", '  - id: "signatories"\n',
        '  - id: "signatories"\n    numbers_differ:\n      - field: "result_note"\n        reason: "the English counts '
        'the years from zero"\n', ()))
    target = root / "data" / "targets.yml"
    target.write_text(target.read_text(encoding="utf-8").replace("At the end of year 5, 14", "At the end of year 6, 14"),
                      encoding="utf-8")
    result = check(root)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^Exempt: data/targets\.yml:\d+:7: target 'signatories'", result.stderr, re.M)
    assert ("target 'signatories': field 'result_note': the numbers differ between nl "
            "and en (only in nl: 5; only in en: 6), on purpose as 'numbers_differ' says: the English counts the years "
            "from zero") in result.stderr


@pytest.mark.parametrize("nl, en", [("66%", "66 %"), ("1.000 bedrijven", "1,000 companies"), ("1,5 miljard", "1.5 billion"),
                                    ("op 18 juni 2024", "on 18 June 2024"), ("op 18 juni 2024", "on June 18, 2024"),
                                    ("vijf jaar", "five years"), ("tweedaagse training", "two-day training"),
                                    ("1op1 consultaties", "one-to-one consultations"), ("paragraaf 1.1", "section 1.1"),
                                    ("een bedrijf", "one company"), ("oktober 2023", "October 2023")])
def test_numbers_written_the_way_of_each_language_agree(nl, en):
    from macros.reading.figures import numbers_in
    assert numbers_in(nl, "nl") == numbers_in(en, "en") != {} or nl == "een bedrijf"


def test_todays_data_states_the_same_numbers_in_both_languages():
    from macros.reading.figures import number_problems
    from macros.reading.validate import read_documents
    documents, _ = read_documents(ROOT / "data")
    notes = []
    assert [str(p) for p in number_problems(documents, notes)] == [] and notes == []


def test_another_figure_the_record_lists_passes(tmp_path):
    root, _ = break_data(tmp_path, Case(
        "targets.yml", '  - id: "signatories"\n',
        '  - id: "signatories"\n    other_figures:\n      - value: 12\n        reason: "the count after year 4"\n', ()))
    target = root / "data" / "targets.yml"
    # in a text written for the site (the report's own words stay as the report has them)
    target.write_text(target.read_text(encoding="utf-8").replace(
        'nl: "aan het einde van jaar 5"', 'nl: "aan het einde van jaar 5, na 12 bedrijven in jaar 4"')
        .replace('en: "at the end of year 5"', 'en: "at the end of year 5, after 12 companies in year 4"'),
        encoding="utf-8")
    result = check(root)
    assert result.returncode == 0, result.stderr


def test_todays_targets_state_their_own_figures():
    from macros.reading.figures import _WITH_UNIT, figure_problems
    from macros.reading.validate import read_documents
    documents, _ = read_documents(ROOT / "data")
    assert [str(p) for p in figure_problems(documents)] == []
    goal = documents["targets"].data["targets"][0]["goal"]["nl"]
    assert _WITH_UNIT[("percent", "nl")].search(goal)  # the rule did look at a figure with its unit


@pytest.mark.parametrize("text", ["Due diligence", "Due Diligence Roadshow", "IMVO-Metaalsectorovereenkomst",
                                  "Tata Steel Nederland", "Een-op-eengesprekken", "One-to-one consultations",
                                  "Internationaal MVO-convenant Metaal", "werkgroep secundaire metalen"])
def test_short_texts_and_names_are_not_judged(text):
    from macros.reading.own_language import language_of
    assert language_of(text) is None


def test_todays_texts_are_each_in_their_own_language():
    from macros.reading.own_language import language_of, wrong_language_problems
    from macros.reading.validate import read_documents
    from macros.reading.figures import texts_in_both_languages
    documents, _ = read_documents(ROOT / "data")
    assert [str(p) for p in wrong_language_problems(documents)] == []
    judged = [text for document in documents.values() for _, nl, en in texts_in_both_languages(document.data, [])
              for text in (nl, en) if language_of(text) is not None]
    assert len(judged) > 300  # the rule did judge most texts: no alarm is not for want of looking


def test_the_real_data_passes_the_check_run_as_a_process():
    result = run([sys.executable, "-m", "macros.reading.check", "--root", str(ROOT)], ROOT)
    assert result.returncode == 0, result.stderr
    assert "Data OK" in result.stdout


def test_several_problems_are_all_reported_in_one_run(tmp_path):
    root, _ = break_data(tmp_path, CASES["unknown theme"])
    ui = root / "data" / "ui.yml"
    ui.write_text(ui.read_text(encoding="utf-8").replace('en: "Achieved"', 'en: ""'), encoding="utf-8")
    result = check(root)
    assert "The data has 2 problems" in result.stderr
    assert "unknown theme" in result.stderr and "found empty text" in result.stderr


def test_problems_are_listed_by_file_then_line(tmp_path):
    root, _ = break_data(tmp_path, CASES["unknown theme"])
    for name, old, new in (("ui.yml", 'en: "Achieved"', 'en: ""'), ("targets.yml", "result_value: 14", "result_value: -1")):
        path = root / "data" / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    places = re.findall(r"^  - (data/[a-z]+\.yml):(\d+):", check(root).stderr, re.M)
    assert len(places) == 3
    assert places == sorted(places, key=lambda place: (place[0], int(place[1])))


@pytest.mark.parametrize("content, says", [(b"", "the file is empty"), (b"# only a comment\n", "no data")])
def test_an_empty_data_file_is_an_error(tmp_path, content, says):
    root, _ = break_data(tmp_path, Case("regulations.yml", "regulations:", "regulations:", ()))
    (root / "data" / "regulations.yml").write_bytes(content)
    result = check(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "data/regulations.yml: " in result.stderr and says in result.stderr


def test_a_missing_data_file_is_an_error(tmp_path):
    root, _ = break_data(tmp_path, Case("regulations.yml", "regulations:", "regulations:", ()))
    (root / "data" / "regulations.yml").unlink()
    result = check(root)
    assert result.returncode == 1
    assert "data/regulations.yml: the file is missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_yaml_bomb_is_refused_quickly(tmp_path):
    root, _ = break_data(tmp_path, Case("pages.yml", "pages:", "pages:", ()))
    shutil.copy(BAD_DATA / "yaml_bomb.yml", root / "data" / "pages.yml")
    result = check(root)  # run() has a timeout: a hang fails the test
    assert result.returncode == 1
    assert "data/pages.yml:4:" in result.stderr
    assert "anchors and aliases" in result.stderr


def test_data_errors_raise_one_exception_listing_all_problems(tmp_path):
    root, _ = break_data(tmp_path, CASES["negative count"])
    with pytest.raises(DataError) as caught:
        load_site_data(root / "data", root / "schemas")
    assert len(caught.value.problems) == 1
