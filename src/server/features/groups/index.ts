/**
 * What the rest of the platform may use of the groups feature. Nothing else of this folder is imported from
 * outside it (the import-boundaries lint rule).
 */
export { createGroupByCommand } from './create-group.ts';
export { createFileSealer } from './file-sealing.ts';
export { groupContentRoutes } from './group-content.routes.ts';
export { groupRoutes } from './groups.routes.ts';
export { fileRegistrationJoinRequests } from './join-requests.service.ts';
export { seedCheetahGroup } from './seed-cheetah-group.ts';
export { alertGroupMembers, memberGroupsOfActor } from './outside-alerts.ts';
