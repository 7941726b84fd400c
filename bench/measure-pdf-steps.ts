/**
 * The PDF stage taken apart, in one process on one browser: per document, what a bare reused
 * tab costs, what briefwright's isolated print (fresh tab, JavaScript off, request
 * interception, virtual origin) costs, and what post-processing (pdf-lib) costs in CPU.
 * Usage: node dist/bench/measure-pdf-steps.js [--browser PATH] file.html…
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer';
import type { Browser } from 'puppeteer';
import { median } from './summarize.js';

/**
 * briefwright's own PDF modules, loaded from the compiled dist/ beside dist/bench/. Typed here
 * by hand: the bench is compiled on its own and must not pull src/ into its program.
 */
interface PdfModules {
  finalizePdf(bytes: Uint8Array, metadata: { title: string; author: string | undefined; subject: string | undefined; keywords: readonly string[]; language: string; producer: string; date: Date }): Promise<{ bytes: Uint8Array; pages: number }>;
  printPage(browser: Browser, input: { html: string; format: 'Letter' | 'A4'; deadline: number; tabs?: unknown }): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; failure: unknown }>;
  createTabPool(): unknown;
  browserArgs: readonly string[];
}
const load = async (file: string): Promise<Partial<PdfModules>> => (await import(new URL(`../pdf/${file}.js`, import.meta.url).href)) as Partial<PdfModules>;
const { finalizePdf, printPage, browserArgs, createTabPool } = Object.assign(
  {},
  ...(await Promise.all(['finalize-pdf', 'print-page', 'launch-browser', 'tab-pool'].map(load))),
) as PdfModules;

const { values, positionals } = parseArgs({ allowPositionals: true, options: { browser: { type: 'string' } } });
const htmls = await Promise.all(positionals.map((f) => readFile(f, 'utf8')));
const browser = await puppeteer.launch({ executablePath: values.browser ?? '/usr/bin/chromium', pipe: true, headless: true, args: [...browserArgs] });
const options = { format: 'Letter', preferCSSPageSize: true, printBackground: true, outline: true, tagged: true } as const;

const timings: Record<string, number[]> = {
  'bare: reused tab, setContent + pdf': [],
  'briefwright printPage (fresh tab, guarded)': [],
  'briefwright printPage (reused tab, guarded)': [],
  'finalizePdf (pdf-lib), CPU': [],
};
const tabs = createTabPool();
const page = await browser.newPage();
let last: Uint8Array | undefined;
for (const html of htmls) {
  let t = performance.now();
  await page.setContent(html, { waitUntil: 'load' });
  await page.pdf(options);
  timings['bare: reused tab, setContent + pdf']!.push(performance.now() - t);

  t = performance.now();
  const printed = await printPage(browser, { html, format: 'Letter', deadline: Date.now() + 60_000 });
  timings['briefwright printPage (fresh tab, guarded)']!.push(performance.now() - t);
  if (!printed.ok) throw new Error(`print failed: ${JSON.stringify(printed.failure)}`);
  last = printed.bytes;

  t = performance.now();
  const reused = await printPage(browser, { html, format: 'Letter', deadline: Date.now() + 60_000, tabs });
  timings['briefwright printPage (reused tab, guarded)']!.push(performance.now() - t);
  if (!reused.ok) throw new Error(`print failed: ${JSON.stringify(reused.failure)}`);

  const cpu = process.cpuUsage();
  await finalizePdf(printed.bytes, { title: 't', author: 'a', subject: undefined, keywords: [], language: 'en', producer: 'p', date: new Date(0) });
  const used = process.cpuUsage(cpu);
  timings['finalizePdf (pdf-lib), CPU']!.push((used.user + used.system) / 1000);
}
await browser.close();
for (const [name, ms] of Object.entries(timings)) console.log(`${name.padEnd(45)} median ${median(ms).toFixed(1)} ms over ${ms.length}`);
console.log(`last PDF: ${last?.byteLength ?? 0} bytes`);
