-- The law-enforcement inspector pool (执法检查人员名录库), filled from inspectors.csv by every load and
-- edited in the workbench (active flag, declared conflicts).
create table inspection_inspector (
    inspector_id   varchar(50)   primary key,
    name           varchar(100)  not null,
    unit           varchar(200)  not null,
    region         varchar(6)    not null,
    certificate_no varchar(50)   not null,
    active         boolean       not null,
    conflicts      varchar(4000) not null default '',
    updated_at     timestamp with time zone not null
);
