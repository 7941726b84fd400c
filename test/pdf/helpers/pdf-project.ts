import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { createTempProject, repoRoot, type TempProject } from '../../helpers/temp-project.js';

/** A temp copy of test/pdf/fixtures/project (its own templates and print CSS), `files` laid over it. */
export async function createPdfProject(files: Record<string, string> = {}): Promise<TempProject> {
  const project = await createTempProject({}, { templates: false });
  await cp(join(repoRoot, 'test/pdf/fixtures/project'), project.root, { recursive: true });
  for (const [path, text] of Object.entries(files)) await project.write(path, text);
  return project;
}
