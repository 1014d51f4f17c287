"""A report's mention and another source's dated account of what may be the same event are shown as one
item (the account under the mention, saying the report neither dates its mention nor says they are the
same), never as two events; the data check keeps such a pairing honest."""
from __future__ import annotations

import re

import pytest

from tests.test_data_errors import Case, break_data, check

PAIRS = {  # another source's account -> the report's mention it may describe
    "round-table-responsible-recycling": "round-table-circular-economy",
    "lme-week-2019-breakfast": "lme-week",
    "oecd-forum-partner-session": "oecd-responsible-minerals-forum",
}
PAGES = {"themes/secondary-materials/index.html": ["round-table-responsible-recycling"],
         "themes/collective-action/index.html": ["lme-week-2019-breakfast", "oecd-forum-partner-session"]}


def _items(html: str) -> dict[str, str]:
    """Each top-level item of the activity lists, by its id."""
    lists = re.findall(r'<ul class="mc-activities">(.*?)</ul>', html, re.DOTALL)
    return {found[0]: found[1] for block in lists
            for found in re.findall(r'<li id="([^"]+)">(.*?)</li>', block, re.DOTALL)}


def test_the_data_pairs_each_account_with_the_reports_mention(site_data):
    assert {a.id: a.may_be for a in site_data.activities.values() if a.may_be} == PAIRS


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("path", PAGES)
def test_an_account_of_what_may_be_the_same_event_sits_under_the_reports_mention(site, path, prefix):
    items = _items(site.page(prefix + path).html)
    assert items, path
    for account in PAGES[path]:
        assert f"activity-{account}" not in items  # never an item, an event, of its own
        mention = items[f"activity-{PAIRS[account]}"]
        assert f'id="activity-{account}"' in mention
        assert ("het rapport dateert zijn vermelding niet" in mention) or ("the report does not date its mention" in mention)


def test_the_lists_still_show_every_other_activity_as_its_own_item(site, site_data):  # the control
    items = _items(site.page("themes/collective-action/index.html").html)
    alone = [a.id for a in site_data.activities.values() if site_data.targets[a.target].theme == "collective-action"
             and not a.may_be]
    assert sorted(items) == sorted(f"activity-{ident}" for ident in alone)


CASES = {
    "an account without its own source": Case(
        "activities.yml", '    date: "2019-10-30"\n    source:\n      title: "imvoconvenanten.nl – Metals sector"\n'
                          '      url: "https://www.imvoconvenanten.nl/en/metals-sector"\n      language: "en"\n',
        '    date: "2019-10-30"\n',
        ("activity 'lme-week-2019-breakfast'", "field 'may_be'", "give its source"), at='may_be: "lme-week"'),
    "an account paired with another account": Case(
        "activities.yml", '    may_be: "lme-week"', '    may_be: "oecd-forum-partner-session"',
        ("activity 'lme-week-2019-breakfast'", "field 'may_be'", "is not the report's own mention")),
    "an account paired across targets": Case(
        "activities.yml", '    may_be: "lme-week"', '    may_be: "round-table-circular-economy"',
        ("activity 'lme-week-2019-breakfast'", "field 'may_be'", "belongs to another target")),
    "an account paired with an unknown mention": Case(
        "activities.yml", '    may_be: "lme-week"', '    may_be: "lme-weak"',
        ("activity 'lme-week-2019-breakfast'", "field 'may_be'", "unknown activity 'lme-weak'", "did you mean 'lme-week'?")),
}


@pytest.mark.parametrize("name", CASES)
def test_a_wrong_pairing_is_a_located_error(tmp_path, name):
    case = CASES[name]
    root, line = break_data(tmp_path, case)
    result = check(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"data/{case.file}:{line}:" in result.stderr, result.stderr
    for words in case.says:
        assert words in result.stderr, result.stderr
