/**
 * What the rest of the platform may use of the organisations feature. Nothing else of this folder is imported from
 * outside it (the import-boundaries lint rule).
 */
export {
  findOrganisationByName,
  findOrganisationKind,
  insertOrganisation,
  isKnownCountry,
} from './organisations.repo.ts';
export { createOrganisation, createOrganisationInTx, listOrganisations } from './organisations.service.ts';
