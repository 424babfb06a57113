/**
 * What the rest of the platform may use of the identity feature. Nothing else of this folder is imported from
 * outside it (the import-boundaries lint rule).
 */
export {
  consumeOneTimeToken,
  createOneTimeToken,
  registrationAlreadyConfirmedBy,
} from './account.service.ts';
export { authRoutes } from './auth.routes.ts';
export { type IdentityDeps } from './identity-deps.ts';
export {
  findUserForActor,
  revokeAllSessions,
  revokeAllTokens,
  setSessionTermsVersion,
  setTokenTermsVersion,
} from './identity.repo.ts';
export { hashPassword, passwordWeakness } from './passwords.ts';
export { createSealer, loadPlatformKey, randomSecret, sameSecret } from './secrets.ts';
export {
  FRONT_DOOR,
  authenticateSession,
  authenticateToken,
  type Authentication,
} from './sessions.service.ts';
export { tokenRoutes } from './tokens.routes.ts';
export { createTokenByCommand } from './tokens.service.ts';
export { exportClearanceOf, type ExportClearance } from './step-up.ts';
