-- card_count (V36) without deadlocks: V36's triggers updated the count rows as each statement ran, so a transaction
-- moving several cards held count rows from its first change to its commit, taken in the order of its changes; two
-- transactions moving cards in different orders could each wait for the other's rows (a deadlock). Now the triggers
-- only append the changes to card_count_pending, which no two transactions share (no unique key, nothing to wait
-- for), and a deferred trigger folds the transaction's changes into card_count at commit, in one statement, in key
-- order: every transaction takes its count rows in the same order and only as its last step, so none can wait for a
-- row while holding another that the owner waits for. Counts stay exact at every commit, and a change that cancels out
-- within the transaction (a card moved there and back) locks nothing.
--
-- Unlogged: a pending row lives only inside its transaction (deleted before the commit), so nothing is lost on a crash
-- and no WAL is written for it.
create unlogged table card_count_pending (
    xact_id    bigint not null default txid_current(),
    tenant_id  bigint not null,
    status     text   not null,
    card_type  text   not null,
    cards      bigint not null
);
create index card_count_pending_xact_idx on card_count_pending (xact_id);

create or replace function card_count_inserted() returns trigger language plpgsql as $$
begin
    insert into card_count_pending (tenant_id, status, card_type, cards)
    select tenant_id, status, card_type, count(*) from inserted_cards group by tenant_id, status, card_type;
    return null;
end $$;

create or replace function card_count_deleted() returns trigger language plpgsql as $$
begin
    insert into card_count_pending (tenant_id, status, card_type, cards)
    select tenant_id, status, card_type, -count(*) from deleted_cards group by tenant_id, status, card_type;
    return null;
end $$;

create or replace function card_count_moved() returns trigger language plpgsql as $$
begin
    insert into card_count_pending (tenant_id, status, card_type, cards)
    values (old.tenant_id, old.status, old.card_type, -1), (new.tenant_id, new.status, new.card_type, 1);
    return null;
end $$;

-- The first firing at commit folds all the transaction's pending changes (in key order); the later ones find none.
create function card_count_fold() returns trigger language plpgsql as $$
begin
    with folded as (
        delete from card_count_pending where xact_id = txid_current()
        returning tenant_id, status, card_type, cards
    )
    insert into card_count as c (tenant_id, status, card_type, cards)
    select tenant_id, status, card_type, sum(cards) from folded
    group by tenant_id, status, card_type having sum(cards) <> 0
    order by tenant_id, status, card_type
    on conflict (tenant_id, status, card_type) do update set cards = c.cards + excluded.cards;
    return null;
end $$;

create constraint trigger card_count_fold after insert on card_count_pending
    deferrable initially deferred for each row execute function card_count_fold();
