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
  insertTaxa,
  namesOfTaxa,
  rebuildLineages,
  updateTaxon,
  type NewTaxon,
  type TaxonNameInput,
  type TaxonRow,
  taxonKey,
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
    {
      kind: 'accepted',
      language: null,
      name: candidate.fields.name,
      normalized: normalizeName(candidate.fields.name),
    },
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

interface Planned {
  index: number;
  candidate: TaxonCandidate;
  wanted: NewTaxon;
  existing: TaxonRow | undefined;
}

export class TaxonWriter {
  readonly #idsByKey = new Map<string, number>();

  constructor(
    private readonly tx: Tx,
    private readonly mode: MergeMode,
  ) {}

  /**
   * Writes one batch; candidates must come parents first (sort by RANK_DEPTH). New taxa of one rank
   * go in with one multi-row insert, so a child finds the id of a parent written in the same batch.
   */
  async write(batch: TaxonCandidate[]): Promise<{ outcomes: WriteOutcome[]; errors: (string | null)[] }> {
    const byPlusId = await findTaxaBySpeciesPlusIds(
      this.tx,
      batch.map((c) => c.fields.speciesplus_id).filter((id): id is number => id != null),
    );
    const byName = await findTaxaByNames(this.tx, [
      ...new Set(batch.flatMap((c) => [c.fields.name, ...(c.parentName ? [c.parentName] : [])])),
    ]);
    for (const [key, row] of byName) this.#idsByKey.set(key, row.id);
    const existingNames = await namesOfTaxa(
      this.tx,
      [...byName.values(), ...byPlusId.values()].map((r) => r.id),
    );

    const outcomes: WriteOutcome[] = batch.map(() => 'unchanged');
    const errors: (string | null)[] = batch.map(() => null);
    const newNames: (TaxonNameInput & { taxon_id: number })[] = [];
    const depths = [...new Set(batch.map((c) => RANK_DEPTH[c.fields.rank] ?? 99))].sort((a, b) => a - b);
    for (const depth of depths) {
      const toInsert: Planned[] = [];
      for (const [index, candidate] of batch.entries()) {
        if ((RANK_DEPTH[candidate.fields.rank] ?? 99) !== depth) continue;
        const { kingdom, name } = candidate.fields;
        const parentId = candidate.parentName
          ? this.#idsByKey.get(taxonKey(kingdom, candidate.parentName))
          : null;
        if (parentId === undefined) {
          errors[index] = `parent taxon "${candidate.parentName}" is unknown`;
          continue;
        }
        const plusId = candidate.fields.speciesplus_id;
        const existing =
          (plusId != null ? byPlusId.get(plusId) : undefined) ?? byName.get(taxonKey(kingdom, name));
        const clash = byName.get(taxonKey(kingdom, name));
        if (existing && clash && clash.id !== existing.id) {
          errors[index] =
            `the name "${candidate.fields.name}" already belongs to another taxon (id ${clash.id})`;
          continue;
        }
        const plan = { index, candidate, wanted: { ...candidate.fields, parent_id: parentId }, existing };
        if (existing) outcomes[index] = await this.#update(plan, existingNames, newNames);
        else toInsert.push(plan);
      }
      const ids = await insertTaxa(
        this.tx,
        toInsert.map((plan) => plan.wanted),
      );
      for (const plan of toInsert) {
        const key = taxonKey(plan.wanted.kingdom, plan.wanted.name);
        const id = ids.get(key)!;
        this.#idsByKey.set(key, id);
        newNames.push(...namesOf(plan.candidate).map((name) => ({ ...name, taxon_id: id })));
        outcomes[plan.index] = 'inserted';
      }
    }
    await addTaxonNames(this.tx, newNames);
    return { outcomes, errors };
  }

  async #update(
    { candidate, wanted, existing }: Planned,
    existingNames: Map<number, TaxonNameInput[]>,
    newNames: (TaxonNameInput & { taxon_id: number })[],
  ): Promise<WriteOutcome> {
    if (!existing) throw new Error('update without a stored taxon');
    this.#idsByKey.set(taxonKey(existing.kingdom, existing.name), existing.id);
    const known = new Set(
      (existingNames.get(existing.id) ?? []).map((n) => `${n.kind}|${n.language ?? ''}|${n.normalized}`),
    );
    const added = namesOf(candidate).filter(
      (n) => !known.has(`${n.kind}|${n.language ?? ''}|${n.normalized}`),
    );
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
        if (changes.name || changes.kingdom)
          this.#idsByKey.set(taxonKey(wanted.kingdom, wanted.name), existing.id);
        changed = true;
      }
    }
    if (added.length > 0) {
      newNames.push(...added.map((name) => ({ ...name, taxon_id: existing.id })));
      changed = true;
    }
    return changed ? 'updated' : 'unchanged';
  }

  /** Call once after the last batch: lineages follow the parents just written. */
  async finish(): Promise<number> {
    return rebuildLineages(this.tx);
  }
}
