/** The routes of the closed user groups, added to the app's router as one block; each page loads on demand. */
import type { RouteObject } from 'react-router';
import { loadNamespaces } from '../../i18n/i18n.ts';
import { lazyPage } from '../lazy-page.ts';

const GROUPS = ['groups'] as const;

/** The inbox and the sent folder are one page shown with a different folder (a key each, so state resets). */
async function messagesFolder(folder: 'inbox' | 'sent') {
  const [{ MessagesPage }] = await Promise.all([import('./messages-page.tsx'), loadNamespaces(GROUPS)]);
  return { element: <MessagesPage folder={folder} key={folder} /> };
}

export const groupRoutes: RouteObject[] = [
  { path: 'groups', ...lazyPage(() => import('./my-groups-page.tsx'), 'MyGroupsPage', GROUPS) },
  {
    path: 'groups/:groupId',
    ...lazyPage(() => import('./group-layout.tsx'), 'GroupLayout', GROUPS),
    children: [
      { index: true, ...lazyPage(() => import('./group-home-page.tsx'), 'GroupHomePage', GROUPS) },
      { path: 'messages', lazy: () => messagesFolder('inbox') },
      { path: 'sent', lazy: () => messagesFolder('sent') },
      { path: 'messages/:messageId', ...lazyPage(() => import('./thread-page.tsx'), 'ThreadPage', GROUPS) },
      { path: 'compose', ...lazyPage(() => import('./compose-page.tsx'), 'ComposePage', GROUPS) },
      { path: 'library', ...lazyPage(() => import('./library-page.tsx'), 'LibraryPage', GROUPS) },
      { path: 'library/new', ...lazyPage(() => import('./library-new-page.tsx'), 'LibraryNewPage', GROUPS) },
      {
        path: 'library/:itemId',
        ...lazyPage(() => import('./library-item-page.tsx'), 'LibraryItemPage', GROUPS),
      },
      { path: 'members', ...lazyPage(() => import('./members-page.tsx'), 'MembersPage', GROUPS) },
      { path: 'requests', ...lazyPage(() => import('./requests-page.tsx'), 'RequestsPage', GROUPS) },
    ],
  },
  { path: 'admin/groups', ...lazyPage(() => import('./admin-groups-page.tsx'), 'AdminGroupsPage', GROUPS) },
];
