/**
 * What the rest of the platform may use of the seizures feature. Nothing else of this folder is imported from
 * outside it (the import-boundaries lint rule).
 */
export { compactSeizureFigures } from './seizure-figures.repo.ts';
export { seizureRoutes } from './seizures.routes.ts';
// What exports read the explorer's records by: the same sharing rule and the same filters (issue 14).
export { audienceOf, canSee, visibleTo } from './seizures.policy.ts';
export { SEIZURE_YEAR, whereClause, type ResolvedFilter } from './seizure-filters.ts';
export { resolveFilter } from './seizures.repo.ts';
