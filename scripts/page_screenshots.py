"""Screenshots of the network page for the README: the August 1917 Central Committee at the end of
1917 and of 1937, drawn by headless Debian chromium (Playwright). Run from the repository:

    .venv/bin/python scripts/page_screenshots.py          # writes docs/cc-1917-aug-*.png
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bolshevik_graph.loader import load_dataset
from bolshevik_graph.render import render_network

DOCS = Path(__file__).resolve().parents[1] / "docs"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def main() -> None:
    """Write docs/cc-1917-aug-1917.png and docs/cc-1917-aug-1937.png."""
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("needs Debian's chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page_path = render_network(load_dataset(), Path(tmp) / "cc.html", body="cc-1917-aug").path
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS)
            for year in (1917, 1937):
                page = browser.new_page(viewport={"width": 1400, "height": 860})
                page.goto(f"{page_path.resolve().as_uri()}#year={year}")
                page.wait_for_selector("body[data-settled=yes]")
                target = DOCS / f"cc-1917-aug-{year}.png"
                page.screenshot(path=str(target))
                print(f"wrote {target}")
                page.close()
            browser.close()


if __name__ == "__main__":
    main()
