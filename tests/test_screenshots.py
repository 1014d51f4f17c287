"""A reviewed picture of every template: each page of screenshots.PAGES (one per template, both languages, the 404
page) at 390 and 1280 px, taken in the session's visit of every page (tests/browsing.py), looks as its approved
picture in tests/approved_screenshots/ does, within a small tolerance. A picture that differs is kept in
screenshots/fresh/ and what differs in screenshots/difference/; after a person has looked, `make
approve-screenshots` makes the fresh pictures the approved ones. On the same pages: nothing seen of the header
lies outside it, and no control seen covers another."""
from __future__ import annotations

import io

import pytest

from tests.browsing import DESKTOP, LAYOUT
from tools import screenshots

WIDTHS = {1280: DESKTOP, 390: "phone"}


def _visit(visits, path: str, width: int):
    return visits.at(WIDTHS[width])[path if path.endswith(".html") else f"{path}index.html"]


def _png(size=(40, 30), colour=(255, 255, 255), square=None) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, colour)
    if square:
        ImageDraw.Draw(image).rectangle(square, fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return screenshots.keep(out.getvalue())


# --- the comparison itself (no browser) ---

def test_the_same_picture_does_not_differ(tmp_path):
    (tmp_path / "a.png").write_bytes(_png(square=(5, 5, 9, 9)))
    (tmp_path / "b.png").write_bytes(_png(square=(5, 5, 9, 9)))
    assert screenshots.difference(tmp_path / "a.png", tmp_path / "b.png") == (0.0, None)


def test_a_moved_mark_differs_and_is_drawn(tmp_path):
    (tmp_path / "a.png").write_bytes(_png(square=(5, 5, 9, 9)))
    (tmp_path / "b.png").write_bytes(_png(square=(20, 5, 24, 9)))
    share, drawn = screenshots.difference(tmp_path / "a.png", tmp_path / "b.png")
    assert share == pytest.approx(50 / 1200) and share > screenshots.TOLERANCE
    assert drawn and drawn.startswith(b"\x89PNG")


def test_a_faint_change_of_shade_is_within_the_tolerance(tmp_path):
    (tmp_path / "a.png").write_bytes(_png(colour=(255, 255, 255)))
    (tmp_path / "b.png").write_bytes(_png(colour=(250, 250, 250)))
    assert screenshots.difference(tmp_path / "a.png", tmp_path / "b.png")[0] == 0.0


def test_a_picture_of_another_size_differs_wholly(tmp_path):
    (tmp_path / "a.png").write_bytes(_png(size=(40, 30)))
    (tmp_path / "b.png").write_bytes(_png(size=(40, 31)))
    assert screenshots.difference(tmp_path / "a.png", tmp_path / "b.png")[0] == 1.0


def test_approving_takes_every_fresh_picture_and_drops_stale_ones(tmp_path):
    fresh, approved = tmp_path / "fresh", tmp_path / "approved"
    fresh.mkdir(), approved.mkdir()
    for picture_name in screenshots.expected_names():
        (fresh / picture_name).write_bytes(_png())
    (approved / "nl-gone-390.png").write_bytes(_png())
    changed = screenshots.approve(fresh, approved)
    assert {p.name for p in approved.glob("*.png")} == screenshots.expected_names()
    assert "nl-gone-390.png" in changed


def test_negative_control_approving_refuses_an_incomplete_set(tmp_path):
    (tmp_path / "fresh").mkdir()
    with pytest.raises(SystemExit, match="No fresh picture"):
        screenshots.approve(tmp_path / "fresh", tmp_path / "approved")


def test_every_template_has_an_approved_picture_and_no_other_is_kept():
    kept = {p.name for p in screenshots.APPROVED.glob("*.png")}
    assert kept == screenshots.expected_names()


def test_approved_pictures_are_small():
    sizes = {p.name: p.stat().st_size for p in screenshots.APPROVED.glob("*.png")}
    assert sizes and max(sizes.values()) < 600_000 and sum(sizes.values()) < 12_000_000, sizes


# --- the site's pictures, from the visit of every page ---

def test_every_template_looks_as_its_approved_picture(visits):
    screenshots.DIFFERENCE.mkdir(parents=True, exist_ok=True)
    differ = []
    for path in screenshots.PAGES:
        for width in WIDTHS:
            picture_name = _visit(visits, path, width).picture
            assert picture_name == screenshots.name(path, width), f"{path} at {width}px was not pictured"
            approved = screenshots.APPROVED / picture_name
            if not approved.is_file():
                differ.append(f"{picture_name}: no approved picture")
                continue
            share, drawn = screenshots.difference(screenshots.FRESH / picture_name, approved)
            if share > screenshots.TOLERANCE:
                if drawn:
                    (screenshots.DIFFERENCE / picture_name).write_bytes(drawn)
                differ.append(f"{picture_name}: {share:.2%} of its pixels" if share < 1 else f"{picture_name}: its size")
    assert not differ, ("differ from their approved pictures (look at screenshots/fresh/ and screenshots/difference/, "
                        "then `make approve-screenshots`):\n" + "\n".join(differ))


def test_nothing_seen_of_the_header_lies_outside_it(visits):
    found = [f"{path} at {width}px: {where}" for path in screenshots.PAGES for width in WIDTHS
             for where in _visit(visits, path, width).layout["outsideHeader"]]
    assert not found, "\n".join(found)


def test_no_control_covers_another(visits):
    found = [f"{path} at {width}px: {pair}" for path in screenshots.PAGES for width in WIDTHS
             for pair in _visit(visits, path, width).layout["overlaps"]]
    assert not found, "\n".join(found)


def test_negative_control_an_icon_below_the_header_and_a_covering_link_are_found(server, reader):
    page = reader.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server)
    page.evaluate("""() => {
      const icon = document.querySelector("header.md-header nav").appendChild(document.createElement("span"));
      icon.textContent = "←";
      Object.assign(icon.style, {position: "absolute", top: "60px", left: "10px", width: "20px", height: "20px"});
      const first = document.querySelector("article p a[href]"), box = first.getBoundingClientRect();
      const cover = document.body.appendChild(document.createElement("a"));
      cover.href = "#"; cover.textContent = "cover";
      Object.assign(cover.style, {position: "absolute", top: `${box.top + scrollY}px`, left: `${box.left}px`,
                                  width: "40px", height: "20px", display: "block"});
    }""")
    layout = page.evaluate(LAYOUT)
    assert any("←" in where for where in layout["outsideHeader"])
    assert any('"cover"' in pair for pair in layout["overlaps"])
    page.close()


def test_the_review_pictures_use_the_visits_viewports():
    from tests.browsing import VIEWPORTS

    assert {VIEWPORTS[name]["width"]: VIEWPORTS[name]["height"] for name in WIDTHS.values()} == screenshots.HEIGHTS


def test_the_sites_name_is_shown_whole_in_the_header(visits):
    cut = [f"{path} at {width}px" for path in screenshots.PAGES for width in WIDTHS
           if _visit(visits, path, width).layout["titleCut"]]
    assert not cut, cut


def test_negative_control_a_name_too_long_for_the_header_is_found_cut(server, reader):
    page = reader.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server)
    page.evaluate("() => { document.querySelector('.md-header__topic .md-ellipsis').textContent += ' and much more besides'; }")
    assert page.evaluate(LAYOUT)["titleCut"]
    page.close()
