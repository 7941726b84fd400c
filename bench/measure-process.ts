import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';

export interface Measurement {
  /** Wall time from spawn to exit. */
  readonly ms: number;
  /** Highest sum of resident memory over the process and all its descendants (Chromium included). */
  readonly peakRssBytes: number;
  readonly exitCode: number | null;
  /** Stopped at the deadline (MeasureOptions.deadlineMs), with its whole tree. */
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MeasureOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** How often /proc is read; the peak between two samples is missed. */
  readonly sampleMs?: number;
  /** Longest the command may run: then it and every descendant (Chromium) get SIGKILL. */
  readonly deadlineMs?: number;
}

const pageSize = 4096;

/**
 * Runs a command to completion and samples the resident memory of its whole process tree from
 * /proc. Shared pages (Chromium's processes share a lot) count once per process, as `ps` shows
 * them; that overstates absolute memory but compares like with like between runs.
 */
export async function measureProcess(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measurement> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  let peak = 0;
  const sample = (): void => {
    if (child.pid === undefined) return;
    peak = Math.max(peak, treeRssBytes(child.pid));
  };
  const timer = setInterval(sample, options.sampleMs ?? 40);
  let timedOut = false;
  const deadline =
    options.deadlineMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          if (child.pid !== undefined) killTree(child.pid);
        }, options.deadlineMs);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  clearInterval(timer);
  clearTimeout(deadline);
  return {
    ms: performance.now() - started,
    peakRssBytes: peak,
    exitCode,
    timedOut,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
  };
}

/** Resident bytes of `root` and every descendant alive right now. */
export function treeRssBytes(root: number): number {
  const { pids, rss } = readTree(root);
  return pids.reduce((total, pid) => total + (rss.get(pid) ?? 0), 0);
}

/** SIGKILL to `root` and every descendant, all found before the first is killed. */
function killTree(root: number): void {
  for (const pid of readTree(root).pids.reverse()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already exited.
    }
  }
}

/** `root` and its descendants alive right now (parents before children), with their resident bytes. */
function readTree(root: number): { pids: number[]; rss: Map<number, number> } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (!stat) continue;
    const pid = Number(entry);
    rss.set(pid, stat.rssPages * pageSize);
    const siblings = children.get(stat.ppid);
    if (siblings) siblings.push(pid);
    else children.set(stat.ppid, [pid]);
  }
  const pids: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    pids.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return { pids, rss };
}

/** One buffer for every read: a stat line is a few hundred bytes. */
const statBuffer = Buffer.alloc(4096);

function readStat(pid: string): { ppid: number; rssPages: number } | undefined {
  let text: string;
  // Read into one buffer rather than with readFileSync (which stats first and allocates each
  // time): a sample reads every process's stat, on the cores the measured tool runs on.
  let fd: number | undefined;
  try {
    fd = openSync(`/proc/${pid}/stat`, 'r');
    text = statBuffer.toString('latin1', 0, readSync(fd, statBuffer, 0, statBuffer.length, 0));
  } catch {
    return undefined; // exited between readdir and read
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  // The command name may hold spaces and parentheses: fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // proc(5): state is field 3, ppid 4, rss 24 → indexes 0, 1 and 21 here.
  return { ppid: Number(fields[1]), rssPages: Number(fields[21]) };
}
