import type { ScenarioSummary } from './summarize.js';

export interface TargetResult {
  readonly target: string;
  readonly measured: string;
  /** undefined: could not be measured in this run (the reason is in `measured`). */
  readonly pass: boolean | undefined;
}

/** The claims of issue 8, each judged from medians measured in the same run. */
export function evaluateTargets(summaries: ReadonlyMap<string, ScenarioSummary>, options: { quick: boolean }): TargetResult[] {
  const get = (id: string): ScenarioSummary | undefined => summaries.get(id);
  const results: TargetResult[] = [];
  /** `peers` may have failed outright: a peer that produced nothing has a throughput of 0, which is a result. */
  const judge = (target: string, ids: readonly string[], evaluate: (...s: ScenarioSummary[]) => { measured: string; pass: boolean }, peers: readonly string[] = []): void => {
    const found = ids.map(get);
    const missing = ids.filter((id, i) => found[i] === undefined || (found[i]?.failed && !peers.includes(id)));
    if (missing.length > 0) {
      results.push({ target, measured: `not measured (${missing.join(', ')} ${found.some((s) => s?.failed) ? 'failed' : 'skipped'})`, pass: undefined });
      return;
    }
    results.push({ target, ...evaluate(...(found as ScenarioSummary[])) });
  };

  judge('20-briefing PDF build within 1.25× of the floor (equal concurrency)', ['bw-briefings-pdf', 'floor-briefings'], (bw, floor) => {
    const ratio = bw.medianMs / floor.medianMs;
    // Informative: how much of the margin is the browser's configuration (not judged).
    const flagged = get('floor-flags-briefings');
    const beside = flagged && !flagged.failed ? `; ${(bw.medianMs / flagged.medianMs).toFixed(2)}× the floor run with briefwright's Chromium flags` : '';
    return { measured: `${ratio.toFixed(2)}× the floor${beside}`, pass: ratio <= 1.25 };
  });
  judge(
    '≥2× md-to-pdf throughput on the briefings',
    ['bw-briefings-pdf', 'md2pdf-briefings'],
    (bw, peer) => againstPeer(bw, peer, 2),
    ['md2pdf-briefings'],
  );
  judge(
    '≥5× md-to-pdf throughput on the letters, every letter produced',
    ['bw-letters-pdf', 'md2pdf-letters'],
    (bw, peer) => againstPeer(bw, peer, 5),
    ['md2pdf-letters'],
  );
  judge('≥24 letters/s on 2 cores', ['bw-letters-pdf'], (bw) => ({ measured: `${bw.docsPerSecond.toFixed(1)} letters/s`, pass: bw.docsPerSecond >= 24 }));
  judge('HTML-only build of the briefings ≤0.6× pandoc’s time', ['bw-briefings-html', 'pandoc-briefings-html'], (bw, pandoc) => {
    const ratio = bw.medianMs / pandoc.medianMs;
    return { measured: `${ratio.toFixed(2)}× pandoc’s time`, pass: ratio <= 0.6 };
  });
  judge('No-change rebuild of the shipped set < 0.5 s', ['bw-shipped-warm'], (warm) => ({ measured: `${(warm.medianMs / 1000).toFixed(2)} s`, pass: warm.medianMs < 500 }));
  judge('Peak RSS within 20% from the small to the large letter merge', ['bw-letters-pdf', 'bw-scale-pdf'], (small, large) => {
    const growth = large.medianPeakRssBytes / small.medianPeakRssBytes - 1;
    return { measured: `${(growth * 100).toFixed(0)}% (${mib(small.medianPeakRssBytes)} → ${mib(large.medianPeakRssBytes)})`, pass: growth <= 0.2 };
  });
  if (options.quick) return results.map((r) => ({ ...r, target: `${r.target} [quick: indicative]` }));
  return results;
}

/**
 * Throughput against a peer, judged twice: at the medians, like every row, and against the
 * peer's fastest round that produced every document, if it had one. md-to-pdf is bimodal (it
 * times out and drops files in some rounds); a median taken in its failing mode passed a target
 * that briefwright missed against its working rounds, so both must hold. A peer that never
 * produced everything is judged by the median alone: that is the throughput it delivers.
 */
function againstPeer(bw: ScenarioSummary, peer: ScenarioSummary, factor: number): { measured: string; pass: boolean } {
  const ratio = bw.docsPerSecond / peer.docsPerSecond;
  const healthy = peer.bestCompleteMs === undefined ? undefined : peer.bestCompleteMs / bw.medianMs;
  const rounds = healthy === undefined ? 'no complete round' : `${times(healthy)} against its fastest complete round`;
  return {
    measured: `${times(ratio)} (briefwright produced ${bw.produced}/${bw.documents}, md-to-pdf ${peer.produced}/${peer.documents}; ${rounds})`,
    pass: ratio >= factor && (healthy === undefined || healthy >= factor) && bw.produced === bw.documents,
  };
}

/** A throughput ratio; against a peer that produced nothing it is unbounded. */
function times(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'unbounded';
}

export function mib(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MiB`;
}
