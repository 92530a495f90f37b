-- Callback hardening (io.kaquan.callback).

-- CardViewCounter's count = count + 1 is not idempotent on its own: it remembers the events it counted, in the same
-- transaction, so an event applied again (a replay by hand, a bug) adds nothing.
create table card_event_seen (
    event_id bigint primary key references wechat_event (id) on delete cascade
);
-- The view events counted so far.
insert into card_event_seen (event_id)
select id from wechat_event
where event_type in ('user_view_card', 'user_enter_session_from_card') and status = 'PROCESSED' and card_id is not null;
