// Puppeteer cannot download a browser on these machines (no network but the npm registry).
// Skip the download when a system Chromium exists; briefwright resolves the browser itself
// (--browser, BRIEFWRIGHT_BROWSER, puppeteer's cache, then system paths).
const { existsSync } = require('node:fs');

const systemBrowsers = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

module.exports = {
  skipDownload: Boolean(process.env.BRIEFWRIGHT_BROWSER) || systemBrowsers.some((p) => existsSync(p)),
};
