-- Why: a suspended or withdrawn user's personal API tokens stayed valid (an attack on the platform reinstated a
-- user and found the old token working again, with its old terms acceptance). The Secretariat admin who suspends
-- someone now revokes their tokens in the same transaction as their sessions, so admins need what they already
-- have for sessions: to find a user's tokens and set revoked_at. Nothing else of a token is theirs to change.
create policy api_tokens_admin_read on api_tokens for select to app_user
  using (app_actor_is_secretariat_admin());
create policy api_tokens_admin_revoke on api_tokens for update to app_user
  using (app_actor_is_secretariat_admin()) with check (app_actor_is_secretariat_admin());
