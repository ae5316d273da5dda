-- What the report handlers and the director decided in the report-handling process, with who decided it. The
-- process's user tasks record their form here (their complete listeners), and its service tasks act on what is
-- recorded, so that a decision made in Camunda Tasklist is checked and kept exactly like one made on the report page.

alter table report add column acceptance varchar(10);
alter table report add column decided_by varchar(100);
alter table report add column case_summary varchar(4000);
alter table report add column merge_case_number varchar(40);
alter table report add column case_notice_by varchar(100);
alter table report add column concluded_by varchar(100);
alter table report add column reward_approved boolean;
alter table report add column reward_opinion varchar(2000);
alter table report add column reward_decided_by varchar(100);
alter table report add column reward_paid_by varchar(100);
