-- Issued signals and appeals (疑点下发与申诉, issue 18): each signal of a provider lead issued to its institution, the
-- institution's answer, the bureau's decision on an appeal. And the exemptions an upheld appeal leaves in the rules
-- module, so that the same evidence does not raise the same signal again.

create table issued_signal (
    id               varchar(36)              primary key,
    lead_id          varchar(36)              not null,
    -- rules.Signal#id: rule|subject|from..to
    signal_id        varchar(500)             not null,
    -- the hash of the signal's evidence lines (rules.SignalExemptions#evidenceKey), the exemption's key
    evidence_key     varchar(64)              not null,
    provider_code    varchar(40)              not null,
    rule_id          varchar(60)              not null,
    amount           decimal(14, 2)           not null,
    evidence_summary varchar(2000)            not null,
    issued_by        varchar(100)             not null,
    issued_at        timestamp with time zone not null,
    deadline         timestamp with time zone not null,
    -- AWAITING, ACCEPTED, APPEALED, UPHELD, REJECTED, DEADLINE_PASSED
    state            varchar(20)              not null,
    answer           varchar(4000),
    document_ids     varchar(2000),
    answered_by      varchar(100),
    answered_at      timestamp with time zone,
    review_deadline  timestamp with time zone,
    decision_reason  varchar(4000),
    decided_by       varchar(100),
    decided_at       timestamp with time zone,
    reminded_at      timestamp with time zone,
    reminder_note    varchar(500),
    constraint issued_signal_once unique (lead_id, signal_id)
);

create index issued_signal_provider on issued_signal (provider_code, state);
create index issued_signal_lead on issued_signal (lead_id);

-- A signal found void on appeal: a later rule run that raises the same signal over the same evidence marks it
-- suppressed. Other evidence (another line, another settlement) raises it again.
create table signal_exemption (
    signal_id    varchar(500)             not null,
    evidence_key varchar(64)              not null,
    reason       varchar(4000)            not null,
    created_by   varchar(100)             not null,
    created_at   timestamp with time zone not null,
    primary key (signal_id, evidence_key)
);
