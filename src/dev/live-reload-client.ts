/** Where the dev server serves its own two resources; no build output can have these paths. */
export const devPrefix = '/__briefwright/';
export const eventsPath = `${devPrefix}events`;
export const clientPath = `${devPrefix}client.js`;
export const overlayId = 'briefwright-error-overlay';

/**
 * The script the dev server adds to every page it serves (never to the files on disk). It
 * listens to the server's events: `reload` reloads the page after a successful rebuild,
 * `status` shows or hides the error overlay. The overlay is made with textContent only:
 * diagnostics quote content, and content is not trusted to be HTML.
 */
export const liveReloadClient = `(() => {
  const overlayId = ${JSON.stringify(overlayId)};
  const source = new EventSource(${JSON.stringify(eventsPath)});
  const hide = () => document.getElementById(overlayId)?.remove();
  const show = (diagnostics) => {
    hide();
    const box = document.createElement('div');
    box.id = overlayId;
    box.setAttribute('role', 'alert');
    Object.assign(box.style, {
      position: 'fixed', inset: '0', zIndex: '2147483647', overflow: 'auto', padding: '2rem',
      background: 'rgba(24, 24, 28, 0.94)', color: '#f4f4f5', font: '14px/1.5 ui-monospace, Menlo, Consolas, monospace',
    });
    const title = document.createElement('h1');
    const errors = diagnostics.filter((d) => d.severity === 'error');
    title.textContent = 'briefwright: ' + errors.length + ' error' + (errors.length === 1 ? '' : 's') + ' — the page shows the last good build';
    Object.assign(title.style, { font: 'bold 18px/1.4 system-ui, sans-serif', color: '#fca5a5', margin: '0 0 1rem' });
    box.append(title);
    for (const d of diagnostics) {
      const item = document.createElement('div');
      item.className = 'briefwright-diagnostic';
      Object.assign(item.style, { margin: '0 0 1rem', paddingLeft: '0.75rem', borderLeft: '3px solid ' + (d.severity === 'error' ? '#f87171' : '#fbbf24') });
      const where = document.createElement('div');
      where.className = 'briefwright-location';
      where.textContent = d.file + (d.line === null ? '' : ':' + d.line + (d.column === null ? '' : ':' + d.column)) + '  ' + d.severity + ' ' + d.ruleId;
      Object.assign(where.style, { color: '#93c5fd' });
      const message = document.createElement('div');
      message.textContent = d.message;
      item.append(where, message);
      if (d.hint) {
        const hint = document.createElement('div');
        hint.textContent = 'hint: ' + d.hint;
        Object.assign(hint.style, { color: '#a1a1aa' });
        item.append(hint);
      }
      box.append(item);
    }
    document.body.append(box);
  };
  source.addEventListener('reload', () => location.reload());
  source.addEventListener('status', (event) => {
    const status = JSON.parse(event.data);
    if (status.state === 'error') show(status.diagnostics);
    else if (status.state === 'ok') hide();
  });
})();
`;
