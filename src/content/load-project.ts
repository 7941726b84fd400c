import type { Diagnostic } from '../diagnostics/index.js';
import { parseSection, type ParsedSection } from './parse-section.js';
import { parseYaml, type YamlFile } from './parse-yaml.js';
import { readProject, type ProjectFiles } from './read-project.js';
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

/** Reads and parses a project. Problems are collected; nothing throws for bad content. */
export async function loadProject(root: string): Promise<LoadProjectResult> {
  const { files, diagnostics } = await readProject(root);
  const yaml = (file: TextFile | undefined): YamlFile | undefined => {
    if (!file) return undefined;
    const result = parseYaml(file.path, file.text);
    diagnostics.push(...result.diagnostics);
    return result.file;
  };
  const yamlAll = (list: readonly TextFile[]) => list.map(yaml).filter((f): f is YamlFile => f !== undefined);
  const sections = files.sections.map((file) => {
    const result = parseSection(file);
    diagnostics.push(...result.diagnostics);
    return result.section;
  });
  const project: ParsedProject = {
    root,
    files,
    publisher: yaml(files.publisher),
    sources: yaml(files.sources),
    facts: yamlAll(files.facts),
    sections,
    recipients: yamlAll(files.recipients),
    documents: yamlAll(files.documents),
  };
  return { project, diagnostics };
}
