-- Cross-city joint inspection (全省联合交叉互查) of a provincial bureau: the plan's teams are drawn from inspectors of
-- other cities than the inspected institution's. Existing plans are ordinary plans.
alter table inspection_plan add column cross_city boolean not null default false;
