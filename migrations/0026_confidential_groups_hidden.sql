-- Why: a confidential group's existence may itself be sensitive (DESIGN §2), yet groups_read (0014) let every
-- signed-in user read the row of any active group, so its name and description reached other Parties and IGO
-- users through the join list and the group's own URL. Now a non-member who is not a Secretariat admin cannot
-- read a confidential group's row, nor file a join request or a join notification for it, and app_group_contacts
-- no longer gives the owners' addresses of a confidential group to someone who merely has a request on file.
-- The rule is `see_group` in groups.policy.ts; groups-confidential.db.test.ts checks both walls.

drop policy groups_read on groups;
create policy groups_read on groups for select to app_user
  using (app_actor_is_system() or app_actor_is_secretariat_admin()
         or app_group_category(id) is not null
         or (app_actor_kind() in ('user', 'anonymous') and status = 'active' and not is_confidential));

-- Asking to join presumes seeing the group: the subquery reads groups under the caller's own policy above.
drop policy group_join_requests_insert on group_join_requests;
create policy group_join_requests_insert on group_join_requests for insert to app_user
  with check ((user_id = app_actor_id() and status = 'pending'
               and exists (select 1 from groups g where g.id = group_id))
              or app_group_may_moderate(group_id));

drop policy group_notifications_insert on group_notifications;
create policy group_notifications_insert on group_notifications for insert to app_user
  with check (app_group_may_moderate(group_id)
              or (kind = 'join_requested' and app_actor_kind() = 'user'
                  and exists (select 1 from groups g where g.id = group_id)));

-- Unchanged but for the last branch: a person with a join request reaches the owners of an open group only.
create or replace function app_group_contacts(g uuid, audience text, owners_only boolean)
  returns table (user_id uuid, display_name text, email text, language text)
  language sql stable security definer set search_path = public
  as $$
    select m.user_id, m.display_name, u.email, u.language
      from group_members m join users u on u.id = m.user_id
     where m.group_id = g and u.status = 'active'
       and (not owners_only or m.is_owner)
       and (audience = 'all_members'
            or m.category in ('customs', 'police', 'wildlife_enforcement', 'secretariat'))
       and (app_actor_is_system() or app_actor_is_secretariat_admin() or app_group_category(g) is not null
            or (owners_only
                and not (select gr.is_confidential from groups gr where gr.id = g)
                and exists (select 1 from group_join_requests r
                             where r.group_id = g and r.user_id = app_actor_id())))
  $$;
