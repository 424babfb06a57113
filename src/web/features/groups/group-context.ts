/** The group a page inside /groups/:groupId is about, loaded once by the group's layout and passed down. */
import { useOutletContext } from 'react-router';
import type { Group } from '../../../shared/groups.contract.ts';

export interface GroupContext {
  group: Group;
}

export function useCurrentGroup(): Group {
  return useOutletContext<GroupContext>().group;
}
