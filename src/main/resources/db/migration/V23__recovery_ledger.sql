-- 追回/扣款 ledger (issue 18): one row per confirmed issued signal, self-inspection refund or penalty decision that
-- orders the loss returned. The row id is derived from the source and its key, so booking the same event twice, or
-- exporting the same period twice, yields the same row; the unique constraint keeps a second booking out.

create table recovery_entry (
    id             varchar(36)              not null primary key,
    source         varchar(20)              not null,
    source_key     varchar(200)             not null,
    provider_code  varchar(50)              not null,
    provider_name  varchar(200),
    amount         numeric(18, 2)           not null,
    reason         varchar(2000)            not null,
    booked_on      date                     not null,
    rule_id        varchar(500),
    reference      varchar(200),
    created_at     timestamp with time zone not null,
    constraint recovery_entry_source_key unique (source, source_key)
);

create index recovery_entry_booked on recovery_entry (booked_on);
create index recovery_entry_provider on recovery_entry (provider_code, booked_on);
