-- The enforcement record (执法全过程记录) is append-only in the database itself, not only in the application
-- (issue 20): a trigger refuses every UPDATE, DELETE and TRUNCATE of its entries, whoever asks, and the application's
-- own role (when it is not the owner that runs these migrations) is not even granted them. Only someone with full
-- database access can still get round both (disabling the trigger); the published daily roots then tell.
create or replace function fundguard_record_append_only() returns trigger language plpgsql as $$
begin
  raise exception '执法全过程记录只可追加，不可修改或删除 / the enforcement record is append-only: % refused', tg_op
    using errcode = 'insufficient_privilege';
end
$$;

create trigger enforcement_record_append_only before update or delete on enforcement_record
  for each row execute function fundguard_record_append_only();

create trigger enforcement_record_no_truncate before truncate on enforcement_record
  for each statement execute function fundguard_record_append_only();
