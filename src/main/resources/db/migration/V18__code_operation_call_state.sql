-- Code operations (io.kaquan.code) speak the one vocabulary of uncertain outcomes (io.kaquan.wechat.CallState):
-- UNKNOWN becomes UNCERTAIN. A redemption (card/code/consume) will be recorded and settled the same way, so its kind
-- is allowed already.

alter table code_operation drop constraint code_operation_state_check;
alter table code_operation drop constraint code_operation_kind_check;
drop index code_operation_open_idx;
drop index code_operation_open_new_code_idx;

update code_operation set state = 'UNCERTAIN' where state = 'UNKNOWN';

alter table code_operation add constraint code_operation_state_check
    check (state in ('PENDING', 'APPLIED', 'NOT_APPLIED', 'UNCERTAIN'));
alter table code_operation add constraint code_operation_kind_check
    check (kind in ('UNAVAILABLE', 'UPDATE', 'CONSUME'));

-- One open operation per code and tenant: a second click cannot send a second call while the first is unsettled.
create unique index code_operation_open_idx on code_operation (tenant_id, code)
    where state in ('PENDING', 'UNCERTAIN');
-- One open change per new code and tenant too.
create unique index code_operation_open_new_code_idx on code_operation (tenant_id, new_code)
    where new_code is not null and state in ('PENDING', 'UNCERTAIN');
