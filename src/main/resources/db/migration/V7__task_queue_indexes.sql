-- Role queues (Tasklist filters, /engine-rest/task) list a group's open tasks earliest due first.
CREATE INDEX clo_idx_task_due_date ON ACT_RU_TASK (DUE_DATE_);
