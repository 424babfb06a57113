/**
 * The database's rulebook read from its catalogue, for rls-coverage.db.test.ts: which relations of the public schema
 * escape row-level security, and every privilege the request role `app_user` holds. Both take the connection or a
 * transaction, so a test can show them a relation it creates and rolls back.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.ts';

export interface RlsGap {
  relation: string;
  problem: string;
}

/**
 * Every relation of the public schema that row-level security does not cover. A table needs it enabled, forced
 * (so an owner that is not a superuser obeys it too) and at least one policy (so someone decided who sees what).
 * A view reads its tables as the view's owner, skipping their policies, unless it is a security_invoker view; a
 * materialized view or a foreign table cannot have policies at all.
 */
export async function findTablesWithoutRls(db: Kysely<DB>): Promise<RlsGap[]> {
  const result = await sql<{
    relation: string;
    kind: string;
    enabled: boolean;
    forced: boolean;
    policies: number;
    invoker: boolean;
  }>`select c.relname as relation, c.relkind::text as kind, c.relrowsecurity as enabled,
            c.relforcerowsecurity as forced,
            (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
            coalesce('security_invoker=true' = any(c.reloptions), false) as invoker
       from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
      order by c.relname`.execute(db);
  const gaps: RlsGap[] = [];
  for (const row of result.rows) {
    const gap = (problem: string) => gaps.push({ relation: row.relation, problem });
    if (row.kind === 'v') {
      if (!row.invoker) gap('a view without security_invoker reads as its owner');
    } else if (row.kind === 'm' || row.kind === 'f') {
      gap('a materialized view or foreign table cannot have row-level security');
    } else if (!row.enabled) gap('row-level security not enabled');
    else if (!row.forced) gap('row-level security not forced');
    else if (row.policies === 0) gap('no policy');
  }
  return gaps;
}

/**
 * Everything app_user may do, as `what → privileges` (names and privileges sorted), counting what PUBLIC holds
 * since every role has it:
 *   'role app_user'                    its attributes and the roles it is a member of
 *   'schema public'                    schema privileges
 *   'table T' / 'sequence S' / 'view V'  relation-wide privileges
 *   'columns T: P'                     the columns of T on which app_user holds P beyond the relation-wide grants
 *   'function F(args)'                 SECURITY DEFINER functions it may execute: they run as their owner, past
 *                                      every policy. Other functions run as app_user and can do nothing it could not.
 */
export async function listAppUserPrivileges(db: Kysely<DB>): Promise<Record<string, string>> {
  const rows = await sql<{ what: string; privileges: string }>`
    select 'role app_user' as what,
           concat_ws(' ', case when r.rolsuper then 'SUPERUSER' end, case when r.rolbypassrls then 'BYPASSRLS' end,
                     case when r.rolcanlogin then 'LOGIN' end, case when r.rolinherit then 'INHERIT' end,
                     'member of:', coalesce((select string_agg(m.roleid::regrole::text, ' ' order by m.roleid::regrole::text collate "C")
                                               from pg_auth_members m where m.member = r.oid), 'none'))
             as privileges
      from pg_roles r where r.rolname = 'app_user'
    union all
    select 'schema public', string_agg(distinct a.privilege_type, ' ' order by a.privilege_type)
      from pg_namespace n, aclexplode(n.nspacl) a
     where n.nspname = 'public' and a.grantee in (0, 'app_user'::regrole)
    union all
    select case c.relkind when 'S' then 'sequence ' when 'v' then 'view ' else 'table ' end || c.relname,
           string_agg(distinct a.privilege_type, ' ' order by a.privilege_type)
      from pg_class c, aclexplode(c.relacl) a
     where c.relnamespace = 'public'::regnamespace and a.grantee in (0, 'app_user'::regrole)
     group by c.relkind, c.relname
    union all
    select 'columns ' || c.relname || ': ' || a.privilege_type,
           string_agg(distinct t.attname::text collate "C", ' ' order by t.attname::text collate "C")
      from pg_class c join pg_attribute t on t.attrelid = c.oid and t.attnum > 0 and not t.attisdropped,
           aclexplode(t.attacl) a
     where c.relnamespace = 'public'::regnamespace and a.grantee in (0, 'app_user'::regrole)
     group by c.relname, a.privilege_type
    union all
    select 'function ' || p.oid::regprocedure::text, 'EXECUTE'
      from pg_proc p
     where p.pronamespace = 'public'::regnamespace and p.prosecdef
       and has_function_privilege('app_user', p.oid, 'EXECUTE')`.execute(db);
  return Object.fromEntries(
    rows.rows.map((row) => [row.what, row.privileges] as const).sort(([a], [b]) => a.localeCompare(b)),
  );
}
