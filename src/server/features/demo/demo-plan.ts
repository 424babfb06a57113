/**
 * Which reports the demo data has: about 180 Parties over 20 years ending last year, some reporting many seizures
 * and most a handful, reporting more often in later years; each report with its status, header and the Party's
 * three sharing answers. Pure and deterministic: the same options give the same plan.
 */
import { COUNTRY_NAMES, PARTIES, PARTY_WEIGHTS } from './demo-geography.ts';
import { deriveSeed, pickWeighted, Random, WeightedTable } from './demo-random.ts';

/** Records `npm start -- --demo` generates on an empty ITD. */
export const START_DEMO_RECORDS = 20_000;

export interface DemoPlanOptions {
  seed: number;
  /** Seizure records in all reports together. */
  records: number;
  /** The last year covered (the demo uses last calendar year). */
  lastYear: number;
  /** The day the plan is made (yyyy-mm-dd): nothing is submitted or published after it. */
  today: string;
  years?: number;
}

export interface DemoSharing {
  shareParties: boolean;
  shareIccwc: boolean;
  shareEtis: boolean;
}

export interface DemoReportPlan extends DemoSharing {
  party: string;
  year: number;
  records: number;
  status: 'draft' | 'submitted' | 'published';
  submittedOn: string | null;
  publishedOn: string | null;
  preparingAgency: string;
  contributingAgencies: string;
  contactName: string;
  contactEmail: string;
}

/**
 * The sharing answers: about 10% of reports restricted (shared with neither), 85% shared with ICCWC, 40% with
 * other Parties (Res. Conf. 11.17: ICCWC unless the Party opts out; sharing with Parties is a choice). Elephant
 * data is agreed for ETIS in about 70% of reports.
 */
export function drawSharing(random: Random): DemoSharing {
  const kind = pickWeighted(random, [
    ['restricted', 10],
    ['iccwc', 50],
    ['both', 35],
    ['parties', 5],
  ] as const);
  return {
    shareIccwc: kind === 'iccwc' || kind === 'both',
    shareParties: kind === 'parties' || kind === 'both',
    shareEtis: random.chance(0.7),
  };
}

const FIRST_NAMES = [
  'Amina',
  'Wei',
  'Nguyen',
  'Chinedu',
  'Sarah',
  'Claire',
  'Joseph',
  'María',
  'Rahul',
  'Fatou',
  'Lars',
  'Siti',
];
const LAST_NAMES = [
  'Otieno',
  'Zhang',
  'Tran',
  'Okafor',
  'Miller',
  'Martin',
  'Mwangi',
  'García',
  'Sharma',
  'Diallo',
  'Berg',
  'Rahman',
];

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function planDemoReports(options: DemoPlanOptions): DemoReportPlan[] {
  const years = options.years ?? 20;
  const firstYear = options.lastYear - years + 1;
  const random = new Random(deriveSeed(options.seed, 'plan'));

  // Candidate reports: each Party reports in a year with a probability that grows with its diligence and over time.
  const candidates: {
    party: string;
    year: number;
    weight: number;
    usual: DemoSharing;
    partyRandom: Random;
  }[] = [];
  for (const party of PARTIES) {
    const partyRandom = new Random(deriveSeed(options.seed, 'party', party));
    const size = PARTY_WEIGHTS[party] ?? 0.15 + partyRandom.float() * 0.85;
    const diligence = Math.min(0.97, 0.45 + 0.12 * Math.log2(1 + size) + partyRandom.float() * 0.2);
    const usual = drawSharing(partyRandom);
    for (let year = firstYear; year <= options.lastYear; year++) {
      const ramp = 0.6 + (0.4 * (year - firstYear)) / Math.max(1, years - 1);
      if (!partyRandom.chance(diligence * ramp)) continue;
      const weight = size * (1 + 0.03 * (year - firstYear)) * Math.exp(0.35 * partyRandom.normal());
      candidates.push({ party, year, weight, usual, partyRandom });
    }
  }

  // Records are spread over the candidates in proportion to their weight (a multinomial draw); a candidate that
  // gets none is not a report.
  const counts = new Array<number>(candidates.length).fill(0);
  const table = new WeightedTable([...candidates.keys()], (index) => candidates[index]!.weight);
  for (let i = 0; i < options.records; i++) counts[table.draw(random)]! += 1;

  const plans: DemoReportPlan[] = [];
  candidates.forEach((candidate, index) => {
    const records = counts[index]!;
    if (records === 0) return;
    const { party, year, partyRandom } = candidate;
    // A Party mostly keeps its answers from year to year, and sometimes changes them.
    const sharing = partyRandom.chance(0.7) ? candidate.usual : drawSharing(partyRandom);
    // Due 31 October of the next year; some come in early, some late.
    let submittedOn: string | null = addDays(`${year + 1}-03-01`, partyRandom.int(0, 320));
    let publishedOn: string | null = addDays(submittedOn, partyRandom.int(14, 90));
    let status: DemoReportPlan['status'] = 'published';
    const lastYearLeftOpen = year === options.lastYear && partyRandom.chance(0.25);
    const recentLeftOpen = year === options.lastYear - 1 && partyRandom.chance(0.03);
    if (lastYearLeftOpen || recentLeftOpen || publishedOn > options.today) {
      status = partyRandom.chance(0.5) || submittedOn > options.today ? 'draft' : 'submitted';
      publishedOn = null;
      if (status === 'draft') submittedOn = null;
      else if (submittedOn > options.today) submittedOn = options.today;
    }
    const name = `${partyRandom.pick(FIRST_NAMES)} ${partyRandom.pick(LAST_NAMES)}`;
    plans.push({
      party,
      year,
      records,
      status,
      submittedOn,
      publishedOn,
      ...sharing,
      preparingAgency: `CITES Management Authority of ${COUNTRY_NAMES[party] ?? party}`,
      contributingAgencies: partyRandom.pick([
        'Customs; Police',
        'Customs; Wildlife authority',
        'Customs; Police; Forestry authority',
        '',
      ]),
      contactName: name,
      contactEmail: `${name
        .split(' ')[0]!
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')}@cites-ma.${party.toLowerCase()}.example`,
    });
  });
  return plans;
}
