-- Takeover and squatting paths closed (issue 13 §3).

-- Whether the identity provider verified the user's e-mail (its email_verified claim; a missing claim is "no").
-- Invitations bind to an e-mail address only when it is verified; otherwise by their one-time link.
alter table app_user add column email_verified boolean not null default false;

-- The invitation link's random token (/invitations/{token}): whoever opens it signed in may accept the invitation.
alter table invitation add column token text;
update invitation set token = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
alter table invitation alter column token set not null;
alter table invitation add constraint invitation_token_key unique (token);
-- Set only by the dev-only demo seeding, whose login service sends no email_verified: the dev users join at first
-- sign-in without the link.
alter table invitation add column trusts_unverified_email boolean not null default false;

-- A secret shown once (a new callback token or EncodingAESKey): kept server-side, for a few minutes, for the owner who
-- made it, and deleted when shown. The flash cookie carries only the random id. Any node can serve it.
create table secret_reveal (
    id          text        primary key,
    tenant_id   bigint      not null references tenant (id) on delete cascade,
    user_id     bigint      not null references app_user (id) on delete cascade,
    -- {"callbackToken": "…", "aesKey": "…"} as JSON, sealed like the tenant's own secrets
    secrets     text        not null,
    expires_at  timestamptz not null
);
create index secret_reveal_expires_idx on secret_reveal (expires_at);

-- An original id (gh_…) is unique across WeChat, but registration proves only the appid (by its secret). A claim on an
-- original id stays provisional until the callback proves it (WeChat's URL verification or a correctly signed push):
-- provisional claims do not block each other; once one is proven, the others are refused at registration and get
-- no pushes. Claims the callback already proved are proven.
alter table tenant add column original_id_verified_at timestamptz;
update tenant set original_id_verified_at = callback_verified_at where callback_verified_at is not null;
alter table tenant drop constraint tenant_original_id_key;
create unique index tenant_original_id_verified_key on tenant (original_id) where original_id_verified_at is not null;
create index tenant_original_id_idx on tenant (original_id);
