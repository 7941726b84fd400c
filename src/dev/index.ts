export { startDevServer, type DevServer, type DevServerOptions } from './start-dev-server.js';
export { injectLiveReload } from './inject-live-reload.js';
export { readServedFile, type ServedFile } from './read-served-file.js';
export { watchProject, type ProjectWatcher } from './watch-project.js';
export { clientPath, eventsPath, overlayId } from './live-reload-client.js';
