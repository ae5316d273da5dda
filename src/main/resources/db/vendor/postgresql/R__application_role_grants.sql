-- What the application's role may do, when it is not the owner that runs the migrations (FUNDGUARD_DB_OWNER):
-- read and write FundGuard's tables, except change or remove what the enforcement record holds. Rerun by Flyway
-- whenever this file changes; default privileges cover the tables of later migrations. Role: ${appRole}.
do $$
begin
  if '${appRole}' <> current_user and exists (select 1 from pg_roles where rolname = '${appRole}') then
    execute format('grant usage on schema %I to %I', current_schema(), '${appRole}');
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), '${appRole}');
    execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), '${appRole}');
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
      current_schema(), '${appRole}');
    execute format('alter default privileges in schema %I grant usage, select on sequences to %I', current_schema(), '${appRole}');
    execute format('revoke update, delete, truncate on enforcement_record from %I', '${appRole}');
  end if;
end
$$;
