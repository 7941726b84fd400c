import { setFlagsFromString } from 'node:v8';

/**
 * V8 decides to optimize a function after it has run a fixed amount of bytecode (the interrupt
 * budget). That default suits pages and servers that run for minutes; a build runs for seconds,
 * and on two cores the optimizing compiler's threads took as much CPU (≈2.5 s for 20 briefings)
 * as the whole main thread, CPU that Chromium's printing then lacks. Four times the budget
 * (Node 20's V8 defaults to 66 KiB of bytecode) optimizes only the truly hot code (micromark,
 * parse5, pdf-lib): 1 CPU-second less, 0.4 s sooner, measured (BENCHMARKS.md). Only the CLI
 * calls this; the library leaves its host's V8 alone.
 */
export function tuneV8(): void {
  setFlagsFromString(`--interrupt-budget=${4 * 66 * 1024}`);
}
