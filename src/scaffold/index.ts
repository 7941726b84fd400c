export { scaffoldContent, type ScaffoldContentOptions, type ScaffoldContentResult, type ScaffoldKind } from './scaffold-content.js';
export { initProject, type InitProjectOptions, type InitProjectResult } from './init-project.js';
