import type { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import { releaseThread, startModuleThread } from '../start-module-thread.js';

export type WorkerParseResult =
  | { readonly ok: true; readonly tree: Root }
  | { readonly ok: false; readonly reason: 'timeout' | 'failed'; readonly message: string };

export interface MarkdownWorker {
  /** Parses one text; never rejects for content (a deadline or a parser crash is a result). */
  parse(text: string): Promise<WorkerParseResult>;
  /**
   * Stops the worker; call when the project is loaded. It waits for the parses still asked for,
   * unless `discard`: then they resolve as failed at once and the thread is stopped mid-parse.
   */
  close(options?: { readonly discard?: boolean }): Promise<void>;
}

export interface MarkdownWorkerOptions {
  /** Longest one parse may take before the worker is killed (ms). */
  readonly timeoutMs: number;
}

/** The thread's program: one module, so the thread parses exactly as parseMarkdown does. */
function workerProgram(load: string): string {
  return `
const { parseMarkdown } = ${load};
post('ready');
return (text) => {
  try {
    post({ ok: true, tree: parseMarkdown(text) });
  } catch (error) {
    post({ ok: false, reason: 'failed', message: String(error && error.message || error) });
  }
};
`;
}

/** A thread being started: it takes texts at once, and says when its parser is loaded. */
interface Spawned {
  readonly worker: Worker;
  /** Resolves when the parser is loaded; rejects if the thread cannot start. */
  readonly ready: Promise<void>;
}

let prestarted: Spawned | undefined;

/**
 * Starts a parser thread now, for the next createMarkdownWorker to take: its module loading
 * (about 0.1 s) then overlaps the main thread's own. Unreferenced until taken, so an unused one
 * never keeps the process alive.
 */
export function prestartMarkdownWorker(): void {
  if (prestarted) return;
  prestarted = spawnWorker();
  prestarted.worker.unref();
  prestarted.ready.catch(() => undefined);
}

function spawnWorker(): Spawned {
  const worker = startModuleThread(import.meta.url, 'content/parse-markdown.js', workerProgram);
  const ready = new Promise<void>((resolve, reject) => {
    // Left on once ready (rejecting then does nothing): a crash between the greeting and the
    // owner's own listener must not become an unhandled 'error' event.
    worker.once('error', reject);
    worker.once('message', (message: unknown) => {
      if (message === 'ready') resolve();
      else reject(new Error(`Markdown worker sent ${String(message)} before it was ready`));
    });
  });
  return { worker, ready };
}

/** A text waiting for its tree. */
interface Job {
  readonly text: string;
  readonly resolve: (result: WorkerParseResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Parses Markdown in a worker thread with a deadline. A Promise.race timeout cannot stop a
 * synchronous parse, and a stack overflow in the main thread takes the build down; a worker can
 * be terminated, and its heap is capped (security.md §1.10). Every text is handed to the thread
 * as soon as it is asked for, so the thread parses one after another while the main thread takes
 * the trees in (waiting for each result before sending the next left the thread idle for about
 * half of every round trip). The thread parses them in order; the first job's deadline runs from
 * when the thread is free for it. A job that times out or crashes the thread fails alone: the
 * thread is replaced and the jobs after it are handed to the new one.
 */
export function createMarkdownWorker(options: MarkdownWorkerOptions): MarkdownWorker {
  const jobs: Job[] = [];
  /** The thread parsing, once it is ready. */
  let current: Worker | undefined;
  /** The thread starting: it has every text asked for so far, and no deadline runs yet. */
  let pending: Worker | undefined;
  let starting: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const outstanding = new Set<Promise<WorkerParseResult>>();

  /** The prestarted thread if there is one (then the first thread only), else a new one. */
  const take = (): Spawned => {
    const spawned = prestarted ?? spawnWorker();
    prestarted = undefined;
    spawned.worker.ref();
    return spawned;
  };

  /** Starts the deadline of the job the thread is on (the first one waiting). */
  const armDeadline = () => {
    clearTimeout(timer);
    timer = jobs.length === 0 ? undefined : setTimeout(() => abandon({ ok: false, reason: 'timeout', message: `parsing took longer than ${options.timeoutMs} ms` }), options.timeoutMs);
  };

  const onMessage = (result: WorkerParseResult | 'ready') => {
    // The thread's greeting, which `ready` answers.
    if (result === 'ready') return;
    jobs.shift()?.resolve(result);
    armDeadline();
  };
  // A heap-limit abort or a crash inside the parser ends the thread: the job it was on fails.
  const onError = (error: Error) => abandon({ ok: false, reason: 'failed', message: error.message });
  const onExit = () => abandon({ ok: false, reason: 'failed', message: 'the parser stopped unexpectedly' });

  /** The thread is stuck or gone: its job fails, and the jobs after it go to a new thread. */
  const abandon = (result: WorkerParseResult) => {
    clearTimeout(timer);
    const w = current;
    current = undefined;
    if (w) {
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      // It may still fail while it stops; an 'error' nobody listens to would end the build.
      w.on('error', () => undefined);
      void w.terminate();
    }
    jobs.shift()?.resolve(result);
    if (jobs.length > 0) ensureStarted();
  };

  const ensureStarted = () => {
    if (current || starting) return;
    const { worker: w, ready } = take();
    // Texts go to the thread at once, before it is ready: they wait in its port, and it parses
    // as soon as its parser is loaded even while this thread is busy (loading the pipeline's
    // modules, ≈0.2 s, used to hold back the first parse until it was done). Its trees are
    // taken from the first message on, so none can come before the listener.
    for (const job of jobs) w.postMessage(job.text);
    pending = w;
    w.on('message', onMessage);
    starting = ready.then(
      () => {
        // Closed while it started: it is already stopped.
        if (pending !== w) return;
        starting = undefined;
        pending = undefined;
        current = w;
        w.once('error', onError);
        w.once('exit', onExit);
        armDeadline();
      },
      (error: unknown) => {
        if (pending !== w) return;
        starting = undefined;
        pending = undefined;
        w.off('message', onMessage);
        void w.terminate();
        // No thread can start: an environment problem, not the content's.
        for (const job of jobs.splice(0)) job.reject(error);
      },
    );
  };

  return {
    parse(text) {
      const result = new Promise<WorkerParseResult>((resolve, reject) => {
        jobs.push({ text, resolve, reject });
        if (current) {
          current.postMessage(text);
          if (jobs.length === 1) armDeadline();
        } else if (pending) pending.postMessage(text);
        else ensureStarted();
      });
      outstanding.add(result);
      const forget = () => outstanding.delete(result);
      result.then(forget, forget);
      return result;
    },
    async close({ discard = false } = {}) {
      // A thread with no parse left to do is handed on (releaseThread), not stopped: the output
      // reader takes it, and is spared a thread's start.
      let idle = true;
      if (discard) {
        idle = jobs.length === 0;
        for (const job of jobs.splice(0)) job.resolve({ ok: false, reason: 'failed', message: 'the parser was closed' });
        // A thread still starting is stopped now, not once ready: a build that ends before it
        // needs the thread (a configuration error) would wait ≈0.1 s for its start-up.
        const starter = pending;
        if (starter) {
          pending = undefined;
          starting = undefined;
          starter.off('message', onMessage);
          starter.on('error', () => undefined);
          await starter.terminate();
          return;
        }
      } else await Promise.allSettled([...outstanding]);
      await starting;
      clearTimeout(timer);
      const w = current;
      current = undefined;
      if (!w) return;
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      if (idle) return releaseThread(w);
      // Still parsing a discarded text: its tree would reach whoever took the thread next.
      w.on('error', () => undefined);
      await w.terminate();
    },
  };
}
