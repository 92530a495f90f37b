-- Bounded storage (issue 13 §4): unroutable pushes within a budget per hour, and retention of what grows for ever.

-- What unauthenticated senders stored in one hour: a row per source address, and one for everybody ('*'). A push is
-- stored only if the atomic increment of both rows stays within the count and byte budgets (insert ... on conflict do
-- update ... where): concurrent senders cannot overshoot. Rows of past hours go with the retention job.
create table unroutable_budget (
    window_start timestamptz not null,
    source       text        not null,
    pushes       integer     not null default 0,
    bytes        bigint      not null default 0,
    primary key (window_start, source)
);

-- Retention deletes the oldest finished events in batches.
create index wechat_event_finished_idx on wechat_event (received_at) where status in ('PROCESSED', 'IGNORED', 'DEAD');
create index unroutable_event_received_asc_idx on unroutable_event (received_at);
