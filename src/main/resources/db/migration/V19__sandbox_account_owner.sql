-- Sandbox accounts belong to the user who created them (issue 13): the console shows a user only their own. The owner
-- is the signed-in identity's name as the sandbox sees it (OIDC principal), kept as plain text because the sandbox
-- never reads product tables. Null: made before owners existed, or by an operator over the admin API; only platform
-- admins see those.
alter table sbx_account add column owner text;
create index sbx_account_owner on sbx_account (owner);
