import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../../../src/pdf/launch-browser.js';
import { printPage } from '../../../src/pdf/print-page.js';
import { createTabPool } from '../../../src/pdf/tab-pool.js';
import { pdfTestBrowser } from '../../pdf/helpers/pdf-browser.js';
import { readPdf } from '../../pdf/helpers/read-pdf.js';

const executable = pdfTestBrowser();
const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

describe.skipIf(executable === undefined)('createTabPool', () => {
  let launched: LaunchedBrowser;
  let browser: Browser;
  beforeAll(async () => {
    launched = await launchBrowser(executable!);
    browser = launched.browser;
  });
  afterAll(() => launched.close());

  it('hands a returned tab out again and opens a new one only when none is idle', async () => {
    const tabs = createTabPool();
    const first = await tabs.take(browser);
    const second = await tabs.take(browser);
    expect(second).not.toBe(first);
    tabs.give(first);
    expect(await tabs.take(browser)).toBe(first);
    await first.close();
    tabs.give(second);
    await second.close();
    // A tab closed while idle is dropped, not handed out.
    const third = await tabs.take(browser);
    expect([first, second]).not.toContain(third);
    await third.close();
  });

  it('retires a tab after maxUses documents', async () => {
    const tabs = createTabPool({ maxUses: 2 });
    const tab = await tabs.take(browser);
    expect(tabs.give(tab)).toBe(true);
    expect(await tabs.take(browser)).toBe(tab);
    expect(tabs.give(tab)).toBe(false);
    const next = await tabs.take(browser);
    expect(next).not.toBe(tab);
    await tab.close();
    await next.close();
  });

  it('prints each document in a reused tab with nothing of the one before', async () => {
    const tabs = createTabPool();
    const print = (body: string) =>
      printPage(browser, { html: page(body), format: 'Letter', deadline: Date.now() + 30_000, tabs });
    const before = (await browser.pages()).length;
    const a = await print('<p>Alpha document</p>');
    const b = await print('<p>Bravo document</p>');
    const c = await print('<p>Charlie, third in the same tab</p>');
    if (!a.ok || !b.ok || !c.ok) throw new Error('a print failed');
    expect((await browser.pages()).length).toBe(before + 1);
    const textB = (await readPdf(b.bytes)).text.join('\n');
    const textC = (await readPdf(c.bytes)).text.join('\n');
    expect(textB).toContain('Bravo document');
    expect(textB).not.toContain('Alpha');
    expect(textC).toContain('Charlie');
    expect(textC).not.toContain('Alpha');
  });

  it('closes a tab whose document failed instead of reusing it', async () => {
    const tabs = createTabPool();
    const warm = await tabs.take(browser);
    tabs.give(warm);
    const blocked = await printPage(browser, {
      html: page('<img src="file:///etc/hostname" alt="x">'),
      format: 'Letter',
      deadline: Date.now() + 30_000,
      tabs,
    });
    expect(blocked.ok).toBe(false);
    // The failed print took the one idle tab and closed it; the next print gets a new one.
    expect(warm.isClosed()).toBe(true);
    const next = await tabs.take(browser);
    expect(next).not.toBe(warm);
    const open = await browser.pages();
    expect(open).toContain(next);
    await next.close();
  });
});
