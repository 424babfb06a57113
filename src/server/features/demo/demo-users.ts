/**
 * Demo accounts of every kind, so a newcomer can see the platform as each kind of user sees it: the Secretariat
 * (admin, data officer), three roles in six Parties, an ICCWC partner and an IGO. They are made by the ordinary
 * user creation code, then given the run's demo password without the forced change at first sign-in (the
 * operator chose or was shown that password; it is not a one-time password handed to a stranger). Like every
 * account they enrol a second factor at their first sign-in.
 */
import type { Kysely } from 'kysely';
import { systemActor, type OrganisationKind, type Role } from '../../../shared/actor.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { recordAudit } from '../audit/index.ts';
import { hashPassword } from '../identity/index.ts';
import { createUserWithPassword } from '../users/index.ts';
import { COUNTRY_NAMES } from './demo-geography.ts';
import { DEMO_EMAIL_DOMAIN, selectUserIdByEmail, setDemoPassword } from './demo.repo.ts';

export interface DemoUserSpec {
  email: string;
  firstName: string;
  lastName: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  party: string | null;
  authorityType: string | null;
  role: Role;
  itdAccess: boolean;
  language: 'en' | 'fr' | 'es';
}

export const DEMO_PARTIES = ['KE', 'CN', 'VN', 'NG', 'US', 'FR'] as const;

const PARTY_PEOPLE: Record<
  (typeof DEMO_PARTIES)[number],
  { language: 'en' | 'fr' | 'es'; names: [string, string][] }
> = {
  KE: {
    language: 'en',
    names: [
      ['Grace', 'Wanjiru'],
      ['Peter', 'Otieno'],
      ['Mercy', 'Achieng'],
    ],
  },
  CN: {
    language: 'en',
    names: [
      ['Li', 'Wei'],
      ['Zhang', 'Min'],
      ['Chen', 'Jing'],
    ],
  },
  VN: {
    language: 'en',
    names: [
      ['Nguyen', 'Thi Lan'],
      ['Tran', 'Van Minh'],
      ['Pham', 'Thu Ha'],
    ],
  },
  NG: {
    language: 'en',
    names: [
      ['Chinedu', 'Okafor'],
      ['Aisha', 'Bello'],
      ['Tunde', 'Adeyemi'],
    ],
  },
  US: {
    language: 'en',
    names: [
      ['Sarah', 'Miller'],
      ['James', 'Carter'],
      ['Emily', 'Brooks'],
    ],
  },
  FR: {
    language: 'fr',
    names: [
      ['Claire', 'Martin'],
      ['Julien', 'Moreau'],
      ['Sophie', 'Laurent'],
    ],
  },
};
const PARTY_ROLES = ['focal_point', 'reporter', 'member'] as const;

export function demoUserSpecs(): DemoUserSpec[] {
  const at = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;
  const specs: DemoUserSpec[] = [
    {
      email: at('secretariat.admin'),
      firstName: 'Demo',
      lastName: 'Secretariat Admin',
      organisationName: 'CITES Secretariat',
      organisationKind: 'secretariat',
      party: null,
      authorityType: null,
      role: 'admin',
      itdAccess: true,
      language: 'en',
    },
    {
      email: at('secretariat.data'),
      firstName: 'Demo',
      lastName: 'Data Officer',
      organisationName: 'CITES Secretariat',
      organisationKind: 'secretariat',
      party: null,
      authorityType: null,
      role: 'data_officer',
      itdAccess: true,
      language: 'en',
    },
  ];
  for (const party of DEMO_PARTIES) {
    const people = PARTY_PEOPLE[party];
    PARTY_ROLES.forEach((role, index) => {
      const [firstName, lastName] = people.names[index]!;
      specs.push({
        email: at(`${party.toLowerCase()}.${role.replace('_', '-')}`),
        firstName,
        lastName,
        organisationName: `CITES Management Authority of ${COUNTRY_NAMES[party]}`,
        organisationKind: 'party',
        party,
        authorityType: 'management authority',
        role,
        itdAccess: true,
        language: people.language,
      });
    });
  }
  specs.push(
    {
      email: at('iccwc.unodc'),
      firstName: 'María',
      lastName: 'González',
      organisationName: 'United Nations Office on Drugs and Crime (UNODC)',
      organisationKind: 'iccwc',
      party: null,
      authorityType: null,
      role: 'member',
      itdAccess: true,
      language: 'es',
    },
    {
      email: at('igo.member'),
      firstName: 'Anna',
      lastName: 'Berg',
      organisationName: 'UN Environment Programme World Conservation Monitoring Centre',
      organisationKind: 'igo',
      party: null,
      authorityType: null,
      role: 'member',
      // IGO members never see seizure records (DESIGN §2); they use the closed user groups.
      itdAccess: false,
      language: 'en',
    },
  );
  return specs;
}

export interface DemoUserResult {
  email: string;
  role: Role;
  organisation: string;
  party: string | null;
  /** false when the account existed already (its password was left as it was). */
  created: boolean;
}

export async function ensureDemoUsers(
  db: Kysely<DB>,
  password: string,
  clock: () => Date = () => new Date(),
): Promise<DemoUserResult[]> {
  const actor = systemActor('itd demo');
  const passwordHash = await hashPassword(password);
  const results: DemoUserResult[] = [];
  for (const spec of demoUserSpecs()) {
    const existing = await withActor(db, actor, (tx) => selectUserIdByEmail(tx, spec.email));
    const result = {
      email: spec.email,
      role: spec.role,
      organisation: spec.organisationName,
      party: spec.party,
    };
    if (existing) {
      results.push({ ...result, created: false });
      continue;
    }
    const { userId } = await createUserWithPassword(db, spec, clock);
    await withActor(db, actor, async (tx) => {
      await setDemoPassword(tx, userId, passwordHash);
      await recordAudit(
        tx,
        { actor, clock },
        { action: 'user.demo_password_set', targetType: 'user', targetId: userId, details: { demo: true } },
      );
    });
    results.push({ ...result, created: true });
  }
  return results;
}
