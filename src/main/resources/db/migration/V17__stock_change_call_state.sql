-- Stock changes speak the one vocabulary of uncertain WeChat calls (io.kaquan.wechat.CallState):
-- PENDING, APPLIED, NOT_APPLIED, UNCERTAIN. FAILED ("the stock did not change") becomes NOT_APPLIED.
alter table stock_change drop constraint stock_change_state_check;
update stock_change set state = 'NOT_APPLIED' where state = 'FAILED';
alter table stock_change add constraint stock_change_state_check
    check (state in ('PENDING', 'APPLIED', 'NOT_APPLIED', 'UNCERTAIN'));

-- At most one open change per card, "open" as CallState.open() says.
drop index stock_change_open_idx;
create unique index stock_change_open_idx on stock_change (tenant_id, card_id) where state in ('PENDING', 'UNCERTAIN');
