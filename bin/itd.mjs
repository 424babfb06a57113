#!/usr/bin/env node
// The `itd` command. The platform runs its TypeScript sources through tsx (no separate server build).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/server/cli.ts');
await runCli(process.argv);
