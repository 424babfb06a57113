/**
 * Loads the reference data shipped with the platform (seed/*.csv, written by us; see seed/README.md):
 * countries, CITES codes and the starter checklist of commonly seized taxa. A file is loaded again
 * only when its checksum changed, so every start is cheap and re-loading is idempotent.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { systemActor } from '../../../shared/actor.ts';
import type { CitesCodesTable, CountriesTable, DB } from '../../db/schema.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { recordAudit } from '../audit/index.ts';
import {
  markSeedLoaded,
  seedChecksums,
  unsafeAnalyzeChecklist,
  upsertCodes,
  upsertCountries,
} from './reference.repo.ts';
import { RANK_DEPTH, TaxonWriter, type TaxonCandidate } from './taxon-writer.ts';

const SEED_DIR = path.join(import.meta.dirname, 'seed');
const SEED_FILES = ['countries.csv', 'cites-codes.csv', 'starter-taxa.csv'] as const;
type SeedFile = (typeof SEED_FILES)[number];

export interface SeedReport {
  loaded: { file: SeedFile; rows: number }[];
}

function readSeed(file: SeedFile): string {
  return fs.readFileSync(path.join(SEED_DIR, file), 'utf8');
}

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** One checksum over every shipped file (test templates are keyed by it). */
export function shippedSeedChecksum(): string {
  return checksum(SEED_FILES.map((file) => checksum(readSeed(file))).join(''));
}

function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
}

/** "a | b | c" → ["a", "b", "c"] */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const orNull = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : null);

export async function loadShippedReferenceData(
  db: Kysely<DB>,
  options: { log?: (line: string) => void; clock?: () => Date } = {},
): Promise<SeedReport> {
  const log = options.log ?? (() => {});
  const actor = systemActor('reference seed');
  const report = await withActor(db, actor, async (tx) => {
    const known = await seedChecksums(tx);
    const report: SeedReport = { loaded: [] };
    for (const file of SEED_FILES) {
      const text = readSeed(file);
      const sum = checksum(text);
      if (known.get(file) === sum) continue;
      const rows = parseCsv(text);
      await LOADERS[file](tx, rows);
      await markSeedLoaded(tx, file, sum);
      await recordAudit(
        tx,
        { actor, clock: options.clock ?? (() => new Date()) },
        {
          action: 'reference.seed_loaded',
          targetType: 'reference_file',
          targetId: file,
          details: { rows: rows.length },
        },
      );
      log(`Loaded ${rows.length} rows of ${file}`);
      report.loaded.push({ file, rows: rows.length });
    }
    return report;
  });
  if (report.loaded.length > 0) await unsafeAnalyzeChecklist(db);
  return report;
}

const LOADERS: Record<SeedFile, (tx: Tx, rows: Record<string, string>[]) => Promise<void>> = {
  'countries.csv': async (tx, rows) => {
    const countries: CountriesTable[] = rows.map((row) => ({
      code: row.code!,
      kind: row.kind as CountriesTable['kind'],
      is_cites_party: row.is_cites_party === 'true',
      name_en: row.name_en!,
      name_fr: row.name_fr!,
      name_es: row.name_es!,
    }));
    await upsertCountries(tx, countries);
  },
  'cites-codes.csv': async (tx, rows) => {
    const codes: CitesCodesTable[] = rows.map((row) => ({
      kind: row.kind as CitesCodesTable['kind'],
      code: row.code!,
      label_en: row.label_en!,
      label_fr: row.label_fr!,
      label_es: row.label_es!,
      base_unit: orNull(row.base_unit) as CitesCodesTable['base_unit'],
      factor: orNull(row.factor) === null ? null : Number(row.factor),
    }));
    await upsertCodes(tx, codes);
  },
  'starter-taxa.csv': async (tx, rows) => {
    const candidates: TaxonCandidate[] = rows.map((row) => ({
      fields: {
        speciesplus_id: null,
        name: row.name!,
        rank: row.rank!,
        author: orNull(row.author),
        appendix: orNull(row.appendix),
        kingdom: row.kingdom ?? '',
        phylum: orNull(row.phylum),
        class_name: orNull(row.class),
        order_name: orNull(row.order),
        family: orNull(row.family),
        genus: orNull(row.genus),
        is_cites_accepted: true,
        distribution: [],
        source: 'starter',
      },
      parentName: orNull(row.parent),
      synonyms: splitList(row.synonyms),
      commonNames: {
        en: splitList(row.common_en),
        fr: splitList(row.common_fr),
        es: splitList(row.common_es),
      },
    }));
    candidates.sort((a, b) => (RANK_DEPTH[a.fields.rank] ?? 99) - (RANK_DEPTH[b.fields.rank] ?? 99));
    const writer = new TaxonWriter(tx, 'fill');
    const { errors } = await writer.write(candidates);
    const failures = errors
      .map((error, i) => (error ? `${candidates[i]!.fields.name}: ${error}` : null))
      .filter(Boolean);
    if (failures.length > 0) throw new Error(`starter-taxa.csv is inconsistent: ${failures.join('; ')}`);
    await writer.finish();
  },
};
