-- What a load brought in: a whole export (EXPORT) or the medical-insurance catalogue alone (CATALOGUE, a folder or
-- zip holding only items.csv), which updates the knowledge-base restrictions without touching loaded claims.
alter table claims_load add column kind varchar(20) default 'EXPORT' not null;
