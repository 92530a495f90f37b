-- When an authorized tenant was (re)authorized: an unauthorized push created before that (a late retry of an earlier
-- revocation) must not disconnect it.
alter table tenant add column authorized_at timestamptz;
