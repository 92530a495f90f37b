-- Code operations (io.kaquan.code), after review.

-- Until when a code/get that shows the code unchanged is not yet the final word: a call that got no answer at all may
-- still reach WeChat later. Null for operations still in flight (then created_at + kaquan.codes.settle-time counts).
alter table code_operation add column settles_at timestamptz;

-- One open change per new code and tenant too: two changes of different codes to the same new code are serialised
-- (the second is refused while the first awaits its outcome), like two operations on the same code.
create unique index code_operation_open_new_code_idx on code_operation (tenant_id, new_code)
    where new_code is not null and state in ('PENDING', 'UNKNOWN');
