import type { Measurement } from './measure-process.js';
import type { Scenario } from './scenarios.js';

export interface RunRecord extends Measurement {
  readonly produced: number;
}

export interface ScenarioSummary {
  readonly id: string;
  readonly label: string;
  readonly documents: number;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly medianPeakRssBytes: number;
  /** Median count of documents produced. */
  readonly produced: number;
  /** Produced documents per second at the median time. */
  readonly docsPerSecond: number;
  readonly floor: string | undefined;
  /** True when any run exited non-zero with nothing produced. */
  readonly failed: boolean;
  /** The fastest run that exited 0 with every document produced; undefined when none did. */
  readonly bestCompleteMs: number | undefined;
}

export function summarize(scenario: Scenario, records: readonly RunRecord[]): ScenarioSummary {
  const ms = records.map((r) => r.ms);
  const produced = median(records.map((r) => r.produced));
  const medianMs = median(ms);
  return {
    id: scenario.id,
    label: scenario.label,
    documents: scenario.documents,
    runs: records.length,
    medianMs,
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    medianPeakRssBytes: median(records.map((r) => r.peakRssBytes)),
    produced,
    docsPerSecond: produced / (medianMs / 1000),
    floor: scenario.floor,
    failed: records.some((r) => r.exitCode !== 0 && r.produced === 0),
    bestCompleteMs: minimum(records.filter((r) => r.exitCode === 0 && r.produced === scenario.documents).map((r) => r.ms)),
  };
}

function minimum(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : Math.min(...values);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('Cannot take the median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
