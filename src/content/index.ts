export { loadProject, type LoadProjectResult, type ParsedProject } from './load-project.js';
export { readProject, maxTextFileBytes, maxAssetBytes, type ProjectFiles, type ReadProjectResult } from './read-project.js';
export { parseYaml, type ParseYamlOptions, type ParseYamlResult, type ValuePath, type YamlFile } from './parse-yaml.js';
export { parseSection, stemOf, type DirectiveKind, type DirectiveReference, type ParsedSection } from './parse-section.js';
export { parseMarkdown } from './parse-markdown.js';
export { normalizeText, type TextFile } from './text-file.js';
