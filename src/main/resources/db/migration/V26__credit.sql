-- 医保信用评价 (issue 19): the facts an institution's yearly credit score is computed from, recorded from the other
-- modules' events and never typed in. One row per source event (cause + its key), so a redelivered or replayed event
-- adds nothing; scores, grades and the history of grade changes are computed from these rows in date order.

create table credit_fact (
    id             varchar(250)             not null primary key,
    cause          varchar(30)              not null,
    source_key     varchar(200)             not null,
    provider_code  varchar(50)              not null,
    provider_name  varchar(200),
    region         varchar(20),
    occurred_on    date                     not null,
    points         integer                  not null,
    description    varchar(1000)            not null,
    reference      varchar(200),
    recorded_at    timestamp with time zone not null,
    constraint credit_fact_source_key unique (cause, source_key)
);

create index credit_fact_occurred on credit_fact (occurred_on);
create index credit_fact_provider on credit_fact (provider_code, occurred_on);
