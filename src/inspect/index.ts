export { formatInspection } from './format.js';
export type * from './model.js';
export { inspectPptx } from './read.js';
