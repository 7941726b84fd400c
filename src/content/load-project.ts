import type { Diagnostic } from '../diagnostics/index.js';
import type { ParsedSection } from './parse-section.js';
import { parseSections } from './parse-sections.js';
import { parseYaml, type YamlFile } from './parse-yaml.js';
import { readProject, type ProjectFiles, type ReadProjectOptions } from './read-project.js';
import type { TextFile } from './text-file.js';

/** Every content file parsed, positions kept; templates and assets still raw. */
export interface ParsedProject {
  readonly root: string;
  readonly files: ProjectFiles;
  readonly publisher: YamlFile | undefined;
  readonly sources: YamlFile | undefined;
  readonly facts: readonly YamlFile[];
  readonly sections: readonly ParsedSection[];
  readonly recipients: readonly YamlFile[];
  readonly documents: readonly YamlFile[];
}

export interface LoadProjectResult {
  project: ParsedProject;
  diagnostics: Diagnostic[];
}

export interface LoadProjectOptions extends ReadProjectOptions {
  /** Longest one section's Markdown parse may take (ms, default 10 000). */
  readonly markdownTimeoutMs?: number;
}

/** A project whose YAML is parsed and whose sections are still with the Markdown thread. */
export interface LoadingProject extends Pick<ParsedProject, 'files' | 'publisher' | 'sources' | 'facts' | 'recipients' | 'documents'> {
  /** Waits for the sections: the whole project, as loadProject gives it. */
  finish(): Promise<LoadProjectResult>;
}

/** Reads and parses a project. Problems are collected; nothing throws for bad content. */
export async function loadProject(root: string, options: LoadProjectOptions = {}): Promise<LoadProjectResult> {
  return (await startLoadingProject(root, options)).finish();
}

/**
 * loadProject in two steps, for a caller with work that needs only the YAML and the templates:
 * done between the two, it overlaps the Markdown thread's parsing, which this thread would
 * otherwise only wait for.
 */
export async function startLoadingProject(root: string, options: LoadProjectOptions = {}): Promise<LoadingProject> {
  const { files, diagnostics } = await readProject(root, options);
  const yamlDiagnostics: Diagnostic[] = [];
  const yaml = (file: TextFile | undefined): YamlFile | undefined => {
    if (!file) return undefined;
    const result = parseYaml(file.path, file.text);
    yamlDiagnostics.push(...result.diagnostics);
    return result.file;
  };
  const yamlAll = (list: readonly TextFile[]) => list.map(yaml).filter((f): f is YamlFile => f !== undefined);
  // Sections parse in a worker thread; the YAML is parsed here meanwhile.
  const parsing = parseSections(files.sections, options.markdownTimeoutMs === undefined ? {} : { timeoutMs: options.markdownTimeoutMs });
  // finish() reports a failure; until the caller asks for it, it is not an unhandled one.
  parsing.catch(() => undefined);
  const publisher = yaml(files.publisher);
  const sources = yaml(files.sources);
  const facts = yamlAll(files.facts);
  const recipients = yamlAll(files.recipients);
  const documents = yamlAll(files.documents);
  return {
    files,
    publisher,
    sources,
    facts,
    recipients,
    documents,
    finish: async () => {
      const parsedSections = await parsing;
      // Section problems before YAML ones, as when the sections were parsed first.
      const all = [...diagnostics, ...parsedSections.diagnostics, ...yamlDiagnostics];
      const project: ParsedProject = { root, files, publisher, sources, facts, sections: parsedSections.sections, recipients, documents };
      return { project, diagnostics: all };
    },
  };
}
