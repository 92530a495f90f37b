-- Quartz creates its two lock rows lazily, on first use; two nodes starting together on a fresh database both insert
-- them and the loser fails to start. Present from the start, the rows are only ever locked, never inserted.
-- The scheduler name is quarkus.quartz.instance-name (default QuarkusQuartzScheduler).
insert into qrtz_locks (sched_name, lock_name)
values ('QuarkusQuartzScheduler', 'TRIGGER_ACCESS'), ('QuarkusQuartzScheduler', 'STATE_ACCESS')
on conflict do nothing;
