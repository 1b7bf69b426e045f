/** Roll-up of indicator values up the org hierarchy (methodology.md §5, docs/aggregation.md): the public API. */
export { aggregateIndicator } from './aggregate-indicator.js';
export { deriveCoverage } from './derive-coverage.js';
export { OrgTree, levelRank } from './org-tree.js';
export type { OrgNode } from './org-tree.js';
export type { Origin, ResolvedValue, ValueRecord } from './types.js';
