/**
 * How an upload's columns are read: through the profile named by the uploader (`--profile NAME`), else the
 * first profile that fits the header row (a reviewer's profile for exactly these headers before a compilation's
 * signature), else by the template's headers. The decisions for every source column come with it.
 */
import { ValidationError } from '../../../errors.ts';
import {
  headerMapper,
  profileMapper,
  profileMatches,
  sourceHeaders,
  type RowMapper,
} from '../read/row-mapping.ts';
import { decisionsByHeaders, decisionsByProfile, type ColumnDecision } from './column-decisions.ts';
import type { StoredProfile } from './mapping-profiles.repo.ts';

export interface FileMapping {
  mapper: RowMapper;
  profile: StoredProfile | null;
  /** The file's headers made unique, as staged rows key their source cells. */
  headers: string[];
  decisions: ColumnDecision[];
}

/** The profile for a header row; a named profile the caller is not offered is refused with the reason. */
export function pickProfile(
  profiles: readonly StoredProfile[],
  header: readonly string[],
  requested: string | undefined,
): StoredProfile | null {
  if (requested !== undefined) {
    const named = profiles.find((p) => p.name.toLowerCase() === requested.toLowerCase());
    if (!named) throw new ValidationError([{ field: 'profile', reason: 'import_unknown_profile' }]);
    return named;
  }
  const exact = profiles.filter((p) => p.isExact === true);
  const signed = profiles.filter((p) => p.isExact !== true);
  return [...exact, ...signed].find((p) => profileMatches(p, header)) ?? null;
}

/** The mapper reads the header as the file wrote it; the decisions name each column by its unique header. */
export function fileMapping(header: readonly string[], profile: StoredProfile | null): FileMapping {
  const headers = sourceHeaders(header);
  const named = (decisions: ColumnDecision[]) => decisions.map((d, i) => ({ ...d, header: headers[i]! }));
  if (profile)
    return {
      mapper: profileMapper(profile, header),
      profile,
      headers,
      decisions: named(decisionsByProfile(profile, header)),
    };
  return {
    mapper: headerMapper(header),
    profile: null,
    headers,
    decisions: named(decisionsByHeaders(header)),
  };
}
