-- Authorized tenants (tenant.AuthorizedAccounts): the authorizer refresh token gets its own sealed column instead of
-- living in appsecret_enc. Existing values are sealed for the AppSecret's purpose, which only the application (it
-- holds the master key) can open: tenant.SecretResealing moves them at startup and leaves appsecret_enc empty.
alter table tenant add column refresh_token_enc text;

-- What api_get_authorizer_info says about the account, for its settings page (service_type_info, verify_type_info,
-- principal_name), and when its last token refresh was refused and nothing recovered the refresh token: the owner
-- must authorize again.
alter table tenant add column authorizer_service_type integer;
alter table tenant add column authorizer_verify_type integer;
alter table tenant add column principal_name text;
alter table tenant add column authorization_lost_at timestamptz;
