/**
 * What the rest of the platform may use of the platform key feature: the start-up check that the key opens the
 * stored secrets, the key's id (for backups), and the rotation. Nothing else of this folder is imported from outside.
 */
export { openPlatformKey, PlatformKeyMismatchError, type KeySettings } from './check-platform-key.ts';
export { keyIdOf, keySourceOf, localKeyId } from './key-id.ts';
export { rotatePlatformKey, type KeyRotation } from './rotate-platform-key.ts';
export { unsafeReadRecordedKeyId as readRecordedKeyId } from './platform-key.repo.ts';
