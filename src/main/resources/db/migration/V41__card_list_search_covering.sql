-- The card list's search (issue 18): a title can only be matched by reading it (one or two Chinese characters give the
-- trigram index nothing to look for), so a broad search counted its first 1,001 matches by reading cards from the heap,
-- and with a status and a type too the planner chose a scan of the whole table (86 ms at 100k cards, more the further
-- the tenant's cards lie from its start). The newest-first indexes, with and without a status, now carry what a search
-- filters on: the capped count and the page's ids are read from the index alone, in the tenant's part of it. Same
-- keys as V6's indexes, which they replace.
create index card_tenant_list_search_idx on card (tenant_id, created_at desc, id desc)
    include (status, card_type, title, card_id);
drop index card_tenant_list_idx;
create index card_tenant_status_search_idx on card (tenant_id, status, created_at desc, id desc)
    include (card_type, title, card_id);
drop index card_tenant_status_idx;
