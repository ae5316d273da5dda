-- Elasticsearch's took leaves out part of its own work (writing a response, parsing a request; a bulk request's took
-- comes from a clock that ticks every 200 ms, so a 50 ms bulk reports 0): beside took, a rule's result keeps the time
-- its thread was blocked on its requests, to tell that from time spent in Java. Older results have 0.
alter table rule_run_result add column es_wait_ms bigint not null default 0;
