-- The job executor's acquisition query (Camunda's selectNextJobsToExecute, several times a second per node) asks for
-- due jobs that nobody holds, and skips jobs of a process instance another job of which is locked right now. Without
-- these indexes PostgreSQL answers both parts by reading the whole job table: on a renewal day with 10,000 due timers
-- that was 16 ms per acquisition and half of the database's time (BENCHMARKS.md, B2).
-- Due jobs, read as a bitmap of the due dates up to now:
CREATE INDEX clo_idx_job_due_date ON ACT_RU_JOB (DUEDATE_);
-- Jobs locked right now (lock expiry in the future), for the check against running two jobs of one instance at once:
CREATE INDEX clo_idx_job_lock_exp_time ON ACT_RU_JOB (LOCK_EXP_TIME_);
