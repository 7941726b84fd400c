export * from './scalars.js';
export { sourceSchema, sourcesFileSchema, sourceKinds, type Source } from './source-schema.js';
export { factSchema, factsFileSchema, factStatuses, type Fact, type FactStatus } from './fact-schema.js';
export { sectionFrontMatterSchema, type SectionFrontMatter } from './section-schema.js';
export { recipientSchema, recipientsFileSchema, type Recipient } from './recipient-schema.js';
export { publisherSchema, signatorySchema, type Publisher, type Signatory } from './publisher-schema.js';
export {
  documentSchema,
  documentKinds,
  outputFormats,
  pageSizes,
  pdfOptionsSchema,
  type DocumentDefinition,
  type OutputFormat,
} from './document-schema.js';
export { createJsonSchemas, serializeJsonSchema, jsonSchemaSources, type JsonSchemaFile } from './json-schemas.js';
export type * from './model.js';
