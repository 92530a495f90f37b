-- When an applied WeChat push (a receipt) last moved the card's remaining stock, so that the pages can say how fresh
-- the figure is next to refreshed_at (the last card/get).
alter table card add column stock_event_at timestamptz;
