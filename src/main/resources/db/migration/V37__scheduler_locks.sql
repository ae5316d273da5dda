-- One row per scheduled job that must run once across nodes (ShedLock): who holds it and until when.
create table shedlock (
  name varchar(64) not null primary key,
  lock_until timestamp not null,
  locked_at timestamp not null,
  locked_by varchar(255) not null
);
