-- The overview counts today's and yesterday's receipts and redemptions of a tenant from the code mirror: a range
-- scan each instead of reading all of a tenant's codes.
create index card_code_tenant_received_idx on card_code (tenant_id, received_at) where received_at is not null;
create index card_code_tenant_consumed_idx on card_code (tenant_id, consumed_at) where consumed_at is not null;
