/** Progress assessment and early warning (methodology.md): the public API. */
export { assessSeries } from './assess-series.js';
export { countyRange, urbanRuralGap } from './disparity.js';
export type { CountyRange, DisparityTrend, UrbanRural, UrbanRuralGap } from './disparity.js';
export { summarize } from './summary.js';
export type { AssessedItem, AssessmentSummary, DomainSummary, StatusCounts, StatusSummary } from './summary.js';
export { isVolatileSeries } from './volatility.js';
export { warningFor } from './warning.js';
export { STATUSES, WARNINGS } from './types.js';
export type { Assessment, MilestoneResult, Observation, SeriesInput, Status, Warning } from './types.js';
