// The WebDriver (W3C) harness for the browser checks that must run in more than one engine:
// Chromium, Firefox ESR and WebKit, each through its own driver, with npm selenium-webdriver.
// Playwright drives only Chromium here (Debian has no Playwright Firefox or WebKit builds, and
// nothing can be downloaded), so the suites that must cover Safari's engine and Firefox use
// this instead.
//
//   import { ENGINES, launch, check, tally, problems, inWidget, waitIn, ... } from "./webdriver.mjs";
//   const t = tally();
//   const { driver, close, version, downloads } = await launch("webkit");   // "chromium" | "firefox" | "webkit"
//   await check(t, "[webkit] start", 60, async () => {
//     await open(driver, url);                                     // load, wait for data-srf-ready
//     const button = await inWidget(driver, ".srf-button--start"); // a WebElement in the shadow root
//     await button.click();                                        // real WebDriver input
//     t.record((await waitFocus(driver, ".srf-heading-l")).ok, "[webkit] focus on the heading");
//   });
//   await close();
//   console.log(`name: ${t.passed} passed, ${t.failed} failed`);
//
// The drivers, never downloaded (Selenium Manager is switched off below; every path is given):
//   chromium  /usr/bin/chromium (CHROMIUM) with /usr/bin/chromedriver (CHROMEDRIVER), headless
//   firefox   /usr/bin/firefox-esr (FIREFOX) with ~/.cargo/bin/geckodriver (GECKODRIVER), -headless
//   webkit    WebKitGTK's MiniBrowser (MINIBROWSER) in --automation mode, driven by
//             /usr/bin/WebKitWebDriver (WEBKIT_DRIVER), which this file starts on a free port.
//             MiniBrowser has no headless mode: without a DISPLAY, this file starts Xvfb on a
//             free display (Xvfb -displayfd) and stops it afterwards.
//
// Everything in a page is reached with driver.executeScript (elements returned from the
// widget's open shadow root are WebElements in all three engines); input is always WebDriver's
// own (element.click, element.sendKeys, driver.actions()), never synthetic DOM events.
// The scripts run in the page are built as source text here, not with eval or new Function in
// the page, so they work under the strict CSP page too; they time with performance.now(), as
// a page may fix Date (the scenarios' own "today").

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { get as httpGet } from "node:http";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { Builder, Key } from "selenium-webdriver";
import chrome from "selenium-webdriver/chrome.js";
import firefox from "selenium-webdriver/firefox.js";
import { AXE_SOURCE, AXE_TAGS, CHROMIUM_ARGS, axeInPage, withTimeout } from "./lib.mjs";

// Selenium Manager would look for, and download, browsers and drivers when a path is missing.
// It cannot reach anything here and must never try: point it at nothing, so any call to it
// fails at once with "Unable to obtain Selenium Manager" instead of going to the network.
process.env.SE_MANAGER_PATH = join(tmpdir(), "selenium-manager-switched-off");
process.env.SE_OFFLINE = "true";

export { Key };
// The tally and the list of problems of one check: the same as the Playwright suites'.
export { problems, tally } from "./lib.mjs";

/** Processes this file started (Xvfb, WebKitWebDriver): ended with node, even when a run is
 *  stopped half way (Ctrl+C, a time-out), so none is left behind. */
const children = new Set();
/** Folders this file made (downloads, WebKit's config): removed with node too. */
const folders = new Set();
function tempFolder(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.add(dir);
  return dir;
}
process.on("exit", () => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  for (const child of children) {
    try {
      child.kill("SIGKILL");
    } catch {
      // gone already
    }
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => process.exit(signal === "SIGINT" ? 130 : 143));
}
function track(child) {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

export const ENGINES = ["chromium", "firefox", "webkit"];

/** WebKitGTK's MiniBrowser: where libwebkit2gtk-4.1-0 puts it on this machine's architecture. */
function findMiniBrowser() {
  for (const dir of ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", ...safeList("/usr/lib")]) {
    const path = join(dir, "webkit2gtk-4.1", "MiniBrowser");
    if (existsSync(path)) return path;
  }
  return "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
}
function safeList(dir) {
  try {
    return readdirSync(dir).map((d) => join(dir, d));
  } catch {
    return [];
  }
}

export const PATHS = {
  chromium: process.env.CHROMIUM || "/usr/bin/chromium",
  chromedriver: process.env.CHROMEDRIVER || "/usr/bin/chromedriver",
  firefox: process.env.FIREFOX || "/usr/bin/firefox-esr",
  geckodriver: process.env.GECKODRIVER || join(homedir(), ".cargo/bin/geckodriver"),
  webkitDriver: process.env.WEBKIT_DRIVER || "/usr/bin/WebKitWebDriver",
  miniBrowser: process.env.MINIBROWSER || findMiniBrowser(),
};

/** The viewport the suites assume, as a window size (all three engines honour setRect). */
export const WINDOW = { width: 1280, height: 900 };

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Wait until a WebDriver server answers /status as ready. */
async function waitForDriver(url, ms = 15000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise((resolve) => {
      const req = httpGet(`${url}/status`, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => {
          try {
            resolve(JSON.parse(body).value.ready === true);
          } catch {
            resolve(false);
          }
        });
      });
      req.on("error", () => resolve(false));
      req.setTimeout(1000, () => req.destroy());
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer /status in ${ms / 1000} s`);
}

/** A display for MiniBrowser: $DISPLAY if there is one, else an Xvfb of our own on a free
 *  display (it tells its number through -displayfd). Returns { display, stop }. */
export async function ensureDisplay() {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY, stop: async () => {} };
  const xvfb = track(spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  }));
  let stderr = "";
  xvfb.stderr.on("data", (c) => (stderr += c));
  const display = await withTimeout(10000, "Xvfb", () =>
    new Promise((resolve, reject) => {
      let out = "";
      xvfb.stdio[3].on("data", (c) => {
        out += c;
        if (out.includes("\n")) resolve(`:${out.trim()}`);
      });
      xvfb.on("error", reject);
      xvfb.on("exit", (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.trim().split("\n").at(-1)}`)));
    }),
  );
  return { display, stop: () => stopProcess(xvfb) };
}

/** End a process we started (by its own handle), waiting a moment for it to go. */
function stopProcess(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      try {
        child.kill("SIGKILL");
      } catch {
        // gone already
      }
      resolve();
    }, 3000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Start one engine's browser through its driver. Returns { engine, driver, close, version,
 * downloads } where `downloads` is the (new, empty) folder the browser saves downloads in,
 * without asking. `close()` quits the session, stops every process this started and removes
 * the folder.
 */
export async function launch(engine) {
  const downloads = tempFolder(`srf-downloads-${engine}-`);
  const cleanups = [];
  let driver;
  try {
    if (engine === "chromium") {
      const options = new chrome.Options()
        .setChromeBinaryPath(PATHS.chromium)
        .addArguments(
          ...CHROMIUM_ARGS, // the Playwright suites' own (lib.mjs)
          "--disable-search-engine-choice-screen",
          `--window-size=${WINDOW.width},${WINDOW.height}`,
        )
        .setUserPreferences({
          "download.default_directory": downloads,
          "download.prompt_for_download": false,
          "safebrowsing.enabled": false,
        });
      const service = new chrome.ServiceBuilder(PATHS.chromedriver);
      driver = await new Builder().forBrowser("chrome").setChromeOptions(options).setChromeService(service).build();
    } else if (engine === "firefox") {
      const options = new firefox.Options()
        .setBinary(PATHS.firefox)
        .addArguments("-headless")
        .setPreference("browser.download.folderList", 2)
        .setPreference("browser.download.dir", downloads)
        .setPreference("browser.download.useDownloadDir", true)
        .setPreference("browser.download.always_ask_before_handling_new_types", false)
        .setPreference("browser.download.start_downloads_in_tmp_dir", false)
        .setPreference("browser.download.manager.showWhenStarting", false)
        .setPreference("browser.helperApps.neverAsk.saveToDisk", "text/html,text/calendar")
        // No network but the test server: no update checks, telemetry or remote settings.
        .setPreference("app.update.enabled", false)
        .setPreference("datareporting.policy.dataSubmissionEnabled", false)
        .setPreference("toolkit.telemetry.enabled", false);
      const service = new firefox.ServiceBuilder(PATHS.geckodriver);
      driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
    } else if (engine === "webkit") {
      const { display, stop } = await ensureDisplay();
      cleanups.push(stop);
      // MiniBrowser saves a download, without asking, in GLib's download folder: the
      // XDG_DOWNLOAD_DIR of $XDG_CONFIG_HOME/user-dirs.dirs (else the home folder). A config
      // folder of our own points it at this session's folder; MiniBrowser inherits the
      // environment from WebKitWebDriver.
      const config = tempFolder("srf-webkit-config-");
      cleanups.push(async () => rmSync(config, { recursive: true, force: true }));
      writeFileSync(join(config, "user-dirs.dirs"), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
      const port = await freePort();
      const child = track(spawn(PATHS.webkitDriver, [`--port=${port}`], {
        env: { ...process.env, DISPLAY: display, XDG_CONFIG_HOME: config },
        stdio: ["ignore", "ignore", "pipe"],
      }));
      let stderr = "";
      child.stderr.on("data", (c) => (stderr = (stderr + c).slice(-4000)));
      cleanups.unshift(() => stopProcess(child));
      const url = `http://127.0.0.1:${port}`;
      await waitForDriver(url).catch((e) => {
        throw new Error(`${e.message}; WebKitWebDriver said: ${stderr.trim().split("\n").slice(-3).join(" | ")}`);
      });
      const capabilities = {
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": { binary: PATHS.miniBrowser, args: ["--automation"] },
      };
      driver = await new Builder().usingServer(url).withCapabilities(capabilities).build();
    } else {
      throw new Error(`unknown engine ${engine}: one of ${ENGINES.join(", ")}`);
    }
    await driver.manage().setTimeouts({ script: 30000, pageLoad: 30000, implicit: 0 });
    await driver.manage().window().setRect({ width: WINDOW.width, height: WINDOW.height }).catch(() => {});
    const caps = await driver.getCapabilities();
    const version = `${caps.get("browserName")} ${caps.get("browserVersion") || caps.get("version") || ""}`.trim();
    const close = async () => {
      await withTimeout(15000, `${engine}: quit`, () => driver.quit()).catch(() => {});
      for (const fn of cleanups) await fn().catch(() => {});
      rmSync(downloads, { recursive: true, force: true });
    };
    return { engine, driver, close, version, downloads };
  } catch (error) {
    if (driver) await driver.quit().catch(() => {});
    for (const fn of cleanups) await fn().catch(() => {});
    rmSync(downloads, { recursive: true, force: true });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Scripts in the page. Each helper takes the driver and, where it matters, the widget's index
// on the page (n).

/** Run `body` in the page with `root` (the nth widget's shadow root), `host` and `args` bound;
 *  returns what it returns. */
export function widgetScript(driver, body, args = null, n = 0) {
  return driver.executeScript(
    `const host = document.querySelectorAll("send-route-finder")[arguments[1]];
     const root = host && host.shadowRoot;
     const args = arguments[0];
     ${body}`,
    args,
    n,
  );
}

/** The first element matching `css` in the nth widget's shadow root, as a WebElement; null if
 *  there is none. */
export function inWidget(driver, css, n = 0) {
  return widgetScript(driver, "return root ? root.querySelector(args) : null;", css, n);
}

/** Every element matching `css` in the nth widget's shadow root. */
export function allInWidget(driver, css, n = 0) {
  return widgetScript(driver, "return root ? [...root.querySelectorAll(args)] : [];", css, n);
}

/**
 * Wait in the page until `predicate` (function source: (root, args) => value) gives a truthy
 * value for the nth widget, polling every 20 ms; returns that value, or null after `ms`.
 * One WebDriver round trip, whatever the wait.
 */
export function waitIn(driver, predicate, args = null, { n = 0, ms = 10000 } = {}) {
  return driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     const [args, n, ms] = [arguments[0], arguments[1], arguments[2]];
     const predicate = (${predicate});
     const started = performance.now();
     const poll = () => {
       let value = null;
       try {
         const host = document.querySelectorAll("send-route-finder")[n];
         value = predicate(host && host.shadowRoot, args, host);
       } catch (e) {
         value = null;
       }
       if (value) return done(value);
       if (performance.now() - started > ms) return done(null);
       setTimeout(poll, 20);
     };
     poll();`,
    args,
    n,
    ms,
  );
}

/** Wait until the nth widget runs (data-srf-ready) and shows its Start button. */
export async function waitReady(driver, n = 0, ms = 20000) {
  const ok = await waitIn(driver, "(root, args, host) => host.hasAttribute('data-srf-ready') && !!root.querySelector('.srf-button--start')", null, { n, ms });
  if (!ok) throw new Error(`the widget did not start in ${ms / 1000} s`);
}

/** axe-core on the page as it is (lib.mjs's axeInPage, the same run as the Playwright suites),
 *  put into the page by a script element the first time. */
export async function runAxe(driver) {
  await driver.executeScript(
    `if (typeof window.axe === "undefined") {
       const s = document.createElement("script");
       s.textContent = arguments[0];
       document.head.appendChild(s);
     }`,
    AXE_SOURCE,
  );
  const results = await driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     (${axeInPage})(arguments[0]).then(done, (e) => done({ error: String(e) }));`,
    AXE_TAGS,
  );
  if (results.error) throw new Error(`axe-core could not run: ${results.error}`);
  return results;
}

/** Open a page and wait for its widget to start. */
export async function open(driver, url, n = 0) {
  await driver.get(url);
  await waitReady(driver, n);
}

/** What has focus in the nth widget, in words ("nothing in the widget" if focus is outside). */
export const FOCUS_SOURCE = `(root) => {
  const el = root && root.activeElement;
  if (!el) {
    const out = document.activeElement;
    return { tag: null, text: "nothing in the widget (document.activeElement: " + (out ? out.tagName.toLowerCase() + (out.id ? "#" + out.id : "") : "none") + ")" };
  }
  const cls = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : "";
  const words = (el.textContent || el.value || "").replace(/\\s+/g, " ").trim().slice(0, 60);
  return { tag: el.tagName.toLowerCase(), text: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + cls + (words ? ' "' + words + '"' : "") };
}`;

/** A short description of what has focus in the nth widget. */
export async function focusText(driver, n = 0) {
  const f = await widgetScript(driver, `return (${FOCUS_SOURCE})(root);`, null, n);
  return f.text;
}

/** Wait (briefly) until the element focused in the nth widget matches `css`; returns
 *  { ok, focus } with focus in words. */
export async function waitFocus(driver, css, { n = 0, ms = 3000 } = {}) {
  const ok = await waitIn(driver, "(root, css) => !!root.activeElement && root.activeElement.matches(css)", css, { n, ms });
  return { ok: !!ok, focus: await focusText(driver, n) };
}

/** Does the element focused in the nth widget match `css` now? */
export function activeMatches(driver, css, n = 0) {
  return widgetScript(driver, "return !!root.activeElement && root.activeElement.matches(args);", css, n);
}

/**
 * Click an element with the pointer (WebDriver actions: move to the element's centre, press,
 * release), not WebDriver's "element click" command. WebKitGTK's WebDriver (2.50) refuses
 * element click on text boxes inside a shadow root ("element click intercepted", no message:
 * an <input> always, the widget's letter <textarea> too), while the same pointer click at the
 * same point reaches them and gives them focus, as a person's would. Scrolls the element into
 * the middle of the view first, as actions do not scroll.
 */
export async function pointerClick(driver, element) {
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' });", element);
  await driver.actions().move({ origin: element }).press().release().perform();
}

/** Press keys one after another as a person would (each a keyDown and keyUp). */
export async function press(driver, ...keys) {
  const actions = driver.actions();
  for (const k of keys) actions.keyDown(k).keyUp(k);
  await actions.perform();
}

/** Press a key with Shift held down, `times` times (e.g. Shift+Tab). */
export async function shiftPress(driver, key, times = 1) {
  const actions = driver.actions();
  for (let i = 0; i < times; i++) actions.keyDown(Key.SHIFT).keyDown(key).keyUp(key).keyUp(Key.SHIFT);
  await actions.perform();
}

/** Type text as a person does: capitals with Shift held down for each, other characters as
 *  they are. */
export async function typeText(driver, text) {
  const actions = driver.actions();
  for (const c of text) {
    if (c >= "A" && c <= "Z") actions.keyDown(Key.SHIFT).keyDown(c).keyUp(c).keyUp(Key.SHIFT);
    else actions.keyDown(c).keyUp(c);
  }
  await actions.perform();
}

// ---------------------------------------------------------------------------------------------
// Checks.

/** One check with a time limit: an exception or time-out is one more FAIL line in the tally.
 *  ONLY=name1,name2 runs just the checks whose names hold one of those words. */
export async function check(t, name, seconds, fn) {
  if (process.env.ONLY && !process.env.ONLY.split(",").some((w) => name.includes(w))) return;
  try {
    await withTimeout(seconds * 1000, name, fn);
  } catch (error) {
    t.record(false, name, `stopped: ${String(error.message || error).split("\n")[0]}`);
  }
}
