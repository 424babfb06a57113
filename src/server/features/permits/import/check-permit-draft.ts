/**
 * One checker for every permit file (XML, CSV, XLSX): a draft becomes a permit ready to store, or problems that
 * say where (row or XML line), which box, what was written, what is wrong and what would be right — the nearest
 * species name from the checklist, the expected codes. A file with any problem is refused whole: a permit registry
 * with half a file in it would answer "not found" for permits that exist.
 */
import {
  PERMIT_NUMBER_MAX,
  PERMIT_TYPES,
  permitNumberKey,
  type PermitImportProblem,
  type PermitType,
} from '../../../../shared/permits.contract.ts';
import type { Resolution } from '../../../../shared/reference.contract.ts';
import type { PermitDraft, PermitLineDraft } from './permit-draft.ts';

export interface CheckedLine {
  lineNo: number;
  taxonName: string;
  taxonId: number | null;
  commonName: string;
  description: string;
  termCode: string | null;
  appendix: string | null;
  sourceCode: string | null;
  quantity: number;
  unitCode: string | null;
  originCountry: string | null;
  originPermit: string | null;
  reexportCountry: string | null;
  reexportPermit: string | null;
}

export interface CheckedPermit {
  issuingCountry: string;
  number: string;
  numberKey: string;
  type: PermitType;
  isCopy: boolean;
  issuedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  importerName: string;
  importerAddress: string;
  importerCountry: string | null;
  exporterName: string;
  exporterAddress: string;
  exporterCountry: string | null;
  specialConditions: string;
  purposeCode: string | null;
  securityStamp: string | null;
  securityStampKey: string | null;
  issuingAuthority: string;
  issuedPlace: string;
  transportDocument: string | null;
  lines: CheckedLine[];
}

/** What the checker needs to know of the reference data (loaded once per file). */
export interface CheckReferences {
  /** The Party the file is imported for: every permit must be issued by it. */
  party: string;
  countries: ReadonlySet<string>;
  codes: {
    term: ReadonlySet<string>;
    unit: ReadonlySet<string>;
    source: ReadonlySet<string>;
    purpose: ReadonlySet<string>;
  };
  resolveSpecies: (name: string) => Promise<Resolution>;
}

const TYPE_WORDS: Record<string, PermitType> = {
  E: 'E',
  EXPORT: 'E',
  R: 'R',
  'RE-EXPORT': 'R',
  REEXPORT: 'R',
  I: 'I',
  IMPORT: 'I',
  O: 'O',
  OTHER: 'O',
};
const APPENDICES = new Set(['I', 'II', 'III']);
const text = (value: string | null) => value?.trim() ?? '';
const orNull = (value: string | null) => (text(value) === '' ? null : text(value));

function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export async function checkPermitDraft(
  draft: PermitDraft,
  refs: CheckReferences,
): Promise<{ permit: CheckedPermit | null; problems: PermitImportProblem[] }> {
  const problems: PermitImportProblem[] = [];
  const problem = (
    row: number,
    field: string,
    value: string | null,
    message: string,
    suggestion: string | null = null,
  ) => problems.push({ row, field, value: value ?? '', message, suggestion });

  const number = text(draft.number);
  if (number === '') problem(draft.row, 'number', draft.number, 'the permit number (box 1) is missing');
  else if (number.length > PERMIT_NUMBER_MAX)
    problem(draft.row, 'number', number, `the permit number is longer than ${PERMIT_NUMBER_MAX} characters`);
  else if (permitNumberKey(number) === '')
    problem(draft.row, 'number', number, 'the permit number has no letter or digit');

  const type = TYPE_WORDS[text(draft.type).toUpperCase()];
  if (type === undefined)
    problem(
      draft.row,
      'type',
      draft.type,
      'the permit type is not known',
      `one of ${PERMIT_TYPES.join(', ')}`,
    );

  const issuing = text(draft.issuingCountry).toUpperCase() || refs.party;
  if (issuing !== refs.party)
    problem(
      draft.row,
      'issuingCountry',
      draft.issuingCountry,
      `this file is imported for ${refs.party}: a permit issued by another Party is refused`,
      refs.party,
    );

  const day = (field: string, value: string | null) => {
    const v = text(value);
    if (v === '') return null;
    if (isDay(v)) return v;
    problem(draft.row, field, value, 'not a date', 'YYYY-MM-DD');
    return null;
  };
  const issuedOn = day('issuedOn', draft.issuedOn);
  const validFrom = day('validFrom', draft.validFrom);
  const validUntil = day('validUntil', draft.validUntil);
  if (validUntil === null && text(draft.validUntil) === '')
    problem(
      draft.row,
      'validUntil',
      draft.validUntil,
      'the last day of validity (box 2) is missing',
      'YYYY-MM-DD',
    );
  if (validFrom !== null && validUntil !== null && validFrom > validUntil)
    problem(draft.row, 'validUntil', validUntil, `valid until is before valid from (${validFrom})`);

  const country = (row: number, field: string, value: string | null) => {
    const v = text(value).toUpperCase();
    if (v === '') return null;
    if (refs.countries.has(v)) return v;
    problem(row, field, value, 'not an ISO 3166-1 alpha-2 country code', 'two letters, such as KE or FR');
    return null;
  };
  const importerCountry = country(draft.row, 'importerCountry', draft.importer.country);
  const exporterCountry = country(draft.row, 'exporterCountry', draft.exporter.country);
  const code = (row: number, field: string, kind: keyof CheckReferences['codes'], value: string | null) => {
    const v = text(value).toUpperCase();
    if (v === '') return null;
    if (refs.codes[kind].has(v)) return v;
    problem(row, field, value, `not a CITES ${kind} code`);
    return null;
  };
  const purposeCode = code(draft.row, 'purposeCode', 'purpose', draft.purposeCode);

  if (draft.lines.length === 0)
    problem(draft.row, 'lines', null, 'the permit has no line (species, quantity)');
  const lines: CheckedLine[] = [];
  for (const [index, line] of draft.lines.entries()) {
    const checked = await checkLine(line, index + 1, refs, problem, country, code);
    if (checked) lines.push(checked);
  }

  if (problems.length > 0 || type === undefined) return { permit: null, problems };
  const stamp = orNull(draft.securityStamp);
  return {
    permit: {
      issuingCountry: issuing,
      number,
      numberKey: permitNumberKey(number),
      type,
      isCopy: /^(true|1|yes)$/i.test(text(draft.isCopy)),
      issuedOn,
      validFrom,
      validUntil,
      importerName: text(draft.importer.name),
      importerAddress: text(draft.importer.address),
      importerCountry,
      exporterName: text(draft.exporter.name),
      exporterAddress: text(draft.exporter.address),
      exporterCountry,
      specialConditions: text(draft.specialConditions),
      purposeCode,
      securityStamp: stamp,
      securityStampKey: stamp === null ? null : permitNumberKey(stamp),
      issuingAuthority: text(draft.issuingAuthority),
      issuedPlace: text(draft.issuedPlace),
      transportDocument: orNull(draft.transportDocument),
      lines,
    },
    problems,
  };
}

type Problem = (
  row: number,
  field: string,
  value: string | null,
  message: string,
  suggestion?: string | null,
) => void;
type CountryCheck = (row: number, field: string, value: string | null) => string | null;
type CodeCheck = (
  row: number,
  field: string,
  kind: keyof CheckReferences['codes'],
  value: string | null,
) => string | null;

async function checkLine(
  line: PermitLineDraft,
  lineNo: number,
  refs: CheckReferences,
  problem: Problem,
  country: CountryCheck,
  code: CodeCheck,
): Promise<CheckedLine | null> {
  const before = { count: 0 };
  const counted: Problem = (...args) => {
    before.count += 1;
    problem(...args);
  };
  const name = text(line.taxonName);
  let taxonId: number | null = null;
  if (name === '') counted(line.row, 'species', line.taxonName, 'the scientific name (box 7) is missing');
  else {
    const resolution = await refs.resolveSpecies(name);
    // A near miss is not taken for the name: a permit's species is matched at the border, so it must be exact.
    if (resolution.match && resolution.match.matchKind !== 'near') taxonId = resolution.match.taxon.id;
    else {
      const nearest = resolution.match?.taxon.name ?? resolution.suggestions[0]?.taxon.name ?? null;
      counted(line.row, 'species', name, 'not a name of the CITES checklist', nearest);
    }
  }
  const quantityText = text(line.quantity).replace(',', '.');
  const quantity = Number(quantityText);
  if (quantityText === '' || !Number.isFinite(quantity) || quantity <= 0)
    counted(line.row, 'quantity', line.quantity, 'the quantity (box 11) must be a number above zero');
  const appendix = text(line.appendix).toUpperCase() || null;
  if (appendix !== null && !APPENDICES.has(appendix))
    counted(line.row, 'appendix', line.appendix, 'not a CITES Appendix', 'I, II or III');
  const termCode = code(line.row, 'term', 'term', line.termCode);
  const unitCode = code(line.row, 'unit', 'unit', line.unitCode);
  const sourceCode = code(line.row, 'source', 'source', line.sourceCode);
  const originCountry = country(line.row, 'originCountry', line.originCountry);
  const reexportCountry = country(line.row, 'reexportCountry', line.reexportCountry);
  const failedCodes = [termCode, unitCode, sourceCode].some(
    (value, i) => value === null && text([line.termCode, line.unitCode, line.sourceCode][i]!) !== '',
  );
  const failedCountries =
    (originCountry === null && text(line.originCountry) !== '') ||
    (reexportCountry === null && text(line.reexportCountry) !== '');
  if (before.count > 0 || failedCodes || failedCountries) return null;
  return {
    lineNo,
    taxonName: name,
    taxonId,
    commonName: text(line.commonName),
    description: text(line.description),
    termCode,
    appendix,
    sourceCode,
    quantity,
    unitCode,
    originCountry,
    originPermit: orNull(line.originPermit),
    reexportCountry,
    reexportPermit: orNull(line.reexportPermit),
  };
}
