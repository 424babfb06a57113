/**
 * Runs PostgreSQL's own pg_dump and pg_restore (from the PostgreSQL client package) with a connection URL. The
 * password goes through the environment, not the command line, so it never shows in the process list.
 */
import { spawn } from 'node:child_process';

function connectionOf(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

export async function runPgTool(
  tool: 'pg_dump' | 'pg_restore',
  databaseUrl: string,
  args: string[],
): Promise<void> {
  const { url, env } = connectionOf(databaseUrl);
  await runTool(tool, [`--dbname=${url}`, ...args], env);
}

/** Runs a program to its end; a non-zero exit becomes an error carrying what it wrote to stderr. */
export async function runTool(
  tool: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 20_000) stderr += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `${tool} was not found: install it (pg_dump and pg_restore: the PostgreSQL client tools of the server's version).`,
            )
          : error,
      ),
    );
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`);
}
