/** The routes of the closed user groups, added to the app's router as one block. */
import type { RouteObject } from 'react-router';
import { AdminGroupsPage } from './admin-groups-page.tsx';
import { ComposePage } from './compose-page.tsx';
import { GroupHomePage } from './group-home-page.tsx';
import { GroupLayout } from './group-layout.tsx';
import { LibraryItemPage } from './library-item-page.tsx';
import { LibraryNewPage } from './library-new-page.tsx';
import { LibraryPage } from './library-page.tsx';
import { MembersPage } from './members-page.tsx';
import { MessagesPage } from './messages-page.tsx';
import { MyGroupsPage } from './my-groups-page.tsx';
import { RequestsPage } from './requests-page.tsx';
import { ThreadPage } from './thread-page.tsx';

export const groupRoutes: RouteObject[] = [
  { path: 'groups', element: <MyGroupsPage /> },
  {
    path: 'groups/:groupId',
    element: <GroupLayout />,
    children: [
      { index: true, element: <GroupHomePage /> },
      { path: 'messages', element: <MessagesPage folder="inbox" key="inbox" /> },
      { path: 'sent', element: <MessagesPage folder="sent" key="sent" /> },
      { path: 'messages/:messageId', element: <ThreadPage /> },
      { path: 'compose', element: <ComposePage /> },
      { path: 'library', element: <LibraryPage /> },
      { path: 'library/new', element: <LibraryNewPage /> },
      { path: 'library/:itemId', element: <LibraryItemPage /> },
      { path: 'members', element: <MembersPage /> },
      { path: 'requests', element: <RequestsPage /> },
    ],
  },
  { path: 'admin/groups', element: <AdminGroupsPage /> },
];
