-- Several nodes (issue 21): a portal form signed by one node is posted to any other, and a proof-of-work stamp counts
-- once across all of them. The signing key (sealed) is made by the first node that needs it; a used challenge is kept
-- until it expires.
create table portal_secret (
    name   varchar(40) primary key,
    sealed bytea       not null
);

create table portal_used_stamp (
    challenge  varchar(120) primary key,
    expires_at bigint       not null
);
