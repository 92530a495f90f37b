-- A stock alert is the merchant's record, not part of the inbox: when retention deletes the event that raised it,
-- the alert stays (open or acknowledged) and only loses its link to the event.
alter table card_stock_alert alter column event_id drop not null;
alter table card_stock_alert drop constraint card_stock_alert_event_id_fkey;
alter table card_stock_alert add constraint card_stock_alert_event_id_fkey
    foreign key (event_id) references wechat_event (id) on delete set null;
