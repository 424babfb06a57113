/**
 * Writes the import benchmark's free-text names file: 773 rows whose Species cells are written as people write them
 * in NGO compilations and national spreadsheets — exact names, misspelt names, names with their authors, "Genus
 * spp.", common names in any case, and group or product words ("ivory", "pangolin scales", "Parrots", "NA") —
 * drawn from the real Species+ export with a fixed seed. Run in a child process:
 * `node --import tsx bench/write-names-file.ts <csv> <speciesplus.csv> <year> <rows>`.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { IMPORT_COLUMNS } from '../src/shared/imports.contract.ts';

const GROUP_WORDS = [
  'ivory',
  'pangolin scales',
  'rhino horn',
  'Parrots',
  'Falcons',
  'Crocodiles',
  'Finches',
  'live birds',
  'pangolín',
  'tortoise',
  'python skin',
  'shark fins',
  'agarwood',
  'rosewood',
  'NA',
  'unknown',
  'seahorses',
  'coral',
  'elephant tusks',
  'bushmeat',
  'Tortues',
  'caviar',
  'orchids',
  'cacti',
  'bear bile',
];

/** A small deterministic generator (mulberry32), so every run writes the same file. */
function randomFrom(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One typing mistake: a letter dropped, doubled, swapped with the next, or the epithet's ending changed. */
function misspell(name: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (name.length - 2));
  switch (Math.floor(random() * 4)) {
    case 0:
      return name.slice(0, at) + name.slice(at + 1);
    case 1:
      return name.slice(0, at) + name[at] + name.slice(at);
    case 2:
      return name.slice(0, at) + (name[at + 1] ?? '') + name[at] + name.slice(at + 2);
    default:
      return name.replace(/a$/, 'us').replace(/us$/, 'a');
  }
}

interface SpeciesRow {
  FullName: string;
  AuthorYear: string;
  RankName: string;
  Genus: string;
  EnglishNames: string;
}

function writeNamesFile(csv: string, speciesFile: string, year: number, rows: number) {
  const all = parse<SpeciesRow>(fs.readFileSync(speciesFile), { columns: true, skip_empty_lines: true });
  const species = all.filter((row) => row.RankName === 'SPECIES');
  const random = randomFrom(773);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const speciesName = (): string => {
    const row = pick(species);
    const roll = random();
    if (roll < 0.3) return row.FullName;
    if (roll < 0.55) return misspell(row.FullName, random);
    if (roll < 0.65) return `${row.FullName} ${row.AuthorYear}`.trim();
    if (roll < 0.72) return `${row.Genus} spp.`;
    const common = row.EnglishNames.split(',')[0]?.trim() ?? '';
    if (roll < 0.88 && common !== '') return random() < 0.5 ? common.toLowerCase() : common;
    return pick(GROUP_WORDS);
  };
  const out: string[][] = [[...IMPORT_COLUMNS]];
  for (let i = 0; i < rows; i++) {
    const cells: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>> = {
      'Date of seizure': `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${year}`,
      Species: speciesName(),
      'Description of specimen': 'LIV',
      Quantity: String(1 + (i % 40)),
      'Country of origin': pick(['VN', 'NG', 'CM', 'ID', 'MY', 'CN']),
      Location: `Checkpoint ${i + 1}`,
    };
    out.push(IMPORT_COLUMNS.map((column) => cells[column] ?? ''));
  }
  fs.writeFileSync(csv, stringify(out));
  fs.chmodSync(csv, 0o644);
}

const [csv, speciesFile, year, rows] = process.argv.slice(2);
writeNamesFile(csv!, speciesFile!, Number(year), Number(rows));
