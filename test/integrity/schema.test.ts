import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createJsonSchemas, serializeJsonSchema } from '../../src/schema/json-schemas.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, repoRoot, type TempProject } from '../helpers/temp-project.js';

const projects: TempProject[] = [];
afterAll(async () => Promise.all(projects.map((p) => p.remove())));

type Json = Record<string, unknown> & { properties?: Record<string, Json>; items?: Json; anyOf?: Json[] };

describe('JSON Schemas for editors', () => {
  it('the committed schemas/ are what the zod definitions generate (run `briefwright schema` after changing a schema)', async () => {
    const generated = createJsonSchemas();
    expect((await readdir(join(repoRoot, 'schemas'))).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, schema] of Object.entries(generated)) {
      expect(await readFile(join(repoRoot, 'schemas', name), 'utf8'), name).toBe(serializeJsonSchema(schema));
    }
  });

  it('describes what an editor sees in YAML: booleans, numbers or text for values, dates as strings', () => {
    const schemas = createJsonSchemas() as unknown as Record<string, Json>;
    const fact = schemas['facts.schema.json']!.items!.properties!;
    expect(fact['value']!.anyOf).toContainEqual(expect.objectContaining({ anyOf: [{ type: 'number' }, { type: 'string', minLength: 1 }] }));
    expect(fact['as_of']).toMatchObject({ type: 'string', format: 'date' });
    expect(schemas['facts.schema.json']!.items!['additionalProperties']).toBe(false);
    const doc = schemas['document.schema.json']!.properties!;
    expect(JSON.stringify(doc['draft'])).toContain('"boolean"');
    expect(JSON.stringify(doc['draft'])).not.toContain('"string"');
    expect(JSON.stringify(schemas['config.schema.json']!.properties!['concurrency'])).toContain('"integer"');
    for (const schema of Object.values(schemas)) {
      expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
      expect(JSON.stringify(schema)).not.toContain('yamlType');
    }
  });

  it('`briefwright schema --out DIR` writes every file', async () => {
    const project = await createTempProject();
    projects.push(project);
    const out = join(project.root, 'editor', 'schemas');
    const result = await runCli(['schema', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual(Object.keys(createJsonSchemas()).sort());
    const defaulted = await runCli(['schema', '--root', project.root]);
    expect(defaulted.code).toBe(0);
    expect(await readdir(join(project.root, 'schemas'))).toContain('facts.schema.json');
  });
});
