/**
 * Where and how a demo seizure was made: location type and name, transport, detection method, seizing agency and
 * reason, chosen together so that they fit (an airport seizure is made by customs from a passenger or cargo, a
 * market seizure by police or wildlife officers).
 */
import type { TransportKind } from './demo-catalogue.ts';
import { PORTS } from './demo-geography.ts';
import { pickWeighted, type Random } from './demo-random.ts';

export interface SeizurePlace {
  locationType: string;
  locationName: string;
  transportMode: string;
  detectionMethod: string;
  seizingAgency: string;
  reason: string;
}

/** Agency names some Parties write instead of the generic kind (the rest write the kind). */
const AGENCY_NAMES: Readonly<Record<string, Partial<Record<string, string>>>> = {
  US: {
    Customs: 'U.S. Customs and Border Protection',
    'Wildlife authority': 'U.S. Fish and Wildlife Service',
  },
  GB: { Customs: 'Border Force', Police: 'National Wildlife Crime Unit' },
  KE: { 'Wildlife authority': 'Kenya Wildlife Service', Customs: 'Kenya Revenue Authority, Customs' },
  CN: { Customs: 'General Administration of Customs', Police: 'Anti-smuggling Bureau' },
  ZA: { Police: 'South African Police Service', 'Wildlife authority': 'SANParks environmental crime unit' },
  FR: { Customs: 'French Customs (DGDDI)', 'Wildlife authority': 'French Office for Biodiversity (OFB)' },
  AU: { Customs: 'Australian Border Force' },
  IN: {
    'Wildlife authority': 'Wildlife Crime Control Bureau',
    Customs: 'Directorate of Revenue Intelligence',
  },
  VN: { Police: 'Environmental Police', 'Forestry authority': 'Forest Protection Department' },
  NG: { Customs: 'Nigeria Customs Service' },
};

const AIRPORTS = ['Main international airport', 'Regional airport', 'Air cargo terminal'];
const SEAPORTS = ['Main seaport', 'Container terminal', 'Fishing port'];
const BORDERS = ['Border post', 'Land border crossing'];
const INLAND = [
  ['Market', 'Inland'],
  ['Warehouse', 'Inland'],
  ['Private residence', 'Inland'],
  ['Shop', 'Market'],
  ['Protected area', 'Inland'],
  ['Restaurant', 'Market'],
  ['Road checkpoint', 'Inland'],
] as const;

export function placeOf(random: Random, party: string, kind: TransportKind, isTimber: boolean): SeizurePlace {
  const ports = PORTS[party];
  const named = (list: readonly string[] | undefined, generic: readonly string[]) =>
    list && list.length > 0 && random.chance(0.85) ? random.pick(list) : random.pick(generic);
  let place: Omit<SeizurePlace, 'seizingAgency' | 'reason'>;
  let agencies: (readonly [string, number])[];
  switch (kind) {
    case 'air':
      place = {
        locationType: 'Airport',
        locationName: named(ports?.airports, AIRPORTS),
        transportMode: pickWeighted(random, [
          ['Air (passenger)', 6],
          ['Air (cargo)', 3],
          ['Air (courier)', 1],
        ]),
        detectionMethod: pickWeighted(random, [
          ['X-ray / scanner', 4],
          ['Risk profiling', 3],
          ['Routine inspection', 3],
          ['Detector dog', 1],
          ['Intelligence / tip-off', 1],
        ]),
      };
      agencies = [
        ['Customs', 85],
        ['Police', 6],
        ['Wildlife authority', 6],
        ['Multi-agency task force', 3],
      ];
      break;
    case 'sea':
      place = {
        locationType: 'Seaport',
        locationName: named(ports?.seaports, SEAPORTS),
        transportMode: random.chance(0.85) ? 'Sea (container)' : 'Sea (vessel)',
        detectionMethod: pickWeighted(random, [
          ['Risk profiling', 4],
          ['X-ray / scanner', 3],
          ['Intelligence / tip-off', 3],
          ['Routine inspection', 1],
        ]),
      };
      agencies = [
        ['Customs', 80],
        ['Coast guard', 5],
        ['Multi-agency task force', 10],
        ['Police', 5],
      ];
      break;
    case 'road':
      place = random.chance(0.65)
        ? {
            locationType: 'Land border',
            locationName: named(ports?.borders, BORDERS),
            transportMode: '',
            detectionMethod: '',
          }
        : { locationType: 'Inland', locationName: 'Road checkpoint', transportMode: '', detectionMethod: '' };
      place.transportMode = random.chance(0.9) ? 'Road' : 'Rail';
      place.detectionMethod = pickWeighted(random, [
        ['Routine inspection', 4],
        ['Intelligence / tip-off', 3],
        ['Random check', 2],
        ['Detector dog', 1],
      ]);
      agencies = [
        ['Customs', 45],
        ['Border police', 25],
        ['Police', 20],
        [isTimber ? 'Forestry authority' : 'Wildlife authority', 10],
      ];
      break;
    case 'post':
      place = {
        locationType: 'Mail centre',
        locationName: random.chance(0.7) ? 'International mail processing centre' : 'Express courier hub',
        transportMode: random.chance(0.75) ? 'Postal / mail' : 'Air (courier)',
        detectionMethod: pickWeighted(random, [
          ['X-ray / scanner', 5],
          ['Risk profiling', 3],
          ['Detector dog', 1],
        ]),
      };
      agencies = [
        ['Customs', 95],
        ['Police', 5],
      ];
      break;
    case 'inland': {
      const [name, type] = random.pick(INLAND);
      place = {
        locationType: type,
        locationName: isTimber && random.chance(0.5) ? 'Sawmill' : name,
        transportMode: random.chance(0.5) ? 'Road' : '',
        detectionMethod: pickWeighted(random, [
          ['Intelligence / tip-off', 5],
          ['Patrol', 3],
          ['Undercover operation', 2],
          ['Controlled delivery', 1],
        ]),
      };
      agencies = [
        ['Police', 40],
        [isTimber ? 'Forestry authority' : 'Wildlife authority', 40],
        ['Multi-agency task force', 20],
      ];
      break;
    }
    case 'online':
      place = {
        locationType: 'Online',
        locationName: random.pick(['Social media marketplace', 'E-commerce website', 'Messaging app group']),
        transportMode: random.chance(0.5) ? 'Postal / mail' : '',
        detectionMethod: random.chance(0.7) ? 'Online monitoring' : 'Undercover operation',
      };
      agencies = [
        ['Police', 50],
        ['Wildlife authority', 40],
        ['Customs', 10],
      ];
      break;
  }
  const agencyKind = pickWeighted(random, agencies);
  const reason =
    kind === 'inland' || kind === 'online'
      ? pickWeighted(random, [
          ['Illegal possession', 5],
          ['Illegal sale', 4],
          ['No CITES permit', 1],
        ])
      : pickWeighted(random, [
          ['No CITES permit', 45],
          ['Undeclared / smuggled', 30],
          ['False or invalid permit', 8],
          ['Quantity differs from permit', 5],
          ['Species differs from permit', 4],
          ['Permit expired', 2],
        ]);
  return { ...place, seizingAgency: AGENCY_NAMES[party]?.[agencyKind] ?? agencyKind, reason };
}
