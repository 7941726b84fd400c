/**
 * The rule catalogue: every diagnostic briefwright can emit, with its permanent id,
 * default severity and the hint shown when the call site gives no more specific one.
 * Ids are permanent (DESIGN.md §3): add, never rename.
 */
export type Severity = 'error' | 'warning';

export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly hint: string;
}

function defineRules<const T extends Record<string, Omit<Rule, 'id'>>>(table: T): { [K in keyof T]: Rule & { id: K } } {
  const out: Record<string, Rule> = {};
  for (const [id, rule] of Object.entries(table)) out[id] = { id, ...rule };
  return out as { [K in keyof T]: Rule & { id: K } };
}

export const rules = defineRules({
  'yaml-syntax': {
    severity: 'error',
    description: 'A YAML file (or Markdown front matter) cannot be parsed.',
    hint: 'Fix the YAML syntax at the position shown; check indentation, colons and quotes.',
  },
  'schema-invalid': {
    severity: 'error',
    description: 'A content file does not match its schema (missing, unknown or mistyped field).',
    hint: 'Compare the field with the content model in DESIGN.md §1, or run `briefwright schema` for editor validation.',
  },
  'id-duplicate': {
    severity: 'error',
    description: 'Two entities of the same kind share an id.',
    hint: 'Ids must be unique per kind; rename one of them.',
  },
  'fact-unknown': {
    severity: 'error',
    description: 'A reference names a fact that does not exist.',
    hint: 'Check the fact id against content/facts/*.yaml.',
  },
  'source-unknown': {
    severity: 'error',
    description: 'A reference names a source that does not exist.',
    hint: 'Check the source id against content/sources.yaml.',
  },
  'section-unknown': {
    severity: 'error',
    description: 'A document lists a section that does not exist.',
    hint: 'Check the section id against the files in content/sections/.',
  },
  'layout-unknown': {
    severity: 'error',
    description: 'A document names a layout that is not in templates/layouts.',
    hint: 'Use the stem of a file in templates/layouts (for example `letter` for letter.hbs).',
  },
  'recipients-unknown': {
    severity: 'error',
    description: 'A document names a recipients list that is not in content/recipients.',
    hint: 'Use the stem of a file in content/recipients (for example `senate-banking` for senate-banking.yaml).',
  },
  'sensitivity-leak': {
    severity: 'error',
    description: 'A document would contain a fact or section above its distribution.',
    hint: 'Remove the reference, or raise the document `distribution` if its readers may see it.',
  },
  'allegation-unattributed': {
    severity: 'error',
    description: 'An alleged, disputed or denied fact is stated without attribution in its sentence.',
    hint: 'Attribute the claim in the same sentence ("Anthropic alleges …", "according to …"), or use `:fact[id]{show=statement}`.',
  },
  'fact-stale': {
    severity: 'warning',
    description: 'A fact is past its review_by date.',
    hint: 'Check the fact against its sources, then update `as_of` and `review_by`.',
  },
  'number-mismatch': {
    severity: 'error',
    description: 'A number in prose is close to a fact value but different.',
    hint: 'Use `:fact[id]` instead of typing the number.',
  },
  'number-unsourced': {
    severity: 'warning',
    description: 'A number in prose was not produced by any fact.',
    hint: 'Add a fact with its sources and reference it with `:fact[id]`.',
  },
  'fact-unused': {
    severity: 'warning',
    description: 'A fact is not used by any document.',
    hint: 'Reference it from a section or template, or remove it.',
  },
  'source-unused': {
    severity: 'warning',
    description: 'A source is not cited by any fact or document.',
    hint: 'Cite it from a fact, or remove it.',
  },
  'image-missing': {
    severity: 'error',
    description: 'An image points at a file that does not exist or is not allowed.',
    hint: 'Put the image under templates/assets/ or beside the section, and reference it by a relative path.',
  },
  'image-missing-alt': {
    severity: 'warning',
    description: 'An image has no alternative text.',
    hint: 'Describe the image in its alt text: ![what it shows](path).',
  },
  'link-broken': {
    severity: 'error',
    description: 'A link points at an anchor or document that does not exist.',
    hint: 'Check the anchor or document id.',
  },
  'html-unsafe': {
    severity: 'warning',
    description: 'Raw HTML was removed by the sanitizer.',
    hint: 'Use Markdown instead of raw HTML; scripts, event handlers, frames and unsafe URLs are always removed.',
  },
  'template-syntax': {
    severity: 'error',
    description: 'A Handlebars template cannot be parsed or failed while rendering.',
    hint: 'Fix the template at the position shown.',
  },
  'template-missing-partial': {
    severity: 'error',
    description: 'A template uses a partial that is not in templates/partials.',
    hint: 'Create templates/partials/<name>.hbs or correct the partial name.',
  },
  'template-missing-value': {
    severity: 'error',
    description: 'A template reads a value that does not exist (strict mode).',
    hint: 'Check the name against the template context documented in templates/README.md.',
  },
  'pdf-browser-missing': {
    severity: 'error',
    description: 'No Chromium or Chrome browser was found to print PDFs.',
    hint: 'Install Chromium (`apt-get install -y chromium`) or pass `--browser PATH` / set BRIEFWRIGHT_BROWSER.',
  },
  'pdf-render-failed': {
    severity: 'error',
    description: 'Chromium failed to print a document.',
    hint: 'Run with --verbose for details; a blocked request names the asset that was refused.',
  },
  'pdf-timeout': {
    severity: 'error',
    description: 'Printing a document took longer than the timeout.',
    hint: 'Raise it with `--pdf-timeout MS` or `pdf.timeout` in briefwright.config.yaml, or simplify the document.',
  },
  'pdf-toc-unstable': {
    severity: 'warning',
    description: 'Table-of-contents page numbers still moved after the last print pass.',
    hint: 'Filling in the numbers reflows the document; give .toc-page a fixed width in the print CSS.',
  },
  'output-write-failed': {
    severity: 'error',
    description: 'An output file could not be written.',
    hint: 'Check that the out directory is writable and the disk is not full.',
  },
  'output-path-invalid': {
    severity: 'error',
    description: 'An output would get a path that is reserved, outside out/, or shared with another output.',
    hint: 'Rename the document or recipient id: plain kebab-case, not a device name (con, nul, aux, com1 …), not `index` or `manifest`.',
  },
  'markdown-too-complex': {
    severity: 'error',
    description: 'A section nests too deeply or takes too long to parse; it is refused instead of crashing or hanging the build.',
    hint: 'Flatten the nesting (quotes, lists, HTML elements) at the position shown; no briefing needs more than a few levels.',
  },
  'text-encoding-invalid': {
    severity: 'error',
    description: 'A file is not valid UTF-8 or contains a NUL or other control character.',
    hint: 'Save the file as UTF-8 and remove the control character at the position shown.',
  },
  'text-hidden-character': {
    severity: 'error',
    description: 'Text contains a bidirectional control or invisible character that can make what readers see differ from what is written (Trojan Source).',
    hint: 'Remove the character, or set `allow_hidden_characters: true` in briefwright.config.yaml if the project needs it for right-to-left text.',
  },
  'template-unsafe-url': {
    severity: 'error',
    description: 'A template writes a value into href, src or style without a helper that validates it, or a value fails that validation.',
    hint: 'Wrap the value: `{{safeUrl value}}` for links (http, https, mailto, tel, #fragment or relative), `{{asset path}}` for images, `{{cssString value}}` inside style.',
  },
});

export type RuleId = keyof typeof rules;

export const ruleIds = Object.keys(rules) as RuleId[];

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(rules, value);
}
