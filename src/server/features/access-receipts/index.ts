/**
 * What the rest of the platform may use of the access receipts (issue 14, item 4): which organisations read a
 * Party's records, folded from the audit log. Nothing else of this folder is imported from outside it.
 */
export { accessReceiptRoutes } from './access-receipts.routes.ts';
export type { AccessReceiptsDeps } from './access-receipts-deps.ts';
export { foldAccessReceipts } from './fold-access-receipts.ts';
export { sendAccessReceiptSummaries } from './send-receipt-summaries.ts';
