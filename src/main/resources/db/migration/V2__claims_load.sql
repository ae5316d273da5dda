-- One row per load of an export folder: what was loaded, by whom, when, and how it ended. The rejected
-- rows themselves are in a CSV report beside the data folder (rejects_path).
create table claims_load (
    id            varchar(36)              primary key,
    source        varchar(1000)            not null,
    requested_by  varchar(100)             not null,
    status        varchar(30)              not null,
    message       varchar(4000),
    started_at    timestamp with time zone not null,
    heartbeat_at  timestamp with time zone not null,
    finished_at   timestamp with time zone,
    rejects_path  varchar(1000)            not null,
    rows_read     bigint                   not null default 0,
    rows_total_bytes bigint                not null default 0,
    bytes_read    bigint                   not null default 0
);

create index claims_load_started on claims_load (started_at);

create table claims_load_file (
    load_id   varchar(36)  not null references claims_load (id),
    file_name varchar(100) not null,
    rows_read     bigint   not null,
    rows_loaded   bigint   not null,
    rows_rejected bigint   not null,
    primary key (load_id, file_name)
);
