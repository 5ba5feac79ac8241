#!/usr/bin/env python3
"""Headless-browser test of the quhua web app (served by `quhua serve` at /app/).

Drives Debian's chromium through Debian's chromedriver with Selenium and checks
what a user does first:

  0. /app/ loads;
  1. typing `cqs` in the search box suggests 重庆市, and the keyboard opens it;
  2. opening 万州区 (500101) shows its 1992 and 1998 events with documents;
  3. moving the year slider to 1996 draws 重庆市 (510200) inside 四川省 (510000);
  4. clicking the map inside a polygon gives a reverse-lookup answer;
  5. the page has no JavaScript errors and fits a phone-width screen.

Usage:
  webapp_test.py --url http://127.0.0.1:8080 [--screenshot out/webapp.png]

Prints PASS/FAIL per check; exits 1 if any check fails, 2 if the browser
cannot start.
"""

import argparse
import os
import sys
import time
import traceback

# Never let Selenium Manager reach the network: the browser and driver are
# Debian's, given explicitly below.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.actions.action_builder import ActionBuilder  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WIDTH, HEIGHT = 1280, 800


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", f"--window-size={WIDTH},{HEIGHT}",
                     "--lang=zh-CN", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", CHROMEDRIVER))
    driver = webdriver.Chrome(service=service, options=options)
    set_viewport(driver, WIDTH, HEIGHT, mobile=False)
    return driver


def set_viewport(driver, width, height, mobile):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


class Checks:
    def __init__(self):
        self.failed = 0

    def run(self, name, function):
        start = time.monotonic()
        try:
            detail = function()
            print(f"PASS  {name} ({time.monotonic() - start:.1f} s){': ' + detail if detail else ''}", flush=True)
        except Exception as error:  # a failed check must not stop the others
            self.failed += 1
            text = str(error).strip().removeprefix("Message:").strip()
            message = text.splitlines()[0] if text else type(error).__name__
            print(f"FAIL  {name} ({time.monotonic() - start:.1f} s): {message}", flush=True)
            if os.environ.get("WEBAPP_TEST_DEBUG"):
                traceback.print_exc()


def wait(driver, seconds=20):
    return WebDriverWait(driver, seconds, poll_frequency=0.1, ignored_exceptions=(StaleElementReferenceException,))


def visible(driver, css, seconds=20):
    return wait(driver, seconds).until(EC.visibility_of_element_located((By.CSS_SELECTOR, css)),
                                       f"nothing visible matches {css} after {seconds} s")


def type_in_search(driver, text):
    box = driver.find_element(By.ID, "q")
    box.click()
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    box.send_keys(text)
    return box


def suggestion(driver, query, predicate, seconds=10):
    """Waits for the suggestions for query, then for one that satisfies predicate."""
    def found(d):
        if d.find_element(By.ID, "suggestions").get_attribute("data-query") != query:
            return False
        for item in d.find_elements(By.CSS_SELECTOR, "#suggestions li[role=option]"):
            if item.is_displayed() and predicate(item):
                return item
        return False
    return wait(driver, seconds).until(found, f"no matching suggestion for “{query}” after {seconds} s")


def check_autocomplete(driver):
    box = type_in_search(driver, "cqs")
    item = suggestion(driver, "cqs", lambda li: "重庆市" in li.text)
    first = driver.find_elements(By.CSS_SELECTOR, "#suggestions li[role=option]")[0].text.split("\n")[0]
    # Keyboard: ArrowDown highlights a suggestion, Enter opens it.
    index = driver.find_elements(By.CSS_SELECTOR, "#suggestions li[role=option]").index(item)
    for _ in range(index + 1):
        box.send_keys(Keys.ARROW_DOWN)
    if item.get_attribute("aria-selected") != "true":
        raise AssertionError("ArrowDown did not highlight 重庆市")
    box.send_keys(Keys.ENTER)
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "place-title"), "重庆市"), "Enter did not open 重庆市")
    return f"“cqs” → {first}; ArrowDown+Enter opened {driver.find_element(By.ID, 'place-title').text}"


def check_wanzhou(driver):
    type_in_search(driver, "万州区")
    item = suggestion(driver, "万州区", lambda li: li.get_attribute("data-code") == "500101")
    item.click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "place-title"), "500101"), "万州区 did not open")
    found = {}
    for year in ("1992", "1998"):
        event = visible(driver, f'#pane-place .event[data-year="{year}"]', 10)
        documents = event.find_elements(By.CSS_SELECTOR, ".doc .number")
        numbers = [d.text for d in documents if d.text]
        if not numbers:
            raise AssertionError(f"the {year} event shows no approving document number")
        found[year] = f"{event.get_attribute('data-date')} {event.get_attribute('data-type')} ({numbers[0]})"
    return "; ".join(found.values())


def move_slider_to(driver, year):
    slider = driver.find_element(By.ID, "year")
    slider.send_keys(Keys.HOME)
    minimum = int(slider.get_attribute("min"))
    for _ in range(year - minimum):
        slider.send_keys(Keys.ARROW_RIGHT)
    if slider.get_attribute("value") != str(year):
        raise AssertionError(f"slider shows {slider.get_attribute('value')}, not {year}")
    day = f"{year}-12-31"
    wait(driver, 90).until(lambda d: d.find_element(By.ID, "map-status").get_attribute("data-day") == day
                           and d.find_element(By.ID, "map-status").get_attribute("data-state") == "ready",
                           f"the map did not finish drawing {day} in 90 s")
    return day


INTERIOR_POINT = """
const path = document.querySelector(arguments[0]);
if (!path) return null;
const box = path.getBoundingClientRect();
for (let n = 8; n <= 40; n *= 2)
  for (let i = 1; i < n; i++)
    for (let j = 1; j < n; j++) {
      const x = box.left + box.width * i / n, y = box.top + box.height * j / n;
      if (document.elementFromPoint(x, y) === path) return [Math.round(x), Math.round(y)];
    }
return null;
"""


def pointer(driver, x, y, click=False):
    builder = ActionBuilder(driver)
    builder.pointer_action.move_to_location(x, y)
    if click:
        builder.pointer_action.click()
    builder.perform()


def check_chongqing_in_sichuan(driver, state):
    day = move_slider_to(driver, 1996)
    selector = 'path[data-code="510200"]'
    path = wait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, selector)), "no polygon 510200 drawn for 1996")
    if path.get_attribute("data-parent-code") != "510000":
        raise AssertionError(f"510200 drawn with parent {path.get_attribute('data-parent-code')} {path.get_attribute('data-parent-name')}")
    point = driver.execute_script(INTERIOR_POINT, selector)
    if not point:
        raise AssertionError("no visible point inside 重庆市 (510200) on the map")
    state["point"] = point
    pointer(driver, *point)  # hover: the info box names the parent of that day
    info = visible(driver, "#feature-info")
    wait(driver, 5).until(lambda d: d.find_element(By.ID, "feature-info").get_attribute("data-code") == "510200",
                          "hovering 510200 did not show it in the info box")
    parent = info.find_element(By.CSS_SELECTOR, ".parent-name").text
    if "四川省" not in parent or "510000" not in parent:
        raise AssertionError(f"info box parent is {parent!r}")
    count = driver.find_element(By.ID, "map-status").text
    return f"{count}; hover 重庆市 510200 → 上级 {parent}"


def check_reverse(driver, state):
    point = state.get("point")
    if not point:  # check 3 failed before finding a point: use any drawn polygon
        point = driver.execute_script(INTERIOR_POINT, "path[data-code]")
    if not point:
        raise AssertionError("no polygon on the map to click")
    pointer(driver, *point, click=True)
    results = visible(driver, "#reverse-results", 30)
    items = results.find_elements(By.CSS_SELECTOR, "li")
    if not items:
        raise AssertionError(f"reverse answer is empty: {results.text!r}")
    where = driver.find_element(By.ID, "reverse-where").text
    first = items[0].text.split("\n")[0]
    if state.get("point") and "1996" not in where:
        raise AssertionError(f"reverse lookup not for 1996: {where!r}")
    held = " ".join(i.text for i in items)
    if state.get("point") and "四川省" not in held:
        raise AssertionError(f"reverse answer in 1996 does not mention 四川省: {held[:120]!r}")
    return f"{where} → {first}"


def check_console(driver, ignore=("Failed to load resource", "favicon")):
    """Fails on the first SEVERE browser log entry that contains none of the `ignore` texts."""
    try:
        entries = driver.get_log("browser")
    except Exception:
        return "browser log not available"
    errors = [e["message"] for e in entries if e.get("level") == "SEVERE"
              and not any(text in e["message"] for text in ignore)]
    if errors:
        raise AssertionError(errors[0][:300])
    return f"{len(entries)} log entries, no script errors"


def check_phone(driver):
    set_viewport(driver, 390, 844, mobile=True)
    try:
        time.sleep(0.5)
        width = driver.execute_script("return document.documentElement.scrollWidth")
        box = driver.find_element(By.ID, "q").rect
        if width > 390 + 1:
            raise AssertionError(f"page is {width}px wide at a 390px screen")
        if box["width"] < 200:
            raise AssertionError(f"search box only {box['width']}px wide")
        return f"scrollWidth {width}px, search box {int(box['width'])}px"
    finally:
        set_viewport(driver, WIDTH, HEIGHT, mobile=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True, help="the running server, e.g. http://127.0.0.1:8080")
    parser.add_argument("--screenshot", help="write a 1280×800 PNG of the app here")
    arguments = parser.parse_args()
    base = arguments.url.rstrip("/")

    try:
        driver = start_browser()
    except Exception as error:
        print(f"FAIL  start chromium: {error}", flush=True)
        return 2
    checks = Checks()
    state = {}
    try:
        def load():
            driver.get(f"{base}/app/")
            visible(driver, "#q", 30)
            return driver.title
        checks.run("page: /app/ loads", load)
        if checks.failed:
            print("FAILED: the web app did not load; later checks skipped", flush=True)
            return 1
        checks.run("search: typing “cqs” suggests 重庆市", lambda: check_autocomplete(driver))
        checks.run("place: 万州区 shows its 1992 and 1998 events", lambda: check_wanzhou(driver))
        checks.run("map: in 1996 重庆市 (510200) is inside 四川省 (510000)", lambda: check_chongqing_in_sichuan(driver, state))
        checks.run("map: a click inside a polygon gets a reverse answer", lambda: check_reverse(driver, state))
        checks.run("page: no JavaScript errors", lambda: check_console(driver))
        if arguments.screenshot:
            driver.find_element(By.ID, "tab-place").click()
            ActionChains(driver).move_to_element(driver.find_element(By.ID, "place-title")).perform()
            time.sleep(0.3)
            os.makedirs(os.path.dirname(os.path.abspath(arguments.screenshot)), exist_ok=True)
            driver.save_screenshot(arguments.screenshot)
            print(f"screenshot: {arguments.screenshot}", flush=True)
        checks.run("layout: fits a 390 px phone screen", lambda: check_phone(driver))
    finally:
        driver.quit()

    print(f"{'FAILED' if checks.failed else 'OK'}: {checks.failed} check(s) failed", flush=True)
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
