-- Tags group accounts for people who run many of them (an agency tags each account with its client's name).
-- Shared by the account's members; at most a few per account, short words.
create table tenant_tag (
    tenant_id bigint not null references tenant (id) on delete cascade,
    tag       text   not null check (char_length(tag) between 1 and 20),
    primary key (tenant_id, tag)
);
create index tenant_tag_tag_idx on tenant_tag (lower(tag));
