import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The body of a thread's program: given `require` (for the module, as `load` names it) and
 * `post` (parentPort.postMessage), it sets itself up and returns the function each message to
 * the thread is handed to.
 */
export type ThreadProgram = (load: string) => string;

/** The message that gives a thread a new program (a key no program's own messages use). */
const becomeKey = '__briefwrightThreadProgram';

/**
 * Every thread runs this host: one message listener, which hands each message to the current
 * program's handler, or, for a `becomeKey` message, replaces the program. A thread that has
 * finished one stage's work can so take on another's (releaseThread), without a second thread's
 * start: Node's own bootstrap of a worker, ≈50 ms of CPU here, most of it compiling Node's
 * internal modules, which workers on Node 20 get from no snapshot.
 */
function hostSource(firstProgram: string): string {
  return `
const { parentPort } = require('node:worker_threads');
const post = (message) => parentPort.postMessage(message);
let handle = () => undefined;
const become = (program) => { handle = new Function('require', 'post', program)(require, post); };
parentPort.on('message', (message) => {
  if (message !== null && typeof message === 'object' && typeof message[${JSON.stringify(becomeKey)}] === 'string') become(message[${JSON.stringify(becomeKey)}]);
  else handle(message);
});
become(${JSON.stringify(firstProgram)});
`;
}

/** A healthy thread no stage is using, kept for the next startModuleThread (at most one). */
let spare: { readonly worker: Worker; readonly forget: () => void } | undefined;

/**
 * A worker thread that runs one compiled module of ours: `program` is the thread's program (see
 * ThreadProgram), given the expression that loads the module. The module is named by its path
 * under src/ (`content/parse-markdown.js`) for a caller in that stage's folder: the module beside
 * the caller (in dist/<stage>/, or in the bundle's dist/bin/, where each such module is an entry
 * of its own), or, when the caller runs from the TypeScript sources under test, the one the test
 * setup compiled: a worker thread cannot load TypeScript on Node 20.
 *
 * - The spare thread, if there is one, takes the program instead of a new thread.
 * - A CommonJS script, not a data: URL ES module: that starts the thread's ES module loader
 *   first, and the Markdown thread's first tree came ≈25 ms later (HTML-only build of the bench's
 *   20 briefings, BENCHMARKS.md). `require` loads tsc's ES modules too (Node ≥ 20.19).
 * - The heap is capped: a runaway input fails its thread, not the build (security.md §1.10).
 */
export function startModuleThread(callerUrl: string, path: string, program: ThreadProgram): Worker {
  const beside = `./${path.slice(path.lastIndexOf('/') + 1)}`;
  const file = fileURLToPath(new URL(callerUrl.endsWith('.ts') ? `../../dist/${path}` : beside, callerUrl));
  const source = program(`require(${JSON.stringify(file)})`);
  const taken = spare;
  if (taken) {
    spare = undefined;
    taken.forget();
    taken.worker.ref();
    taken.worker.postMessage({ [becomeKey]: source });
    return taken.worker;
  }
  return new Worker(hostSource(source), { eval: true, resourceLimits: { maxOldGenerationSizeMb: 512 } });
}

/**
 * Keeps a thread whose owner is done with it, for the next startModuleThread. Only for a thread
 * that is idle (no message to it unanswered) and healthy, with the owner's listeners removed:
 * whatever it posts from now on goes to its next owner. Unreferenced while spare, so it never
 * keeps the process alive; a second spare replaces the first.
 */
export function releaseThread(worker: Worker): void {
  // One spare at most: the one before is stopped.
  void stopSpareThread();
  // Gone while spare (it should not, idle): then it is simply not reused.
  const gone = () => {
    if (spare?.worker === worker) spare = undefined;
  };
  worker.on('error', gone);
  worker.on('exit', gone);
  worker.unref();
  spare = {
    worker,
    forget: () => {
      worker.off('error', gone);
      worker.off('exit', gone);
    },
  };
}

/** Stops the spare thread; true if there was one. The build calls it, so none outlives it. */
export async function stopSpareThread(): Promise<boolean> {
  const own = spare;
  spare = undefined;
  if (!own) return false;
  own.forget();
  own.worker.on('error', () => undefined);
  await own.worker.terminate();
  return true;
}
