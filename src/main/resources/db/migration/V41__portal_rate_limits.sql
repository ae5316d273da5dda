-- Several nodes (issue 21): the portal's per-client rate limits are counted in the shared database, so that a client
-- gets its allowance once, not once per node. A window's HMAC key (sealed: a database dump alone cannot test guessed
-- addresses against the counters) and its counters are deleted when the next window begins.
create table portal_rate_window (
    window_start bigint primary key,
    sealed_key   bytea  not null
);

create table portal_rate_count (
    window_start bigint      not null,
    kind         varchar(12) not null,
    client_key   varchar(40) not null,
    used         integer     not null,
    primary key (window_start, kind, client_key)
);
