/**
 * The one rule that turns a quantity in a CITES unit into kilograms or a number of specimens (DESIGN §3), used when
 * an import checks a row and when a record is corrected. Pure: the unit's base and factor come from the caller's
 * reference data (cites_codes).
 */

/** A unit as the reference data describes it: what it measures (kg, count, m, m3 …) and its factor to that base. */
export interface UnitMeasure {
  baseUnit: string | null;
  factor: number | null;
}

/** No unit means a number of specimens (DESIGN §3). */
export const SPECIMENS: UnitMeasure = { baseUnit: 'count', factor: 1 };

export interface ConvertedQuantity {
  quantityKg: number | null;
  quantityCount: number | null;
}

/**
 * The quantity in kg or as a count where the unit allows it; neither for a unit of another kind (a length, a
 * volume) or without a factor, since a guess would change every sum it enters.
 */
export function convertQuantity(quantity: number | null, unit: UnitMeasure | null): ConvertedQuantity {
  if (quantity === null || unit === null || unit.factor === null)
    return { quantityKg: null, quantityCount: null };
  if (unit.baseUnit === 'kg') return { quantityKg: quantity * unit.factor, quantityCount: null };
  if (unit.baseUnit === 'count') return { quantityKg: null, quantityCount: quantity * unit.factor };
  return { quantityKg: null, quantityCount: null };
}
