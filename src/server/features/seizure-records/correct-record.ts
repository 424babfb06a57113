/**
 * Correcting a record's values: the reference checks, the rules that derive values from others (the species'
 * name, Appendix and elephant flag from the chosen taxon; kg or count from the quantity and unit), then the writer
 * keeps the earlier version whole. Who may correct is the caller's question (record.policy.ts, canCorrectRecord);
 * row-level security asks it again.
 */
import type { SeizureValuesDto } from '../../../shared/seizure-record.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ValidationError, type InvalidField } from '../../errors.ts';
import { isElephantTaxon } from '../reference/index.ts';
import { convertQuantity, SPECIMENS, type UnitMeasure } from './quantity-conversion.ts';
import {
  isKnownTerm,
  selectKnownCountries,
  selectTaxonFacts,
  selectUnitMeasure,
} from './record-references.repo.ts';
import { correctSeizureRecord } from './seizure-records.repo.ts';

export interface RecordCorrection {
  values: SeizureValuesDto;
  reason: string;
  actorId: string | null;
  actorLabel: string | null;
  /** The version the correction was made from (see seizure-records.repo.ts, Correction). */
  expectedVersion?: number;
}

/**
 * Checks the correction and writes it as the record's next version. Returns the new version number, or null when
 * row-level security hid the record from the writer. An unknown country, taxon, term or unit is a ValidationError:
 * checked here, not left to a foreign key, so the answer names the field.
 */
export async function correctRecordValues(
  tx: Tx,
  record: { id: number; values: SeizureValuesDto },
  correction: RecordCorrection,
): Promise<number | null> {
  const values = await checkedValues(tx, correction.values, record.values);
  return correctSeizureRecord(tx, record.id, {
    values,
    reason: correction.reason,
    actorId: correction.actorId,
    actorLabel: correction.actorLabel,
    ...(correction.expectedVersion !== undefined ? { expectedVersion: correction.expectedVersion } : {}),
  });
}

async function checkedValues(
  tx: Tx,
  values: SeizureValuesDto,
  current: SeizureValuesDto,
): Promise<SeizureValuesDto> {
  const problems: InvalidField[] = [];
  const countries = [
    values.seizureCountry,
    values.originCountry,
    values.exportCountry,
    values.destinationCountry,
    ...values.transitCountries,
    ...values.offenderNationalities,
  ].filter((code): code is string => code !== null);
  const known = await selectKnownCountries(tx, countries);
  for (const code of new Set(countries))
    if (!known.has(code)) problems.push({ field: 'values', reason: 'invalid', params: { value: code } });

  // The species' name, Appendix and whether it is an elephant follow the chosen taxon, never the client's word;
  // without a taxon, the record stays as it was on the last point.
  let taxon = { taxonName: values.taxonName, appendix: values.appendix, isElephant: current.isElephant };
  if (values.taxonId !== null) {
    const facts = await selectTaxonFacts(tx, values.taxonId);
    if (!facts) problems.push({ field: 'values.taxonId', reason: 'invalid' });
    else taxon = { taxonName: facts.name, appendix: facts.appendix, isElephant: isElephantTaxon(facts) };
  }
  if (values.termCode !== null && !(await isKnownTerm(tx, values.termCode)))
    problems.push({ field: 'values.termCode', reason: 'invalid' });

  let unit: UnitMeasure | null = SPECIMENS;
  if (values.unitCode !== null) {
    unit = await selectUnitMeasure(tx, values.unitCode);
    if (!unit) problems.push({ field: 'values.unitCode', reason: 'invalid' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return { ...values, ...taxon, ...convertQuantity(values.quantity, unit) };
}
