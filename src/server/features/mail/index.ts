/**
 * What the rest of the platform may use of the mail feature. Nothing else of this folder is imported from
 * outside it (the import-boundaries lint rule).
 */
export { type TemplateName } from './mail-templates.ts';
export { createMailSender, queueMail, type MailSender } from './mail.service.ts';
export { emptyStaleOutboxBodies } from './outbox-retention.ts';
export { outboxRoutes } from './outbox.routes.ts';
