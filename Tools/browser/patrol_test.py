#!/usr/bin/env python3
"""Headless-browser test of the patrol page (/app/patrol/) on a phone-sized screen.

Drives Debian's chromium through chromedriver with Selenium, as a patroller would:

  1. the page loads at 390×844 (mobile emulation) and fits the screen;
  2. with a patroller's token and the position emulated at a marker, "Near me" lists that
     marker first;
  3. with the network emulated off, a patrol is recorded: it waits in the outbox and the
     server has not seen it;
  4. the network comes back: the outbox sends it by itself, and the register holds it exactly
     once (GET /register/patrols);
  5. the same entry delivered again (the answer lost, the phone retries) is answered as a
     duplicate and still appears once;
  6. no JavaScript errors.

Usage:
  patrol_test.py --url http://127.0.0.1:8080 --token qh_… --marker 0004-001 [--screenshot out.png]

Prints PASS/FAIL per check; exits 1 if any check fails, 2 if the browser cannot start.
"""

import argparse
import json
import os
import sys
import time
import urllib.request
import uuid

os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402

from webapp_test import Checks, check_console, set_viewport, start_browser, visible, wait  # noqa: E402

PHONE = (390, 844)


def api(base, path, token=None):
    request = urllib.request.Request(base + path, headers={"Accept": "application/json"})
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def set_network(driver, online):
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": not online, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})


def patrols_with(base, marker, note):
    answer = api(base, f"/register/patrols?marker={marker}&limit=1000")
    return [p for p in answer["patrols"] if any(o.get("note") == note for o in p.get("observations", []))]


def outbox_states(driver):
    return driver.execute_script(
        "return [...document.querySelectorAll('#outbox li')].map(li => li.className + ' ' + li.dataset.clientId);")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True, help="a patroller's token")
    parser.add_argument("--marker", default="0004-001")
    parser.add_argument("--screenshot")
    arguments = parser.parse_args()
    base = arguments.url.rstrip("/")
    note = f"browser test {uuid.uuid4()}"

    try:
        driver = start_browser()
    except Exception as error:
        print(f"FAIL  start chromium: {error}", flush=True)
        return 2
    checks = Checks()
    state = {}
    try:
        set_viewport(driver, *PHONE, mobile=True)

        def load():
            driver.get(f"{base}/app/patrol/")
            visible(driver, "#near", 30)
            width = driver.execute_script("return document.documentElement.scrollWidth")
            if width > PHONE[0] + 1:
                raise AssertionError(f"page is {width}px wide on a {PHONE[0]}px screen")
            return f"scrollWidth {width}px"
        checks.run("page: /app/patrol/ loads on a 390 px phone screen", load)
        if checks.failed:
            print("FAILED: the patrol page did not load; later checks skipped", flush=True)
            return 1

        def near():
            marker = api(base, f"/register/markers?number={arguments.marker}")["markers"][0]
            driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": base, "permissions": ["geolocation"]})
            driver.execute_cdp_cmd("Emulation.setGeolocationOverride",
                                   {"latitude": marker["lat"], "longitude": marker["lon"], "accuracy": 5})
            token_box = driver.find_element(By.ID, "token")
            token_box.send_keys(arguments.token)
            driver.find_element(By.CSS_SELECTOR, "#token-form button").click()
            wait(driver, 10).until(lambda d: "patroller" in d.find_element(By.ID, "who").text,
                                   "the token was not accepted as a patroller's")
            driver.find_element(By.ID, "near").click()
            first = wait(driver, 20).until(
                EC.presence_of_element_located((By.CSS_SELECTOR, "#markers li:first-child button")),
                "no marker listed near the emulated position")
            if first.get_attribute("data-number") != arguments.marker:
                raise AssertionError(f"nearest is {first.get_attribute('data-number')}, not {arguments.marker}")
            state["button"] = True
            return f"{driver.find_element(By.ID, 'who').text}; nearest: {first.text.splitlines()[0]}"
        checks.run(f"find: “Near me” at {arguments.marker} lists it first", near)

        def offline():
            if not state.get("button"):
                driver.find_element(By.ID, "number").send_keys(arguments.marker)
                driver.find_element(By.CSS_SELECTOR, "#number-form button").click()
            listed = (By.CSS_SELECTOR, f'#markers button[data-number="{arguments.marker}"]')
            wait(driver, 20).until(EC.element_to_be_clickable(listed), "marker not listed")
            set_network(driver, online=False)
            wait(driver, 10).until(lambda d: d.execute_script("return navigator.onLine") is False,
                                   "the page still thinks it is online")
            wait(driver, 10).until(EC.element_to_be_clickable(listed), "marker no longer listed").click()
            visible(driver, "#record")
            driver.find_element(By.CSS_SELECTOR, 'input[name=condition][value="damaged"]').click()
            driver.find_element(By.ID, "note").send_keys(note)
            driver.find_element(By.CSS_SELECTOR, "#patrol-form button[type=submit]").click()
            # The outbox redraws after each sending attempt: read the entry inside the wait.
            state["clientId"] = wait(driver, 10).until(
                lambda d: d.find_element(By.CSS_SELECTOR, "#outbox li.waiting").get_attribute("data-client-id"),
                "the patrol is not waiting in the outbox")
            time.sleep(1.0)
            if patrols_with(base, arguments.marker, note):
                raise AssertionError("the server has the patrol although the phone is offline")
            return f"waiting in the outbox ({driver.find_element(By.ID, 'outbox-status').text})"
        checks.run("offline: a patrol recorded without a connection waits in the outbox", offline)

        def online():
            set_network(driver, online=True)
            wait(driver, 40).until(lambda d: d.find_elements(By.CSS_SELECTOR, f'#outbox li.sent[data-client-id="{state.get("clientId")}"]'),
                                   "the outbox did not send the patrol within 40 s of the connection returning")
            found = patrols_with(base, arguments.marker, note)
            if len(found) != 1:
                raise AssertionError(f"the register holds the patrol {len(found)} times")
            state["patrol"] = found[0]
            observation = next(o for o in found[0]["observations"] if o.get("note") == note)
            if observation["condition"] != "damaged":
                raise AssertionError(f"condition recorded as {observation['condition']}")
            return f"sent by itself; patrol #{found[0]['id']} by {found[0].get('patroller')} holds it once"
        checks.run("online: the outbox sends it, and the register holds it once", online)

        def resend():
            if not state.get("clientId"):
                raise AssertionError("no entry was recorded offline")
            # The answer to the first delivery "was lost": mark the entry waiting again and send.
            driver.execute_async_script("""
                const [clientId, done] = arguments;
                const open = indexedDB.open('quhua-patrol', 1);
                open.onsuccess = () => {
                  const tx = open.result.transaction('outbox', 'readwrite');
                  const store = tx.objectStore('outbox');
                  store.get(clientId).onsuccess = (e) => { const entry = e.target.result; entry.state = 'waiting'; store.put(entry); };
                  tx.oncomplete = () => { open.result.close(); done(true); };
                };""", state.get("clientId"))
            driver.find_element(By.ID, "send").click()
            wait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, f'#outbox li.sent[data-client-id="{state.get("clientId")}"]'),
                                   "the second delivery was not answered")
            found = patrols_with(base, arguments.marker, note)
            if len(found) != 1:
                raise AssertionError(f"after a second delivery the register holds the patrol {len(found)} times")
            return f"second delivery answered with patrol #{found[0]['id']}; still once"
        checks.run("retry: the same entry delivered twice is recorded once", resend)

        # Requests made while the network is emulated off fail by design.
        checks.run("page: no JavaScript errors", lambda: check_console(
            driver, ignore=("Failed to load resource", "ERR_INTERNET_DISCONNECTED", "favicon")))

        if arguments.screenshot:
            os.makedirs(os.path.dirname(os.path.abspath(arguments.screenshot)), exist_ok=True)
            driver.save_screenshot(arguments.screenshot)
            print(f"screenshot: {arguments.screenshot}", flush=True)
    finally:
        driver.quit()

    print(f"{'FAILED' if checks.failed else 'OK'}: {checks.failed} check(s) failed", flush=True)
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
