-- Monitoring rules (智能监控规则): parameter overrides per region with their history, rule runs and their
-- per-rule results, exemptions, and the audit leads a run groups its signals into. The signals themselves are
-- documents in the Elasticsearch index "signals".

-- A region's value for a rule parameter; without a row the rule file's default applies.
create table rule_parameter (
    rule_id     varchar(60)              not null,
    region      varchar(12)              not null,
    param_name  varchar(60)              not null,
    param_value varchar(40)              not null,
    changed_by  varchar(100)             not null,
    changed_at  timestamp with time zone not null,
    primary key (rule_id, region, param_name)
);

-- Every change of a parameter: who, when, the old and the new value (null = the default).
create table rule_parameter_change (
    id          varchar(36)              primary key,
    rule_id     varchar(60)              not null,
    region      varchar(12)              not null,
    param_name  varchar(60)              not null,
    old_value   varchar(40),
    new_value   varchar(40),
    changed_by  varchar(100)             not null,
    changed_at  timestamp with time zone not null
);

create index rule_parameter_change_rule on rule_parameter_change (rule_id, changed_at);

create table rule_run (
    id           varchar(36)              primary key,
    requested_by varchar(100)             not null,
    triggered_by varchar(20)              not null,
    rule_filter  varchar(1000),
    regions      varchar(200)             not null,
    window_from  date                     not null,
    window_to    date                     not null,
    status       varchar(30)              not null,
    message      varchar(4000),
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    hits         bigint                   not null default 0,
    suppressed   bigint                   not null default 0,
    leads        bigint                   not null default 0
);

create index rule_run_started on rule_run (started_at);

-- One row per rule of a run: a failing rule fails alone, with its message here.
create table rule_run_result (
    run_id       varchar(36)   not null references rule_run (id),
    rule_id      varchar(60)   not null,
    rule_version integer       not null,
    parameters   varchar(1000),
    status       varchar(30)   not null,
    hits         bigint        not null default 0,
    suppressed   bigint        not null default 0,
    took_ms      bigint        not null default 0,
    es_took_ms   bigint        not null default 0,
    es_requests  integer       not null default 0,
    message      varchar(4000),
    primary key (run_id, rule_id)
);

-- A subject (or the party answering for it) exempted from a rule until the expiry date, with the reason.
create table rule_exemption (
    id          varchar(36)              primary key,
    rule_id     varchar(60)              not null,
    subject_key varchar(200)             not null,
    reason      varchar(1000)            not null,
    expires_on  date                     not null,
    created_by  varchar(100)             not null,
    created_at  timestamp with time zone not null
);

create index rule_exemption_rule on rule_exemption (rule_id, subject_key);

-- One audit lead per party (provider, person or fund) and window, grouping all its signals in that window.
create table rule_lead (
    id          varchar(36)              primary key,
    party_type  varchar(20)              not null,
    party_key   varchar(200)             not null,
    window_from date                     not null,
    window_to   date                     not null,
    run_id      varchar(36)              not null,
    signals     bigint                   not null,
    suppressed  bigint                   not null,
    rules       varchar(1000)            not null,
    money       numeric(18, 2)           not null,
    risk_score  double precision         not null,
    status      varchar(20)              not null,
    updated_at  timestamp with time zone not null
);

create index rule_lead_window on rule_lead (window_from, window_to);
create index rule_lead_score on rule_lead (risk_score);
