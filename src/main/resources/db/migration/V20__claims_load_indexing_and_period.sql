-- indexing_started: whether a load got past the check of its files, the point from which it may have indexed
-- something. A load refused for a bad file (not UTF-8, a quote never closed, a column missing) indexed nothing, so
-- it leaves the export as it was and does not make it half-loaded. Earlier records cannot say; those refused by the
-- check say "nothing loaded" in their message.
alter table claims_load add column indexing_started boolean default true not null;
update claims_load set indexing_started = false where status = 'FAILED' and message like '未加载任何数据%';

-- The period the export's settlements cover (earliest visit start, latest visit end or settlement day), known once
-- settlements.csv is read: a rule run over another period is not held back by this export's half-load.
alter table claims_load add column period_from date;
alter table claims_load add column period_to date;
