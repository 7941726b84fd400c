import { readdirSync, readFileSync } from 'node:fs';
import { profilePrefix } from '../../../src/pdf/launch-browser.js';

/**
 * Pids of the Chromium main processes this test process started (children of this process
 * whose command line names a briefwright profile directory). Tests kill them by pid to
 * simulate a browser dying mid-build; nothing else is touched.
 */
export function ownBrowserPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(profilePrefix)) pids.push(Number(entry));
    } catch {
      // The process exited while we looked.
    }
  }
  return pids;
}

export function killOwnBrowsers(): number {
  const pids = ownBrowserPids();
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  return pids.length;
}
