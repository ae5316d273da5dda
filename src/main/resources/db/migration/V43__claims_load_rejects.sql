-- Several nodes (issue 21): a load's rejects report moves from the data folder of the node that ran it into the
-- shared database, so that every node serves it. The CSV is kept in pieces of at most 1 MB as the load writes it
-- (a reader never holds more than one piece; a node reading a running load sees what is written so far), each piece
-- sealed with its own data key and bound to its load and place, as document contents are: raw rows hold names and
-- identity numbers. A load keeps at most fundguard.loader.rejects-max-size (64 MB) of report.
create table claims_load_rejects (
    load_id varchar(36) not null references claims_load (id),
    seq     integer     not null,
    sealed  bytea       not null,
    primary key (load_id, seq)
);
