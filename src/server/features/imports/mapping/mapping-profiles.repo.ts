/**
 * SQL of the mapping profiles (`import_mapping_profiles`, migration 0053). Row-level security shows the caller
 * its own Party's profiles and the shared ones; only the Secretariat's importers write shared ones.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../db/with-actor.ts';
import type { MappingProfile } from '../read/row-mapping.ts';

export interface StoredProfile extends MappingProfile {
  party: string | null;
}

type Definition = Pick<MappingProfile, 'columns' | 'quantities' | 'ignore'>;

/**
 * select * from import_mapping_profiles order by party nulls last, updated_at desc
 * A Party's own profiles first, the newest first: the first that fits a file is the one offered.
 */
export async function listProfiles(tx: Tx): Promise<StoredProfile[]> {
  const rows = await tx
    .selectFrom('import_mapping_profiles')
    .selectAll()
    .orderBy(sql`party nulls last`)
    .orderBy('updated_at', 'desc')
    .orderBy('name')
    .execute();
  return rows.map((row) => {
    const definition = row.definition as Definition;
    return {
      name: row.name,
      party: row.party?.trim() ?? null,
      description: row.description,
      signature: row.signature,
      isExact: row.is_exact,
      columns: definition.columns,
      ...(definition.quantities ? { quantities: definition.quantities } : {}),
      ...(definition.ignore ? { ignore: definition.ignore } : {}),
    };
  });
}

/**
 * A profile kept under its name for its Party (or shared), replacing one of the same name:
 *   insert into import_mapping_profiles (…) values (…)
 *   on conflict (coalesce(party, '--'), lower(name)) do update set signature = …, definition = …
 */
export async function saveProfile(
  tx: Tx,
  profile: MappingProfile & { party: string | null; createdBy: string | null },
  now: Date,
): Promise<void> {
  const definition: Definition = {
    columns: profile.columns,
    ...(profile.quantities ? { quantities: profile.quantities } : {}),
    ...(profile.ignore ? { ignore: profile.ignore } : {}),
  };
  await sql`insert into import_mapping_profiles
      (name, party, description, signature, is_exact, definition, created_by, created_at, updated_at)
      values (${profile.name}, ${profile.party}, ${profile.description}, ${[...profile.signature]}::text[],
              ${profile.isExact ?? false}, ${JSON.stringify(definition)}::jsonb, ${profile.createdBy}::uuid,
              ${now}, ${now})
      on conflict (coalesce(party, '--'), lower(name)) do update
        set signature = excluded.signature, is_exact = excluded.is_exact, definition = excluded.definition,
            description = excluded.description, updated_at = excluded.updated_at`.execute(tx);
}
