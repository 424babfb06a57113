/**
 * What the rest of the platform may use of the reference feature. Nothing else of this folder is imported from
 * outside it (the import-boundaries lint rule).
 */
export { isElephantTaxon } from './elephant-taxa.ts';
export { importSpeciesPlus } from './import-species-plus.ts';
export { referenceRoutes } from './reference.routes.ts';
export { listCodes, listCountries } from './reference.service.ts';
export { resolveTaxonName } from './resolve-taxon-name.ts';
export { loadShippedReferenceData, type SeedReport } from './seed-reference.ts';
