/**
 * What the rest of the platform may use of the users feature. Nothing else of this folder is imported from
 * outside it (the import-boundaries lint rule).
 */
export { createUserWithPassword, ensureFirstAdmin } from './create-user.ts';
export { runInactivityJobOnce, suspendInactiveUsers } from './suspend-inactive.ts';
export { insertUser, isEmailTaken } from './users.repo.ts';
export { userRoutes } from './users.routes.ts';
