-- Rules that analysts compose in the workbench (规则库): every published version of a rule definition, the whole
-- JSON document as the shipped files in elastic/rules hold it. The latest version of a rule is the one in force; the
-- earlier ones stay as the record of who changed what (previous_json is the definition the publish replaced, null
-- for a rule's first version). Shipped rules are not stored here: they are read-only and change with a release.
create table rule_version (
    rule_id         varchar(60)              not null,
    version         integer                  not null,
    definition_json text                     not null,
    previous_json   text,
    published_by    varchar(100)             not null,
    published_at    timestamp with time zone not null,
    note            varchar(1000),
    primary key (rule_id, version)
);
