"""End to end: `penalties serve` in a real browser. Headless Chromium (Debian's `chromium` and
`chromium-driver`), driven by Selenium, fills the calculator in Russian and reads the answer.

The server runs in this process on a free port of 127.0.0.1 (uvicorn in a thread); the browser
loads nothing but it. Skipped where chromium, its driver or selenium is missing.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time

import pytest

pytest.importorskip("starlette")
uvicorn = pytest.importorskip("uvicorn")
webdriver = pytest.importorskip("selenium.webdriver")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver")


@pytest.fixture(scope="module")
def server():
    from penalties.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=400,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    # a phone's viewport: 400 CSS pixels wide (a headless window is at least 500 px wide itself)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 400, "height": 850, "deviceScaleFactor": 1, "mobile": True}
    )
    yield driver
    driver.quit()


def test_a_russian_user_fills_the_form_and_reads_the_penalty(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/?lang=ru")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Какое наказание")
    browser.find_element(By.ID, "reference").send_keys("ч.1 ст.403 УК РК")
    # a date input takes the date as typed in the browser's locale; set its value as the form sends it
    browser.execute_script("document.getElementById('committed').value = '2016-06-01'")
    Select(browser.find_element(By.ID, "offender")).select_by_value("individual")
    browser.find_element(By.CSS_SELECTOR, "#assess button[type=submit]").click()
    result = WebDriverWait(browser, 30).until(ec.presence_of_element_located((By.ID, "result")))
    text = result.text.replace("\u00a0", " ").replace("\u202f", " ")
    # CC 403(1), the 2014 wording: fine up to 300 MCI; the MCI of 2016 is 2121 KZT: 636 300 KZT
    assert "Применимое наказание" in text and "ч.1 ст.403 УК РК" in text
    assert "300 МРП" in text and "636 300,00 ₸" in text
    assert "1 МРП = 2 121,00 ₸" in text
    # the page fits a 400 px phone: nothing wider than the window
    widths = browser.execute_script("return [window.innerWidth, document.documentElement.scrollWidth]")
    assert widths[0] == 400 and widths[1] <= 400, widths
    # the chart is drawn inline, and the citation is there to copy
    assert browser.find_elements(By.CSS_SELECTOR, "#history svg.chart polyline.fine")
    citation = browser.find_element(By.ID, "citation").get_attribute("value")
    assert citation == "ч. 1 ст. 403 Уголовного кодекса Республики Казахстан (в первоначальной редакции)"
    browser.execute_cdp_cmd(
        "Browser.grantPermissions", {"origin": server, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}
    )
    button = browser.find_element(By.CSS_SELECTOR, "button[data-copy=citation]")
    browser.execute_script("arguments[0].scrollIntoView()", button)
    button.click()
    WebDriverWait(browser, 10).until(lambda d: button.text == "Скопировано")
    pasted = browser.execute_async_script(
        "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('' + e))"
    )
    assert pasted == citation
    # every resource came from the server itself
    origins = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert origins and all(name.startswith(server) for name in origins)
