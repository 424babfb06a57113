/** What the rest of the platform may use of backups: take one, restore one, and the embedded server's socket. */
export { readManifest, type BackupManifest } from './backup-manifest.ts';
export { backupFromRunningServer, serveBackups } from './backup-socket.ts';
export { finishBackup, recordBackupTaken, takeBackup } from './take-backup.ts';
export { restoreBackup, TargetNotEmptyError, type RestoreReport } from './restore-backup.ts';
