import type { OutputRecord } from './output-file.js';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * out/index.html: every output with its title, audience, distribution and pages. Self-contained
 * and static (no script), so it can be published next to the files or opened from disk.
 */
export function renderIndex(outputs: readonly OutputRecord[], generator: string): string {
  const byDocument = new Map<string, OutputRecord[]>();
  for (const output of [...outputs].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const list = byDocument.get(output.document) ?? [];
    list.push(output);
    byDocument.set(output.document, list);
  }
  const rows: string[] = [];
  for (const [documentId, files] of [...byDocument].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = files[0]!;
    const byRecipient = new Map<string | null, OutputRecord[]>();
    for (const f of files) byRecipient.set(f.recipient, [...(byRecipient.get(f.recipient) ?? []), f]);
    for (const [recipient, group] of byRecipient) {
      const links = group
        .map((f) => `<a href="${escape(encodeURI(f.path))}">${f.format.toUpperCase()}</a>`)
        .join(' · ');
      const pages = group.find((f) => f.pages !== null)?.pages;
      rows.push(
        `<tr><td><strong>${escape(first.title)}</strong><br><code>${escape(documentId)}</code>${recipient ? ` → <code>${escape(recipient)}</code>` : ''}</td>` +
          `<td>${escape(first.audience)}</td><td><span class="badge ${escape(first.distribution)}">${escape(first.distribution)}</span></td>` +
          `<td class="num">${pages ?? '—'}</td><td>${links}</td></tr>`,
      );
    }
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="${escape(generator)}">
<title>Briefings — index</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d232b}
h1{font-size:1.5rem;margin:0 0 .25rem}p.lede{color:#5a6470;margin:0 0 1.5rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.55rem .6rem;border-bottom:1px solid #e2e5ea;vertical-align:top}
th{font-size:.78rem;text-transform:uppercase;letter-spacing:.04em;color:#5a6470}td.num{text-align:right}
code{font-size:.85em;color:#5a6470}a{color:#1a4f8b}
.badge{display:inline-block;padding:0 .5rem;border-radius:1rem;font-size:.8rem;border:1px solid}
.badge.public{color:#1d6b3a;border-color:#9bd3ae;background:#eef8f1}.badge.internal{color:#8a5a00;border-color:#e8c979;background:#fdf7e6}
.badge.restricted{color:#a3202a;border-color:#eba2a7;background:#fdeeee}
</style>
</head>
<body>
<h1>Briefings</h1>
<p class="lede">${outputs.length} output${outputs.length === 1 ? '' : 's'} · ${escape(generator)} · provenance in <a href="manifest.json">manifest.json</a></p>
<table>
<thead><tr><th>Document</th><th>Audience</th><th>Distribution</th><th>Pages</th><th>Files</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
