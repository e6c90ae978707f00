-- Statistics (issue 8, item 10): whether a case ever left a step after that step's deadline (late: it was not
-- handled on time), and whether it was ever escalated. Kept on the case so that the statistics are plain
-- aggregates over grid_case, without reading every case's history.
ALTER TABLE grid_case ADD COLUMN late BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE grid_case ADD COLUMN escalated BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE grid_case SET escalated = TRUE WHERE id IN (SELECT case_id FROM case_step WHERE action = 'escalate');
UPDATE grid_case SET late = TRUE WHERE overdue_notified_at IS NOT NULL;
-- statistics and lists of a period: cases reported in a window
CREATE INDEX grid_case_reported_idx ON grid_case (reported_at);
