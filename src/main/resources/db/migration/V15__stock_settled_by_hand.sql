-- Card management (io.kaquan.card): a stock change that no card/get can settle (WeChat's total matches neither the
-- total before nor the expected one, e.g. the stock was also changed in the MP console) is settled by an operator,
-- with a required note saying how they checked.
alter table stock_change add column settled_by bigint references app_user (id) on delete set null;
alter table stock_change add column settle_note text;
