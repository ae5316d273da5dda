-- The monthly reports (调度分析报告) of the supervision dashboard, each a PDF in the document store. A scheduled
-- report names its month in scheduled_month, which is unique: the schedule archives a month once, however often it
-- fires; reports made on demand leave it empty and may be made again.
create table dashboard_report (
    id              varchar(36)              primary key,
    report_month    varchar(7)               not null,
    scheduled_month varchar(7)               unique,
    document_id     varchar(36)              not null,
    generated_by    varchar(100)             not null,
    generated_at    timestamp with time zone not null
);

create index dashboard_report_month on dashboard_report (report_month, generated_at);
