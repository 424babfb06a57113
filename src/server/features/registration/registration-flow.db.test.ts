/**
 * The front door end to end through the API and a real SMTP server: registration, e-mail
 * verification, a focal point's endorsement, the Secretariat's approval, choosing a password from the
 * e-mailed link, and the first sign-in with second-factor enrolment and the terms.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createTestUser, signIn, testClock, ApiClient } from '../../../../test/support/identity.ts';
import { linkIn, startTestSmtp, type TestSmtp } from '../../../../test/support/smtp.ts';
import { registrationListSchema, registrationSchema } from '../../../shared/registration.contract.ts';
import { problemSchema } from '../../../shared/problem.contract.ts';

let t: TestApp;
let smtp: TestSmtp;
const clock = testClock();

before(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp(
    {
      SMTP_URL: smtp.url,
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000',
      RATE_LIMIT_FORMS_PER_HOUR: '1000',
      PUBLIC_URL: 'http://itd.test',
    },
    { clock },
  );
});
after(async () => {
  await t?.close();
  await smtp?.close();
});

const applicant = {
  country: 'KE',
  lastName: 'Wanjiru',
  firstName: 'Grace',
  organisation: 'Kenya Wildlife Service',
  functionTitle: 'Senior warden, investigations',
  telephone: '+254 20 600 0800',
  email: 'grace.wanjiru@kws.example.org',
  requestsItdAccess: true,
  requestedGroups: ['Cheetah (Acinonyx jubatus) enforcement group'],
  justification: 'Analysis of ivory and pangolin seizures at Jomo Kenyatta airport.',
  language: 'fr',
};

describe('registration and vetting', () => {
  test('a person registers, verifies the address, is endorsed and approved, and signs in', async () => {
    const anonymous = new ApiClient(t.app);
    const submitted = await anonymous.call('POST', '/api/v1/registrations', applicant);
    assert.equal(submitted.statusCode, 202);

    // The verification e-mail is in the applicant's language and carries a single-use link.
    const verification = await smtp.waitFor(applicant.email, /Confirmez votre adresse/);
    const token = linkIn(verification, '/verify-email?token=').searchParams.get('token')!;
    assert.equal((await anonymous.call('POST', '/api/v1/registrations/verify', { token })).statusCode, 200);
    // Opened again, the link says the address is confirmed (nothing is done twice); a made-up link is refused.
    const again = await anonymous.call('POST', '/api/v1/registrations/verify', { token });
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), { status: 'already_verified' });
    const madeUp = await anonymous.call('POST', '/api/v1/registrations/verify', {
      token: `${token.slice(0, -4)}AAAA`,
    });
    assert.equal(madeUp.statusCode, 400, 'a link that was never sent is refused');

    // Kenya's focal point sees the request and endorses it; a focal point of another Party does not see it.
    const focalPoint = await signIn(
      t.app,
      clock,
      await createTestUser(t.database.db, { role: 'focal_point', party: 'KE' }),
    );
    const otherFocalPoint = await signIn(
      t.app,
      clock,
      await createTestUser(t.database.db, { role: 'focal_point', party: 'TZ' }),
    );
    const queueKe = registrationListSchema.parse(
      (await focalPoint.call('GET', '/api/v1/registrations')).json(),
    );
    const request = queueKe.items.find((r) => r.email === applicant.email);
    assert.ok(request);
    assert.deepEqual(request.abilities, ['endorse']);
    const queueTz = registrationListSchema.parse(
      (await otherFocalPoint.call('GET', '/api/v1/registrations')).json(),
    );
    assert.equal(
      queueTz.items.some((r) => r.email === applicant.email),
      false,
    );
    const hidden = await otherFocalPoint.call('POST', `/api/v1/registrations/${request.id}/endorse`, {
      decision: 'endorsed',
    });
    assert.equal(hidden.statusCode, 404);
    const endorsed = await focalPoint.call('POST', `/api/v1/registrations/${request.id}/endorse`, {
      decision: 'endorsed',
      note: 'Known officer.',
    });
    assert.equal(registrationSchema.parse(endorsed.json()).endorsement?.decision, 'endorsed');

    // A focal point cannot decide; the Secretariat admin can, creating the organisation.
    const notAllowed = await focalPoint.call('POST', `/api/v1/registrations/${request.id}/approve`, {
      role: 'member',
      itdAccess: true,
    });
    assert.equal(notAllowed.statusCode, 403);
    const admin = await signIn(
      t.app,
      clock,
      await createTestUser(t.database.db, { kind: 'secretariat', role: 'admin' }),
    );
    const approved = await admin.call('POST', `/api/v1/registrations/${request.id}/approve`, {
      newOrganisation: {
        name: 'Kenya Wildlife Service',
        kind: 'party',
        party: 'KE',
        authorityType: 'wildlife_enforcement',
      },
      role: 'member',
      itdAccess: true,
    });
    assert.equal(
      approved.statusCode,
      200,
      approved.body + t.logs.filter((l) => l.includes('request failed')).join(''),
    );
    assert.equal(registrationSchema.parse(approved.json()).status, 'approved');

    // The approval e-mail lets the person choose a password; weak ones are refused with the field named.
    const approval = await smtp.waitFor(applicant.email, /approuvé/);
    const setToken = linkIn(approval, '/reset-password/complete?token=').searchParams.get('token')!;
    const weak = await anonymous.call(
      'POST',
      '/api/v1/auth/password-reset/complete',
      { token: setToken, newPassword: 'password1234' },
      { 'accept-language': 'fr' },
    );
    assert.equal(weak.statusCode, 400);
    assert.equal(problemSchema.parse(weak.json()).field, 'newPassword');
    // A refused password does not use up the link; a good one does.
    const password = 'Horn-of-the-savanna-2026';
    const chosen = await anonymous.call('POST', '/api/v1/auth/password-reset/complete', {
      token: setToken,
      newPassword: password,
    });
    assert.equal(chosen.statusCode, 200);
    const reused = await anonymous.call('POST', '/api/v1/auth/password-reset/complete', {
      token: setToken,
      newPassword: `${password}!`,
    });
    assert.equal(reused.statusCode, 400);

    // First sign-in: enrolment, recovery codes, terms, then data routes answer.
    const person = await signIn(t.app, clock, { email: applicant.email, password });
    const session = (await person.call('GET', '/api/v1/auth/session')).json<{
      next: string;
      user: { organisation: { name: string } };
    }>();
    assert.equal(session.next, 'done');
    assert.equal(session.user.organisation.name, 'Kenya Wildlife Service');

    // Forgotten password: the link comes by e-mail; an unknown address gets the same answer and no mail.
    const asked = await anonymous.call('POST', '/api/v1/auth/password-reset/request', {
      email: applicant.email,
    });
    const unknown = await anonymous.call('POST', '/api/v1/auth/password-reset/request', {
      email: 'nobody@example.org',
    });
    assert.deepEqual([asked.statusCode, asked.body], [unknown.statusCode, unknown.body]);
    const reset = await smtp.waitFor(applicant.email, /Réinitialisez/);
    const resetToken = linkIn(reset, '/reset-password/complete?token=').searchParams.get('token')!;
    const newPassword = 'Dry-season-patrol-at-dawn';
    assert.equal(
      (
        await anonymous.call('POST', '/api/v1/auth/password-reset/complete', {
          token: resetToken,
          newPassword,
        })
      ).statusCode,
      200,
    );
    // Resetting the password ended the person's sessions.
    assert.equal((await person.call('GET', '/api/v1/auth/session')).statusCode, 401);
    assert.equal(
      smtp.messages.some((m) => m.to.includes('nobody@example.org')),
      false,
    );
  });

  test('registering an address that already has an account answers exactly the same', async () => {
    const existing = await createTestUser(t.database.db);
    const anonymous = new ApiClient(t.app);
    const known = await anonymous.call('POST', '/api/v1/registrations', {
      ...applicant,
      email: existing.email,
    });
    const unknown = await anonymous.call('POST', '/api/v1/registrations', {
      ...applicant,
      email: 'new.person@example.org',
    });
    assert.equal(known.statusCode, unknown.statusCode);
    assert.equal(known.body, unknown.body);
  });

  test('bad input names each field, in the language asked for', async () => {
    const anonymous = new ApiClient(t.app);
    const answer = await anonymous.call(
      'POST',
      '/api/v1/registrations',
      { ...applicant, email: 'not-an-address', telephone: 'call me' },
      { 'accept-language': 'es' },
    );
    assert.equal(answer.statusCode, 400);
    const problem = problemSchema.parse(answer.json());
    assert.deepEqual(problem.errors?.map((e) => e.field).sort(), ['email', 'telephone']);
    assert.equal(problem.title, 'Datos no válidos');
  });

  test('public webmail addresses are flagged to the reviewer', async () => {
    const anonymous = new ApiClient(t.app);
    await anonymous.call('POST', '/api/v1/registrations', {
      ...applicant,
      email: 'someone.private@gmail.com',
    });
    const row = await t.database.db
      .selectFrom('registrations')
      .select('is_webmail')
      .where('email', '=', 'someone.private@gmail.com')
      .executeTakeFirstOrThrow();
    assert.equal(row.is_webmail, true);
  });
});
