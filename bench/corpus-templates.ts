/**
 * The corpus carries its own small layouts, so the benchmark measures the pipeline and not
 * whatever the shipped templates/ look like this week. They are realistic where it costs: fonts
 * embedded, @page margin boxes with page numbers, tables, footnotes, a sources list.
 */

/** Font faces, as briefwright sees them (@fontsource imports, embedded at build time). */
export const fontImports = [
  '@import "@fontsource/source-serif-4/latin-400.css";',
  '@import "@fontsource/source-serif-4/latin-400-italic.css";',
  '@import "@fontsource/source-serif-4/latin-700.css";',
  '@import "@fontsource/source-sans-3/latin-600.css";',
].join('\n');

/** The same faces for the peers, as files beside their stylesheet (peers/fonts/). */
export const peerFonts: readonly { family: string; file: string; weight: number; style: 'normal' | 'italic' }[] = [
  { family: 'Source Serif 4', file: 'source-serif-4/files/source-serif-4-latin-400-normal.woff2', weight: 400, style: 'normal' },
  { family: 'Source Serif 4', file: 'source-serif-4/files/source-serif-4-latin-400-italic.woff2', weight: 400, style: 'italic' },
  { family: 'Source Serif 4', file: 'source-serif-4/files/source-serif-4-latin-700-normal.woff2', weight: 700, style: 'normal' },
  { family: 'Source Sans 3', file: 'source-sans-3/files/source-sans-3-latin-600-normal.woff2', weight: 600, style: 'normal' },
];

export function peerFontFaces(prefix: string): string {
  return peerFonts
    .map(
      (f) =>
        `@font-face { font-family: '${f.family}'; font-style: ${f.style}; font-weight: ${f.weight}; src: url("${prefix}${f.file.split('/').pop() ?? ''}") format("woff2"); }`,
    )
    .join('\n');
}

/** Print CSS shared by every tool, so all of them typeset the same thing. */
export const documentCss = `
@page { size: Letter; margin: 0.9in 0.9in 1in;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt 'Source Sans 3', sans-serif; color: #555; } }
html { font: 11pt/1.45 'Source Serif 4', Georgia, serif; color: #111; }
body { margin: 0; }
h1, h2, h3, h4 { font-family: 'Source Sans 3', sans-serif; font-weight: 600; line-height: 1.2; break-after: avoid; }
h1 { font-size: 22pt; margin: 0 0 0.3em; }
h2 { font-size: 15pt; margin: 1.4em 0 0.4em; border-bottom: 1px solid #bbb; padding-bottom: 0.15em; }
h3 { font-size: 12pt; margin: 1.1em 0 0.3em; }
p, li { orphans: 2; widows: 2; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #999; padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
sup, .citation { font-size: 0.75em; line-height: 0; }
.meta, .publisher { font-family: 'Source Sans 3', sans-serif; color: #444; margin: 0; }
.sources ol, .footnotes { font-size: 9pt; }
.letterhead { border-bottom: 2px solid #1f3a5f; margin-bottom: 1.5em; padding-bottom: 0.4em; }
.letterhead .name { font: 600 16pt 'Source Sans 3', sans-serif; color: #1f3a5f; margin: 0; }
.address { margin: 1.2em 0; }
.address p { margin: 0; }
.signature { margin-top: 2em; }
`;

const head = `<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">
<meta name="generator" content="{{generator}}">
<title>{{document.title}}</title>
<style>{{css}}</style>`;

export const templateFiles: Readonly<Record<string, string>> = {
  'templates/partials/head.hbs': `${head}\n`,
  'templates/partials/sources-list.hbs': `<ol class="sources-list">
{{#each sources}}  <li id="source-{{id}}">{{publisher}}, “{{title}}”{{#if dateFormatted}}, {{dateFormatted}}{{/if}}.</li>
{{/each}}</ol>
`,
  'templates/layouts/briefing.hbs': `<!doctype html>
<html lang="{{document.language}}">
<head>
{{> head this}}
</head>
<body class="briefing">
<header>
  <p class="publisher">{{publisher.name}}</p>
  <h1>{{document.title}}</h1>
  <p class="meta">{{formatDate document.date}} · {{document.audience}}</p>
</header>
{{#each sections}}
<section id="{{id}}"><h2>{{title}}</h2>
{{html}}
</section>
{{/each}}
<section class="sources" id="sources"><h2>Sources</h2>{{sourcesList}}</section>
</body>
</html>
`,
  'templates/layouts/letter.hbs': `<!doctype html>
<html lang="{{document.language}}">
<head>
{{> head this}}
</head>
<body class="letter">
<header class="letterhead"><p class="name">{{publisher.name}}</p>{{#each publisher.address}}<span>{{this}} </span>{{/each}}</header>
<p class="date">{{formatDate document.date}}</p>
<div class="address">
<p>{{recipient.name}}{{#if recipient.title}}, {{recipient.title}}{{/if}}</p>
<p>{{recipient.organization}}</p>
{{#each recipient.address}}<p>{{this}}</p>{{/each}}
</div>
<p>{{recipient.salutation}}</p>
{{#each sections}}{{html}}{{/each}}
<div class="signature"><p>Sincerely,</p><p>{{signatory.name}}<br>{{signatory.title}}</p></div>
<section class="sources" id="sources">{{sourcesList}}</section>
</body>
</html>
`,
  'templates/styles/briefing.css': `${fontImports}\n${documentCss}`,
  'templates/styles/letter.css': `${fontImports}\n${documentCss}`,
};
