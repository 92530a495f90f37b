-- The card list's counts, maintained (issue 18): counting a tenant's 100k cards on every page view cost 20+ ms; the
-- list's filters without a search (status, type) are sums over these few rows instead, exact at every commit.
-- Inserts and deletes are counted per statement (a sync's batch of cards costs one upsert per status and type); an
-- update only when it moves a card to another status or type (the WHEN clause: the processor's counter updates do
-- not touch this table).
create table card_count (
    tenant_id  bigint not null,
    status     text   not null,
    card_type  text   not null,
    cards      bigint not null,
    primary key (tenant_id, status, card_type)
);
-- No foreign key to tenant: a tenant's deletion cascades to its cards, whose delete trigger then updates these rows.

insert into card_count (tenant_id, status, card_type, cards)
select tenant_id, status, card_type, count(*) from card group by tenant_id, status, card_type;

create function card_count_inserted() returns trigger language plpgsql as $$
begin
    insert into card_count as c (tenant_id, status, card_type, cards)
    select tenant_id, status, card_type, count(*) from inserted_cards
    group by tenant_id, status, card_type order by tenant_id, status, card_type
    on conflict (tenant_id, status, card_type) do update set cards = c.cards + excluded.cards;
    return null;
end $$;

create function card_count_deleted() returns trigger language plpgsql as $$
begin
    update card_count c set cards = c.cards - d.cards
    from (select tenant_id, status, card_type, count(*) as cards from deleted_cards
          group by tenant_id, status, card_type order by tenant_id, status, card_type) d
    where c.tenant_id = d.tenant_id and c.status = d.status and c.card_type = d.card_type;
    return null;
end $$;

-- Both rows in one order (the smaller key first), so that two transactions moving cards cannot lock them crosswise.
create function card_count_moved() returns trigger language plpgsql as $$
begin
    insert into card_count as c (tenant_id, status, card_type, cards)
    select t, s, k, d from (values (old.tenant_id, old.status, old.card_type, -1),
                                   (new.tenant_id, new.status, new.card_type, 1)) as m (t, s, k, d)
    order by t, s, k
    on conflict (tenant_id, status, card_type) do update set cards = c.cards + excluded.cards;
    return null;
end $$;

create trigger card_count_insert after insert on card referencing new table as inserted_cards
    for each statement execute function card_count_inserted();
create trigger card_count_delete after delete on card referencing old table as deleted_cards
    for each statement execute function card_count_deleted();
create trigger card_count_move after update of tenant_id, status, card_type on card for each row
    when (old.tenant_id is distinct from new.tenant_id or old.status is distinct from new.status
          or old.card_type is distinct from new.card_type)
    execute function card_count_moved();

-- Stock sorts: "lowest first" puts cards without a known stock first (nulls first), "highest first" is its exact
-- reverse; V8's (tenant_id, quantity, id) keeps nulls last and served neither order. With a type filter too.
drop index card_tenant_quantity_idx;
create index card_tenant_stock_idx on card (tenant_id, quantity asc nulls first, id);
create index card_tenant_type_stock_idx on card (tenant_id, card_type, quantity asc nulls first, id);
