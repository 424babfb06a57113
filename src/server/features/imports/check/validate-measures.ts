/**
 * The measures of a row: the quantity in its unit, and a second measure of the same specimens ("3 horns, 8.34
 * kg"; "939 whole pangolins" next to their weight), so a record keeps both its count and its weight. A number
 * whose reading depends on the file's decimal mark is a question, not a guess; a count of specimens that is not a
 * whole number is a warning.
 */
import type { ImportColumn, ProblemCode } from '../../../../shared/imports.contract.ts';
import { convertQuantity, isImplausiblePair, type SeizureValues } from '../../seizure-records/index.ts';
import type { DecimalMark } from './file-conventions.ts';
import type { CodeInfo, ImportReference } from './import-reference.ts';
import { parseQuantity } from './normalise-quantity.ts';

type Add = (
  column: ImportColumn,
  code: ProblemCode,
  params?: Record<string, string | number>,
  suggestion?: string | null,
) => void;

type Measures = Pick<SeizureValues, 'quantity' | 'unitCode' | 'quantityKg' | 'quantityCount'>;

export function readMeasures(
  cell: (column: ImportColumn) => string,
  reference: ImportReference,
  mark: DecimalMark | null,
  term: CodeInfo | null,
  add: Add,
): Measures {
  const measure = (quantityColumn: ImportColumn, unitColumn: ImportColumn) => {
    const unitText = cell(unitColumn);
    const unit = reference.unit(unitText);
    if (!unit) add(unitColumn, 'unit_unknown', { value: unitText });
    const text = cell(quantityColumn);
    if (text === '') return { unit, value: null };
    const quantity = parseQuantity(text, mark);
    if (quantity.ok) {
      if (unit?.baseUnit === 'count' && !Number.isInteger(quantity.value * (unit.factor ?? 1)))
        add(quantityColumn, 'quantity_not_whole', { value: text });
      return { unit, value: quantity.value };
    }
    if (quantity.reason === 'ambiguous')
      add(quantityColumn, 'number_unsettled', {
        value: text,
        point: String(parseQuantity(text, 'point').ok ? readAs(text, 'point') : ''),
        comma: String(parseQuantity(text, 'comma').ok ? readAs(text, 'comma') : ''),
      });
    else
      add(
        quantityColumn,
        quantity.reason === 'invalid' ? 'quantity_invalid' : 'quantity_not_positive',
        { value: text },
        quantity.suggestion,
      );
    return { unit, value: null };
  };

  const first = measure('Quantity', 'Unit');
  const values: Measures = {
    quantity: first.value,
    unitCode: first.unit && first.unit.code !== '' ? first.unit.code : null,
    ...convertQuantity(first.value, first.unit),
  };
  if (cell('Second quantity') !== '') {
    const second = measure('Second quantity', 'Second unit');
    const converted = convertQuantity(second.value, second.unit);
    values.quantityKg ??= converted.quantityKg;
    values.quantityCount ??= converted.quantityCount;
  }
  if (term && first.unit && isImplausiblePair(term.code, first.unit.baseUnit))
    add('Unit', 'term_unit_implausible', {
      term: reference.termLabel(term.code),
      unit: first.unit.code === '' ? 'number of specimens' : first.unit.label,
    });
  return values;
}

function readAs(text: string, mark: DecimalMark): number {
  const read = parseQuantity(text, mark);
  return read.ok ? read.value : NaN;
}
