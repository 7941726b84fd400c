import type { Diagnostic } from '../diagnostics/index.js';
import { createOutputStage, type CommitResult, type OutputStageOptions } from './create-output-stage.js';
import type { OutputFile } from './output-file.js';

/** Writes a finished batch held in memory (`manifest merge`): every output staged, then all committed. */
export async function writeOutputs(outputs: readonly OutputFile[], options: OutputStageOptions): Promise<CommitResult> {
  const stage = createOutputStage(options);
  const failed: Diagnostic[] = [];
  for (const output of outputs) {
    const problem = await stage.stage(output);
    if (problem) failed.push(problem);
  }
  const result = await stage.commit(() => true);
  return { ...result, diagnostics: [...failed, ...result.diagnostics] };
}
