-- The outbox viewer (issue 18): Secretariat admins read the outbox, so a platform started without a mail server
-- can still be run (an admin passes a verification or password link on by other means). Reading only: queueing
-- stays open to every action and marking stays with the sender job. Each body an admin opens is audited by the
-- service; bodies are emptied once sent and after their retention when unsent (0005, outbox-retention.ts).
create policy outbox_admin_read on outbox for select to app_user using (app_actor_is_secretariat_admin());
