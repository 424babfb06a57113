/**
 * The seizure record, owned here (DESIGN §3): its columns, the one writer, the one reader and presenter, the rules
 * that derive values (quantity conversion, term–unit plausibility) and who may correct a record. Other features
 * (reports, imports, seizures, demo) import this entry only, never the files behind it.
 */
export {
  VALUE_COLUMNS,
  VALUE_FIELDS,
  type NewSeizureRecord,
  type ReportStamp,
  type SeizureValues,
} from './record-columns.ts';
export { fingerprintOf } from './record-fingerprint.ts';
export {
  correctSeizureRecord,
  findStoredFingerprints,
  hasStoredTwin,
  insertRecordsFrom,
  insertSeizureRecords,
  stampReportOnRecords,
  type Correction,
  type RecordSource,
} from './seizure-records.repo.ts';
export {
  selectRecordWithVersions,
  selectReportRecordRows,
  type RecordRow,
  type RecordWithVersionsRow,
} from './record-read.repo.ts';
export { isoOf, presentRecord, presentRecordView, valuesOf } from './record-presenter.ts';
export { correctRecordValues, type RecordCorrection } from './correct-record.ts';
export {
  convertQuantity,
  SPECIMENS,
  type ConvertedQuantity,
  type UnitMeasure,
} from './quantity-conversion.ts';
export { IMPLAUSIBLE_PAIRS, isImplausiblePair, type ImplausiblePairs } from './term-rules.ts';
export { canCorrectRecord, type CorrectionFacts } from './record.policy.ts';
