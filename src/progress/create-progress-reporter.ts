import type { BuildProgress } from '../config/load-config.js';

/** Where progress goes: stderr in the CLI (stdout stays clean for json/github output). */
export interface ProgressStream {
  write(text: string): unknown;
  readonly columns?: number | undefined;
}

export interface ProgressReporterOptions {
  readonly stream: ProgressStream;
  /** `live`: one line redrawn in place (a TTY); `lines`: plain lines (CI, pipes, logs); `quiet`: nothing. */
  readonly mode: 'live' | 'lines' | 'quiet';
  /** Also list every HTML output, rendered or reused. */
  readonly verbose: boolean;
  readonly color: boolean;
}

export interface ProgressReporter {
  readonly onProgress: (progress: BuildProgress) => void;
  /** Clears the live line so what follows starts on a clean line. */
  finish(): void;
}

/** Minimum time between redraws of the live line: a terminal does not need more. */
const redrawMs = 80;

/**
 * The build's progress on stderr. On a TTY one status line (stage, done/total, current output,
 * ETA) is redrawn in place; elsewhere each printed PDF is one plain line, so CI logs stay
 * readable. `--verbose` adds a line per HTML output saying whether it was rendered or reused.
 */
export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const { stream, mode, verbose, color } = options;
  const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[22m` : s);
  const started = new Map<BuildProgress['stage'], number>();
  let liveShown = false;
  let lastDraw = 0;

  const lineFor = (p: BuildProgress): string => {
    const what = p.reused ? 'reused' : !p.ok ? 'failed' : p.stage === 'pdf' ? `${p.pages} page${p.pages === 1 ? '' : 's'} · ${(p.ms / 1000).toFixed(1)} s` : 'rendered';
    return `${p.stage} ${p.done}/${p.total} ${p.path} · ${what}`;
  };
  const clearLive = () => {
    if (liveShown) stream.write('\r\u001b[2K');
    liveShown = false;
  };

  const onProgress = (p: BuildProgress) => {
    if (mode === 'quiet') return;
    const now = performance.now();
    if (!started.has(p.stage)) started.set(p.stage, now - p.ms);
    const permanent = (p.stage === 'pdf' && (mode === 'lines' || !p.ok)) || (verbose && p.stage === 'html') || (p.stage === 'html' && !p.ok);
    if (permanent) {
      clearLive();
      stream.write(`${lineFor(p)}\n`);
    }
    if (mode !== 'live' || (p.done < p.total && now - lastDraw < redrawMs)) return;
    lastDraw = now;
    const elapsed = now - (started.get(p.stage) ?? now);
    const eta = p.done > 0 && p.done < p.total ? ` · ETA ${formatSeconds((elapsed / p.done) * (p.total - p.done))}` : '';
    // A pseudo-terminal without a size reports 0 columns.
    const width = Math.max(20, (stream.columns || 80) - 1);
    const text = `${p.stage} ${p.done}/${p.total}${eta} · ${p.path}`;
    stream.write(`\r\u001b[2K${dim(text.length > width ? `${text.slice(0, width - 1)}…` : text)}`);
    liveShown = true;
  };
  return { onProgress, finish: clearLive };
}

function formatSeconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
