/**
 * The floor: what printing the finished HTML costs with nothing but puppeteer — one browser,
 * one reused tab per worker, `setContent` + `page.pdf` with the same print options briefwright
 * uses. Usage: node floor.js --browser PATH --concurrency N --out DIR [--briefwright-flags] file.html…
 *
 * The floor launches Chromium with briefwright's quiet, locked-down flags and its font hinting
 * (so it lays out the same pages), not with the flags briefwright adds for speed.
 * `--briefwright-flags` launches it with all of briefwright's flags instead: a second, informative
 * row that tells the browser's configuration apart from briefwright's own work.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { browser: { type: 'string' }, concurrency: { type: 'string' }, out: { type: 'string' }, 'briefwright-flags': { type: 'boolean' } },
});
const concurrency = Number(values.concurrency ?? '2');
const out = values.out ?? 'floor-out';
await mkdir(out, { recursive: true });

const bareArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--font-render-hinting=none'];
/** briefwright's own launch flags, from the compiled tool beside the bench (dist/pdf/). */
const briefwrightArgs = async (): Promise<string[]> =>
  [...((await import(new URL('../pdf/launch-browser.js', import.meta.url).href)) as { browserArgs: readonly string[] }).browserArgs];
const browserPath = values.browser ?? '/usr/bin/chromium';
const browser = await puppeteer.launch({
  executablePath: browserPath,
  pipe: true,
  // As briefwright launches it: the headless shell in its own mode, Chrome in its new headless one.
  headless: /headless-shell(?:\.exe)?$/.test(browserPath) ? 'shell' : true,
  args: values['briefwright-flags'] ? await briefwrightArgs() : bareArgs,
});
let next = 0;
let printed = 0;
const worker = async (): Promise<void> => {
  const page = await browser.newPage();
  for (let i = next++; i < positionals.length; i = next++) {
    const file = positionals[i]!;
    await page.setContent(await readFile(file, 'utf8'), { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'Letter', preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
    // Letters share a file name per recipient folder: keep the parent folder in the name.
    await writeFile(join(out, `${basename(join(file, '..'))}-${basename(file, '.html')}.pdf`), pdf);
    printed++;
  }
  await page.close();
};
await Promise.all(Array.from({ length: Math.min(concurrency, positionals.length) }, worker));
await browser.close();
console.log(JSON.stringify({ printed }));
