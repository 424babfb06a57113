/**
 * The consent certificate (GET /api/v1/publication-requests/{id}/certificate.pdf): once every Party concerned has
 * approved and the proof is filed, its requester (and the Secretariat's proof readers) download a PDF naming the
 * request, the requester and organisation, the intended use, the statement of modification, the export's id and
 * checksum (or the filter), and each Party's approval with the approver's name, organisation, date and comment.
 * Written by pdfkit with its standard fonts (Latin text in the three languages), built in memory (a page or two).
 */
import PDFDocument from 'pdfkit';
import type { Actor } from '../../../../shared/actor.ts';
import type { Language } from '../../../../shared/languages.ts';
import { withActor } from '../../../db/with-actor.ts';
import { AppError, ForbiddenError, NotFoundError } from '../../../errors.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../../audit/index.ts';
import type { ExportsDeps } from '../exports-deps.ts';
import { CERTIFICATE_WORDS } from './certificate-texts.ts';
import { mayRead, publicationAbilities } from './publication.policy.ts';
import { selectConsents, selectRequest, type ConsentRow, type PublicationRow } from './publication.repo.ts';

const day = (value: Date | null) => (value === null ? '' : value.toISOString().slice(0, 10));

export function writeCertificate(
  row: PublicationRow,
  consents: ConsentRow[],
  language: Language,
): Promise<Buffer> {
  const words = CERTIFICATE_WORDS[language];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: words.title, Author: 'ITD Platform (CITES Secretariat)', Subject: row.title },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text).moveDown(0.2);
  const line = (label: string, value: string) =>
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${label}: `, { continued: true })
      .font('Helvetica')
      .text(value);

  doc.font('Helvetica-Bold').fontSize(16).text(words.title);
  doc.moveDown(0.5).font('Helvetica').fontSize(10).text(words.intro);
  heading(words.request);
  line(words.requestId, row.id);
  line(words.requester, row.requester_name);
  line(words.organisation, row.organisation_name);
  line(words.requestedOn, day(row.created_at));
  heading(words.publication);
  line(words.publication, row.title);
  line(words.intendedUse, row.intended_use);
  line(words.modification, row.modification_statement);
  heading(words.data);
  if (row.download_id !== null) {
    line(words.exportId, row.download_id);
    line(words.checksum, row.export_checksum ?? '');
  } else {
    doc.font('Helvetica').fontSize(10).text(words.noExport);
  }
  line(words.filters, JSON.stringify(row.filters));
  heading(words.consents);
  for (const consent of consents) {
    const count = consent.record_count === null ? '' : ` (${words.records}: ${consent.record_count})`;
    doc.font('Helvetica-Bold').fontSize(10).text(`${words.party}: ${consent.party.trim()}${count}`);
    line(
      words.approvedBy,
      `${consent.decider_name ?? ''}, ${consent.decider_organisation ?? ''} ${words.approvedOn} ${day(consent.decided_at)}`,
    );
    if (consent.comment) line(words.comment, consent.comment);
    doc.moveDown(0.3);
  }
  doc.moveDown(0.5);
  line(words.filedOn, day(row.filed_at));
  doc.moveDown(1).font('Helvetica-Oblique').fontSize(9).text(words.footer);
  doc.end();
  return done;
}

export async function downloadConsentCertificate(
  deps: ExportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string; language: Language },
): Promise<{ fileName: string; body: Buffer }> {
  const { row, consents } = await withActor(
    deps.db,
    actor,
    async (tx) => {
      const found = await selectRequest(tx, input.id);
      if (!found || !mayRead(actor, found)) throw new NotFoundError();
      if (found.filed_at === null) throw new AppError('conflict', 409);
      // A focal point reads the request but the certificate (every Party's answer) is the requester's.
      if (!publicationAbilities(actor, found, false).includes('certificate')) throw new ForbiddenError();
      await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
        action: 'publication.certificate',
        targetType: 'publication_request',
        targetId: found.id,
        details: { language: input.language },
      });
      return { row: found, consents: await selectConsents(tx, [found.id]) };
    },
    { readsOnly: true },
  );
  return {
    fileName: `itd-consent-${row.id.slice(0, 8)}.pdf`,
    body: await writeCertificate(row, consents, input.language),
  };
}
