/**
 * Where system packages put Chromium or Chrome (Debian/Ubuntu, Fedora, snap, Google's .deb,
 * macOS), Chromium's headless shell first. The shell (Debian's `chromium-headless-shell`, built
 * from the same source and version as `chromium`) is the print-only browser: without the
 * browser UI stack, it printed the bench's 20 briefings in 2.0 s instead of 3.4 s and 200
 * letters in 7.0 s instead of 10.7 s (BENCHMARKS.md), with the same tagging and outline. Debian's
 * `/usr/bin/chromium-headless-shell` is a shell script that runs the binary without `exec`, so
 * the binary itself comes first.
 */
export const systemBrowserPaths: readonly string[] = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
