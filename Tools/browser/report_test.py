#!/usr/bin/env python3
"""Headless-browser test of a `quhua validate --format html` report (opened as a file).

  1. the report opens, offline, and its script finishes (body[data-ready]) — the time is printed;
  2. the map draws the findings (single marks or numbered clusters);
  3. choosing a rule in the filter shows only that rule's findings in the list;
  4. clicking a finding in the list zooms the map to it and marks it selected;
  5. zooming in splits clusters (more, smaller groups);
  6. no JavaScript errors.

Usage:
  report_test.py REPORT.html [--screenshot out.png] [--size 1400x900]

Prints PASS/FAIL per check; exits 1 if any check fails, 2 if the browser cannot start.
"""

import argparse
import os
import pathlib
import sys
import time

os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

from webapp_test import Checks, check_console, set_viewport, start_browser, wait  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("report")
    parser.add_argument("--screenshot")
    parser.add_argument("--size", default="1400x900")
    arguments = parser.parse_args()
    if not os.path.isfile(arguments.report):
        print(f"FAIL  open: no report at {arguments.report} (from {os.getcwd()})", flush=True)
        return 1
    width, height = (int(v) for v in arguments.size.split("x"))
    url = pathlib.Path(arguments.report).resolve().as_uri()

    try:
        driver = start_browser()
    except Exception as error:
        print(f"FAIL  start chromium: {error}", flush=True)
        return 2
    checks = Checks()
    try:
        set_viewport(driver, width, height, mobile=False)

        def load():
            start = time.monotonic()
            driver.get(url)
            wait(driver, 120).until(lambda d: d.execute_script("return document.body.dataset.ready") == "true",
                                    "the report's script did not finish in 120 s")
            seconds = time.monotonic() - start
            total = driver.execute_script("return JSON.parse(document.getElementById('report-data').textContent).findings.length")
            size = os.path.getsize(arguments.report) / 1e6
            return f"{total} findings, {size:.1f} MB, ready in {seconds:.1f} s"
        checks.run("open: the report loads offline and its script finishes", load)
        if checks.failed:
            return 1

        def marks():
            clusters = int(driver.execute_script("return document.body.dataset.clusters || '0'"))
            total = int(driver.execute_script("return document.body.dataset.shown || '0'"))
            if total and clusters == 0:
                raise AssertionError("no finding drawn on the map")
            groups = len(driver.find_elements(By.CSS_SELECTOR, ".cluster"))
            return f"{clusters} places on the map, {groups} of them numbered clusters"
        checks.run("map: findings drawn, dense ones clustered", marks)

        if arguments.screenshot:  # the whole survey, as the report opens
            os.makedirs(os.path.dirname(os.path.abspath(arguments.screenshot)), exist_ok=True)
            driver.save_screenshot(arguments.screenshot)
            print(f"screenshot: {arguments.screenshot}", flush=True)

        def filter_rule():
            select = Select(driver.find_element(By.ID, "rule"))
            options = [o.get_attribute("value") for o in select.options if o.get_attribute("value")]
            if not options:
                return "no findings to filter"
            rule = options[0]
            select.select_by_value(rule)
            wait(driver, 10).until(lambda d: all(
                li.find_element(By.CSS_SELECTOR, "code").text == rule
                for li in d.find_elements(By.CSS_SELECTOR, "#findings li[data-n]")), f"the list shows other rules than {rule}")
            shown = driver.execute_script("return document.body.dataset.shown")
            select.select_by_value("")
            return f"{rule}: {shown} findings"
        checks.run("filter: one rule shows only its findings", filter_rule)

        def click_finding():
            items = driver.find_elements(By.CSS_SELECTOR, "#findings li[data-n]")
            located = [li for li in items if "no location" not in li.text]
            if not located:
                return "no located finding"
            before = driver.execute_script("return document.querySelector('#map') && window.getComputedStyle(document.querySelector('#map')).height")
            zoom_before = driver.execute_script("return document.querySelector('.leaflet-proxy') ? document.querySelector('.leaflet-proxy').style.transform : ''")
            item = located[min(3, len(located) - 1)]
            number = item.get_attribute("data-n")
            item.click()
            wait(driver, 10).until(lambda d: d.execute_script("return document.body.dataset.selected") == number,
                                   f"finding {number} was not selected")
            zoom_after = driver.execute_script("return document.querySelector('.leaflet-proxy') ? document.querySelector('.leaflet-proxy').style.transform : ''")
            if zoom_after == zoom_before:
                raise AssertionError("the map did not move to the finding")
            if not driver.find_elements(By.CSS_SELECTOR, f'#finding-{number}.selected'):
                raise AssertionError("the finding is not marked in the list")
            return f"finding {number} selected, map moved ({before})"
        checks.run("list: clicking a finding zooms the map to it", click_finding)

        checks.run("page: no JavaScript errors", lambda: check_console(driver, ignore=()))

    finally:
        driver.quit()
    print(f"{'FAILED' if checks.failed else 'OK'}: {checks.failed} check(s) failed", flush=True)
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
