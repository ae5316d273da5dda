-- The pre-settlement check (事前提醒) keeps no settlement, only how many checks each provider made per day and how
-- many of them raised at least one hit.
create table settlement_check_count (
    provider_code varchar(64) not null,
    check_day     date        not null,
    checks        bigint      not null,
    with_hits     bigint      not null,
    primary key (provider_code, check_day)
);
