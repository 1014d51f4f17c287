// Lighthouse over several pages, one after the other, in one chromium and one Node process: starting
// Node with Lighthouse and a chromium costs about as much as checking a page (tools/lighthouse.py).
// Usage: node tools/lighthouse_pages.mjs SETTINGS_JSON
//   SETTINGS_JSON: {"urls": [...], "categories": [...] (empty: all), "chromium": path, "flags": [...]}
// Prints {url: Lighthouse's report (its JSON result)} on stdout; exits non-zero if a page fails.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const settings = JSON.parse(process.argv[2]);
const chrome = await chromeLauncher.launch({chromePath: settings.chromium, chromeFlags: settings.flags});
const reports = {};
try {
  for (const url of settings.urls) {
    const options = {port: chrome.port, output: "json", logLevel: "error"};
    if (settings.categories.length) options.onlyCategories = settings.categories;
    const result = await lighthouse(url, options);
    if (!result || result.lhr.runtimeError) {
      throw new Error(`${url}: ${result ? result.lhr.runtimeError.message : "no result"}`);
    }
    reports[url] = result.lhr;
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(reports));
