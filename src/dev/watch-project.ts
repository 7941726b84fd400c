import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface ProjectWatcher {
  close(): void;
}

/** The inputs a rebuild depends on; out/ and the cache are written by the build and never watched. */
const watchedDirs = ['content', 'templates'];
const watchedRootFiles = new Set(['briefwright.config.yaml']);

/**
 * Calls `onChange` once per burst of saves (editors write a file in several steps: a temp
 * file, a rename, a chmod), `delayMs` after the last event. Node 20's fs.watch is recursive on
 * Linux, macOS and Windows, so no watcher library is needed.
 */
export function watchProject(root: string, onChange: (paths: readonly string[]) => void, delayMs = 60): ProjectWatcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const changed = (path: string) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending].sort();
      pending.clear();
      onChange(paths);
    }, delayMs);
  };
  const watchers: FSWatcher[] = [];
  for (const dir of watchedDirs) {
    try {
      watchers.push(watch(join(root, dir), { recursive: true }, (_event, name) => changed(`${dir}/${name ?? ''}`)));
    } catch {
      // A project without templates/ (or content/ yet) has nothing there to watch.
    }
  }
  watchers.push(watch(root, (_event, name) => name !== null && watchedRootFiles.has(name) && changed(name)));
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
