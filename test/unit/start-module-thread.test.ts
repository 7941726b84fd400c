import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createMarkdownWorker } from '../../src/content/create-markdown-worker.js';
import { releaseThread, startModuleThread, stopSpareThread } from '../../src/start-module-thread.js';

/** As if called from src/verify/: the thread loads dist/verify/read-output.js, which the test setup compiled. */
const callerUrl = new URL('../../src/verify/create-output-reader.ts', import.meta.url).href;

/** A program that says which program it is and what it loaded, then doubles numbers under its name. */
const program = (name: string) => (load: string) => `
const loaded = typeof ${load}.readOutput;
post('${name} ready, readOutput is a ' + loaded);
return (n) => post('${name}: ' + n * 2);
`;

const next = async (worker: Worker) => ((await once(worker, 'message')) as [unknown])[0];

afterEach(async () => {
  await stopSpareThread();
});

describe('startModuleThread', () => {
  it('runs the program on a new thread, with the module it names', async () => {
    const worker = startModuleThread(callerUrl, 'verify/read-output.js', program('first'));
    try {
      expect(await next(worker)).toBe('first ready, readOutput is a function');
      worker.postMessage(21);
      expect(await next(worker)).toBe('first: 42');
    } finally {
      await worker.terminate();
    }
  });

  it('gives a released thread the next program: the same thread, which answers only with the new one', async () => {
    const worker = startModuleThread(callerUrl, 'verify/read-output.js', program('first'));
    expect(await next(worker)).toBe('first ready, readOutput is a function');
    releaseThread(worker);
    const again = startModuleThread(callerUrl, 'verify/read-output.js', program('second'));
    try {
      expect(again).toBe(worker);
      expect(await next(again)).toBe('second ready, readOutput is a function');
      again.postMessage(5);
      expect(await next(again)).toBe('second: 10');
      // Taken, it is no longer spare.
      expect(await stopSpareThread()).toBe(false);
    } finally {
      await again.terminate();
    }
  });

  it('keeps one spare thread: a second one released stops the first', async () => {
    const first = startModuleThread(callerUrl, 'verify/read-output.js', program('a'));
    const second = startModuleThread(callerUrl, 'verify/read-output.js', program('b'));
    await Promise.all([next(first), next(second)]);
    const firstExit = once(first, 'exit');
    releaseThread(first);
    releaseThread(second);
    await firstExit;
    expect(startModuleThread(callerUrl, 'verify/read-output.js', program('c'))).toBe(second);
    await second.terminate();
  });

  it('stops the spare thread, after which a new thread is started', async () => {
    const worker = startModuleThread(callerUrl, 'verify/read-output.js', program('first'));
    await next(worker);
    releaseThread(worker);
    const exit = once(worker, 'exit');
    expect(await stopSpareThread()).toBe(true);
    await exit;
    const fresh = startModuleThread(callerUrl, 'verify/read-output.js', program('second'));
    try {
      expect(fresh).not.toBe(worker);
      expect(await next(fresh)).toBe('second ready, readOutput is a function');
    } finally {
      await fresh.terminate();
    }
  });
});

describe('the Markdown thread handed on', () => {
  it('is released once its parses are done', async () => {
    const parser = createMarkdownWorker({ timeoutMs: 10_000 });
    expect(await parser.parse('*One*.')).toMatchObject({ ok: true });
    await parser.close();
    expect(await stopSpareThread()).toBe(true);
  });

  it('is stopped, not released, when closed in the middle of a parse it discards', async () => {
    const parser = createMarkdownWorker({ timeoutMs: 10_000 });
    expect(await parser.parse('Warm.')).toMatchObject({ ok: true });
    // Unbalanced emphasis this long takes seconds to parse.
    const slow = parser.parse(`${'*a '.repeat(20000)}${'_b '.repeat(20000)}\n`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await parser.close({ discard: true });
    expect(await slow).toMatchObject({ ok: false, reason: 'failed' });
    expect(await stopSpareThread()).toBe(false);
  });
});
