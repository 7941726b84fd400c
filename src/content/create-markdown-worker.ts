import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';

export type WorkerParseResult =
  | { readonly ok: true; readonly tree: Root }
  | { readonly ok: false; readonly reason: 'timeout' | 'failed'; readonly message: string };

export interface MarkdownWorker {
  /** Parses one text; never rejects for content (a deadline or a parser crash is a result). */
  parse(text: string): Promise<WorkerParseResult>;
  /** Stops the worker; call when the project is loaded. */
  close(): Promise<void>;
}

export interface MarkdownWorkerOptions {
  /** Longest one parse may take before the worker is killed (ms). */
  readonly timeoutMs: number;
}

const require = createRequire(import.meta.url);
const moduleUrl = (name: string) => pathToFileURL(require.resolve(name)).href;

/**
 * The worker's program. It is a data: URL module importing the parser packages by absolute
 * URL, so it runs the same from dist/ and from the TypeScript sources under test. It builds
 * the same parser as parse-markdown.ts (a unit test compares their trees).
 */
function workerSource(): string {
  const urls = ['unified', 'remark-parse', 'remark-frontmatter', 'remark-gfm', 'remark-directive'].map(moduleUrl);
  return `
import { parentPort } from 'node:worker_threads';
const [{ unified }, parse, frontmatter, gfm, directive] = await Promise.all(${JSON.stringify(urls)}.map((u) => import(u)));
const parser = unified().use(parse.default).use(frontmatter.default, ['yaml']).use(gfm.default).use(directive.default).freeze();
parentPort.on('message', (text) => {
  try {
    parentPort.postMessage({ ok: true, tree: parser.parse(text) });
  } catch (error) {
    parentPort.postMessage({ ok: false, reason: 'failed', message: String(error && error.message || error) });
  }
});
parentPort.postMessage('ready');
`;
}

let prestarted: Promise<Worker> | undefined;

/**
 * Starts a parser thread now, for the next createMarkdownWorker to take: its module loading
 * (about 0.3 s) then overlaps the main thread's own. Unreferenced until taken, so an unused one
 * never keeps the process alive.
 */
export function prestartMarkdownWorker(): void {
  if (prestarted) return;
  prestarted = spawnWorker();
  prestarted.then(
    (w) => w.unref(),
    () => undefined,
  );
}

function spawnWorker(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(`data:text/javascript,${encodeURIComponent(workerSource())}`), {
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    const onError = (error: Error) => reject(error);
    w.once('error', onError);
    w.once('message', (message: unknown) => {
      w.off('error', onError);
      if (message === 'ready') resolve(w);
      else reject(new Error(`Markdown worker sent ${String(message)} before it was ready`));
    });
  });
}

/**
 * Parses Markdown in a worker thread with a deadline. A Promise.race timeout cannot stop a
 * synchronous parse, and a stack overflow in the main thread takes the build down; a worker can
 * be terminated, and its heap is capped (security.md §1.10). Jobs run one at a time; a killed
 * worker is replaced for the next job.
 */
export function createMarkdownWorker(options: MarkdownWorkerOptions): MarkdownWorker {
  let worker: Promise<Worker> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const start = (): Promise<Worker> => {
    const warm = prestarted;
    prestarted = undefined;
    return warm
      ? warm.then((w) => w.ref()).then(
          () => warm,
          () => spawnWorker(),
        )
      : spawnWorker();
  };

  const run = async (text: string): Promise<WorkerParseResult> => {
    const w = await (worker ??= start());
    return new Promise<WorkerParseResult>((resolve) => {
      const done = (result: WorkerParseResult) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        resolve(result);
      };
      const onMessage = (message: WorkerParseResult) => done(message);
      // A heap-limit abort or a crash inside the parser ends the worker: the next job gets a new one.
      const onError = (error: Error) => {
        worker = undefined;
        done({ ok: false, reason: 'failed', message: error.message });
      };
      const onExit = () => {
        worker = undefined;
        done({ ok: false, reason: 'failed', message: 'the parser stopped unexpectedly' });
      };
      const timer = setTimeout(() => {
        worker = undefined;
        done({ ok: false, reason: 'timeout', message: `parsing took longer than ${options.timeoutMs} ms` });
        void w.terminate();
      }, options.timeoutMs);
      w.on('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      w.postMessage(text);
    });
  };

  return {
    parse(text) {
      const result = queue.then(() => run(text));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      await queue;
      const w = worker;
      worker = undefined;
      if (w) await w.then((started) => started.terminate(), () => undefined);
    },
  };
}
