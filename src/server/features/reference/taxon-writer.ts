/**
 * Writes a batch of taxa into the checklist, merging with what is there, parents before children.
 * Used by the shipped starter set and by the Species+ import; each tells the writer how much
 * authority it has over taxa already stored (a Species+ export overrides, the starter set only adds).
 */
import { normalizeName } from '../../../shared/taxon-name.ts';
import type { Tx } from '../../db/with-actor.ts';
import {
  addTaxonNames,
  findTaxaByNames,
  findTaxaBySpeciesPlusIds,
  insertTaxon,
  namesOfTaxa,
  rebuildLineages,
  updateTaxon,
  type NewTaxon,
  type TaxonNameInput,
  type TaxonRow,
} from './reference.repo.ts';

export const RANK_DEPTH: Record<string, number> = {
  KINGDOM: 0,
  PHYLUM: 1,
  CLASS: 2,
  ORDER: 3,
  FAMILY: 4,
  SUBFAMILY: 5,
  GENUS: 6,
  SPECIES: 7,
  SUBSPECIES: 8,
  VARIETY: 8,
};

export interface TaxonCandidate {
  fields: Omit<NewTaxon, 'parent_id'>;
  parentName: string | null;
  synonyms: string[];
  commonNames: { en: string[]; fr: string[]; es: string[] };
}

/** overwrite: the source is authoritative for fields; fill: only new taxa and new names are added. */
export type MergeMode = 'overwrite' | 'fill';
export type WriteOutcome = 'inserted' | 'updated' | 'unchanged';

const COMPARED_FIELDS = [
  'speciesplus_id',
  'name',
  'rank',
  'parent_id',
  'author',
  'appendix',
  'kingdom',
  'phylum',
  'class_name',
  'order_name',
  'family',
  'genus',
  'is_cites_accepted',
  'distribution',
  'source',
] as const;

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return (a ?? null) === (b ?? null);
}

export function namesOf(candidate: TaxonCandidate): TaxonNameInput[] {
  const names: TaxonNameInput[] = [
    { kind: 'accepted', language: null, name: candidate.fields.name, normalized: normalizeName(candidate.fields.name) },
  ];
  for (const synonym of candidate.synonyms) {
    names.push({ kind: 'synonym', language: null, name: synonym, normalized: normalizeName(synonym) });
  }
  for (const language of ['en', 'fr', 'es'] as const) {
    for (const common of candidate.commonNames[language]) {
      names.push({ kind: 'common', language, name: common, normalized: normalizeName(common) });
    }
  }
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = `${n.kind}|${n.language ?? ''}|${n.normalized}`;
    if (n.normalized === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export class TaxonWriter {
  readonly #idsByName = new Map<string, number>();

  constructor(
    private readonly tx: Tx,
    private readonly mode: MergeMode,
  ) {}

  /** Writes one batch; candidates must come parents first (sort by RANK_DEPTH). */
  async write(batch: TaxonCandidate[]): Promise<{ outcomes: WriteOutcome[]; errors: (string | null)[] }> {
    const byPlusId = await findTaxaBySpeciesPlusIds(
      this.tx,
      batch.map((c) => c.fields.speciesplus_id).filter((id): id is number => id != null),
    );
    const byName = await findTaxaByNames(this.tx, [
      ...new Set(batch.flatMap((c) => [c.fields.name, ...(c.parentName ? [c.parentName] : [])])),
    ]);
    for (const [name, row] of byName) this.#idsByName.set(name, row.id);
    const existingNames = await namesOfTaxa(this.tx, [...byName.values(), ...byPlusId.values()].map((r) => r.id));

    const outcomes: WriteOutcome[] = [];
    const errors: (string | null)[] = [];
    for (const candidate of batch) {
      const parentId = candidate.parentName ? this.#idsByName.get(candidate.parentName) : null;
      if (parentId === undefined) {
        outcomes.push('unchanged');
        errors.push(`parent taxon "${candidate.parentName}" is unknown`);
        continue;
      }
      const plusId = candidate.fields.speciesplus_id;
      const existing = (plusId != null ? byPlusId.get(plusId) : undefined) ?? byName.get(candidate.fields.name);
      const clash = byName.get(candidate.fields.name);
      if (existing && clash && clash.id !== existing.id) {
        outcomes.push('unchanged');
        errors.push(`the name "${candidate.fields.name}" already belongs to another taxon (id ${clash.id})`);
        continue;
      }
      const wanted: NewTaxon = { ...candidate.fields, parent_id: parentId };
      const outcome = await this.#writeOne(existing, wanted, existingNames, candidate);
      outcomes.push(outcome);
      errors.push(null);
    }
    return { outcomes, errors };
  }

  async #writeOne(
    existing: TaxonRow | undefined,
    wanted: NewTaxon,
    existingNames: Map<number, TaxonNameInput[]>,
    candidate: TaxonCandidate,
  ): Promise<WriteOutcome> {
    const names = namesOf(candidate);
    if (!existing) {
      const id = await insertTaxon(this.tx, wanted);
      this.#idsByName.set(wanted.name, id);
      await addTaxonNames(this.tx, id, names);
      return 'inserted';
    }
    this.#idsByName.set(existing.name, existing.id);
    const known = new Set((existingNames.get(existing.id) ?? []).map((n) => `${n.kind}|${n.language ?? ''}|${n.normalized}`));
    const newNames = names.filter((n) => !known.has(`${n.kind}|${n.language ?? ''}|${n.normalized}`));
    let changed = false;
    // An implied ancestor never overrides a stored taxon; the starter set only maintains its own rows.
    const isAuthoritative =
      wanted.source !== 'implied' &&
      (this.mode === 'overwrite' || (existing.source === 'starter' && wanted.source === 'starter'));
    if (isAuthoritative) {
      const changes: Partial<NewTaxon> = {};
      for (const field of COMPARED_FIELDS) {
        if (!sameValue(existing[field], wanted[field])) Object.assign(changes, { [field]: wanted[field] });
      }
      if (Object.keys(changes).length > 0) {
        await updateTaxon(this.tx, existing.id, changes);
        if (changes.name) this.#idsByName.set(changes.name, existing.id);
        changed = true;
      }
    }
    if (newNames.length > 0) {
      await addTaxonNames(this.tx, existing.id, newNames);
      changed = true;
    }
    return changed ? 'updated' : 'unchanged';
  }

  /** Call once after the last batch: lineages follow the parents just written. */
  async finish(): Promise<number> {
    return rebuildLineages(this.tx);
  }
}
