/** The routes of the closed user groups, added to the app's router as one block; each page loads on demand. */
import type { RouteObject } from 'react-router';
import { lazyPage } from '../lazy-page.ts';

/** The inbox and the sent folder are one page shown with a different folder (a key each, so state resets). */
async function messagesFolder(folder: 'inbox' | 'sent') {
  const { MessagesPage } = await import('./messages-page.tsx');
  return { element: <MessagesPage folder={folder} key={folder} /> };
}

export const groupRoutes: RouteObject[] = [
  { path: 'groups', ...lazyPage(() => import('./my-groups-page.tsx'), 'MyGroupsPage') },
  {
    path: 'groups/:groupId',
    ...lazyPage(() => import('./group-layout.tsx'), 'GroupLayout'),
    children: [
      { index: true, ...lazyPage(() => import('./group-home-page.tsx'), 'GroupHomePage') },
      { path: 'messages', lazy: () => messagesFolder('inbox') },
      { path: 'sent', lazy: () => messagesFolder('sent') },
      { path: 'messages/:messageId', ...lazyPage(() => import('./thread-page.tsx'), 'ThreadPage') },
      { path: 'compose', ...lazyPage(() => import('./compose-page.tsx'), 'ComposePage') },
      { path: 'library', ...lazyPage(() => import('./library-page.tsx'), 'LibraryPage') },
      { path: 'library/new', ...lazyPage(() => import('./library-new-page.tsx'), 'LibraryNewPage') },
      { path: 'library/:itemId', ...lazyPage(() => import('./library-item-page.tsx'), 'LibraryItemPage') },
      { path: 'members', ...lazyPage(() => import('./members-page.tsx'), 'MembersPage') },
      { path: 'requests', ...lazyPage(() => import('./requests-page.tsx'), 'RequestsPage') },
    ],
  },
  { path: 'admin/groups', ...lazyPage(() => import('./admin-groups-page.tsx'), 'AdminGroupsPage') },
];
