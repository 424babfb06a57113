/**
 * Signing in through the real API in tests: a cookie-keeping client for app.inject, a clock the test
 * moves (so TOTP codes of successive sign-ins fall in new time steps), and user factories.
 */
import { randomUUID } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import type { Kysely } from 'kysely';
import type { App } from '../../src/server/app.ts';
import type { DB } from '../../src/server/db/schema.ts';
import { createUserWithPassword } from '../../src/server/features/users/create-user.ts';
import type { OrganisationKind, Role } from '../../src/shared/actor.ts';

export interface TestClock {
  (): Date;
  advance(ms: number): void;
}

export function testClock(start = Date.now()): TestClock {
  let now = start;
  const clock = (() => new Date(now)) as TestClock;
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}

export class ApiClient {
  cookie: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;
  constructor(readonly app: App) {}

  async call(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await this.app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body as object }),
      headers: {
        ...(this.cookie ? { cookie: `itd_session=${this.cookie}` } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
    });
    const setCookie = response.cookies.find((c) => c.name === 'itd_session');
    if (setCookie) this.cookie = setCookie.value === '' ? null : setCookie.value;
    return response;
  }

  async refreshCsrf(): Promise<void> {
    const session = await this.call('GET', '/api/v1/auth/session');
    this.csrf = session.statusCode === 200 ? session.json<{ csrfToken: string }>().csrfToken : null;
  }
}

export function totpCode(secret: string, at: Date): string {
  return OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: at.getTime() });
}

export interface TestUser {
  email: string;
  password: string;
  totpSecret?: string;
  recoveryCodes?: string[];
}

export async function createTestUser(
  db: Kysely<DB>,
  options: { kind?: OrganisationKind; role?: Role; party?: string | null; itdAccess?: boolean } = {},
): Promise<TestUser> {
  const kind = options.kind ?? 'party';
  const party = options.party === undefined ? (kind === 'party' ? 'KE' : null) : options.party;
  const email = `user-${randomUUID().slice(0, 8)}@example.org`;
  const { password } = await createUserWithPassword(db, {
    email,
    firstName: 'Test',
    lastName: `User ${email.slice(5, 9)}`,
    organisationName: `Test ${kind} organisation ${party ?? ''} ${randomUUID().slice(0, 6)}`,
    organisationKind: kind,
    party,
    authorityType: null,
    role: options.role ?? (kind === 'secretariat' ? 'admin' : 'member'),
    itdAccess: options.itdAccess ?? true,
  });
  return { email, password };
}

/**
 * Signs in through every step the user still needs (enrolment or second factor, then the terms
 * unless acceptTerms is false) and returns the signed-in client.
 */
export async function signIn(
  app: App,
  clock: TestClock,
  user: TestUser,
  options: { acceptTerms?: boolean; keepOneTimePassword?: boolean } = {},
): Promise<ApiClient> {
  const client = new ApiClient(app);
  clock.advance(31_000);
  const first = await client.call('POST', '/api/v1/auth/sign-in', {
    email: user.email,
    password: user.password,
  });
  if (first.statusCode !== 200) throw new Error(`sign-in failed: ${first.statusCode} ${first.body}`);
  await client.refreshCsrf();
  const { next } = first.json<{ next: string }>();
  if (next === 'enrol_second_factor') {
    const enrolment = await client.call('GET', '/api/v1/auth/second-factor/enrolment');
    user.totpSecret = enrolment.json<{ secret: string }>().secret;
    const enrolled = await client.call('POST', '/api/v1/auth/second-factor/enrol', {
      code: totpCode(user.totpSecret, clock()),
    });
    if (enrolled.statusCode !== 200) throw new Error(`enrolment failed: ${enrolled.body}`);
    user.recoveryCodes = enrolled.json<{ recoveryCodes: string[] }>().recoveryCodes;
  } else {
    const verified = await client.call('POST', '/api/v1/auth/second-factor/verify', {
      code: totpCode(user.totpSecret!, clock()),
    });
    if (verified.statusCode !== 200) throw new Error(`second factor failed: ${verified.body}`);
  }
  await client.refreshCsrf();
  if (options.acceptTerms !== false) {
    const terms = await client.call('GET', '/api/v1/terms/current');
    const accepted = await client.call('POST', '/api/v1/terms/accept', {
      version: terms.json<{ version: number }>().version,
    });
    if (accepted.statusCode !== 200) throw new Error(`terms failed: ${accepted.body}`);
    // A one-time password (every createTestUser user has one) is replaced before data routes answer.
    if (
      accepted.json<{ next: string }>().next === 'change_password' &&
      options.keepOneTimePassword !== true
    ) {
      const own = `Own-passphrase-${randomUUID()}`;
      const changed = await client.call('POST', '/api/v1/auth/password', {
        currentPassword: user.password,
        newPassword: own,
      });
      if (changed.statusCode !== 204) throw new Error(`password change failed: ${changed.body}`);
      user.password = own;
      await client.refreshCsrf();
    }
  }
  return client;
}
