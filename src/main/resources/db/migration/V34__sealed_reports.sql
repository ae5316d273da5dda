-- Encryption at rest (issue 20): real-name identities, messages and evidence are kept sealed (envelope encryption,
-- org.fundguard.sealing). The plaintext columns stay for rows written before, which the application seals at start.
alter table report_identity add column sealed bytea;
alter table report_identity alter column full_name drop not null;
alter table report_identity alter column id_number drop not null;
alter table report_identity alter column phone drop not null;

alter table report_message add column sealed_body bytea;
alter table report_message alter column body drop not null;

alter table report_evidence add column sealed boolean default false not null;
