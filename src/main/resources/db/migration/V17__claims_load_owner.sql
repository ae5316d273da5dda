-- Which process runs a load: host, process id and that process's start (epoch ms). A load whose process is gone
-- from this host is interrupted at once, not only after two minutes without a heartbeat (a load killed with
-- kill -9 stayed RUNNING until someone listed the loads).
alter table claims_load add column owner varchar(200);
