/**
 * What the rest of the platform may use of the seizures feature. Nothing else of this folder is imported from
 * outside it (the import-boundaries lint rule).
 */
export { compactSeizureFigures } from './seizure-figures.repo.ts';
export { seizureRoutes } from './seizures.routes.ts';
