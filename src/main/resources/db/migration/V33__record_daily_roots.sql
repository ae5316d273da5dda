-- The daily Merkle root over the heads of every case's enforcement record (issue 20): published, so that a later
-- rewrite of a chain, even with full database access, disagrees with a root someone already holds.
create table record_root (
    root_day    date                     primary key,
    tree_size   integer                  not null,
    root_hash   varchar(64)              not null,
    computed_at timestamp with time zone not null
);

-- The leaves as they were hashed, in leaf order: the inclusion proofs are built from them.
create table record_root_leaf (
    root_day   date        not null,
    leaf_index integer     not null,
    case_id    bigint      not null,
    length     integer     not null,
    head_hash  varchar(64) not null,
    primary key (root_day, leaf_index)
);

create index record_root_leaf_case on record_root_leaf (case_id, root_day);
