-- casework: return visits (回访). Each closing of a case decides once whether the case is sampled for a return visit
-- (a share of closed cases drawn by lianxin.casework.return-visit.sample-percent, plus every case its reporter reopened
-- or rated low); the decision is stored, never recomputed. A sampled visit is due a few working days after closing;
-- staff record attempts (way, reached, satisfaction, what the reporter said) until one reaches him, or close it as
-- unreachable after three attempts.
CREATE TABLE return_visit (
  id BIGINT NOT NULL PRIMARY KEY,
  case_id BIGINT NOT NULL REFERENCES grid_case (id),
  -- the how-many-th closing of the case this decision belongs to (a case reopened and closed again is decided anew)
  round INTEGER NOT NULL,
  area_path VARCHAR(400) NOT NULL,
  sampled BOOLEAN NOT NULL,
  -- DRAWN, REOPENED, LOW_RATING (sampled); NOT_DRAWN, NO_CONTACT (not sampled)
  reason VARCHAR(20) NOT NULL,
  closed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
  due_at TIMESTAMP WITH TIME ZONE,
  -- NONE (not sampled), DUE, DONE, UNREACHABLE
  status VARCHAR(20) NOT NULL,
  attempts INTEGER NOT NULL,
  satisfaction VARCHAR(30),
  reopened BOOLEAN NOT NULL,
  done_at TIMESTAMP WITH TIME ZONE,
  done_by VARCHAR(200),
  overdue_notified_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  CONSTRAINT return_visit_case_round_uk UNIQUE (case_id, round)
);
CREATE INDEX return_visit_area_status_idx ON return_visit (area_path, status);
CREATE INDEX return_visit_status_due_idx ON return_visit (status, due_at);

-- every attempt: how, whether the reporter was reached, how satisfied, what he said (staff only), who and when
CREATE TABLE return_visit_attempt (
  visit_id BIGINT NOT NULL REFERENCES return_visit (id),
  seq INTEGER NOT NULL,
  way VARCHAR(20) NOT NULL,
  reached BOOLEAN NOT NULL,
  satisfaction VARCHAR(30),
  remark VARCHAR(500),
  by_name VARCHAR(200) NOT NULL,
  by_account_id BIGINT,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (visit_id, seq)
);

-- the category editor: two administrators editing one category at once must not overwrite each other silently
ALTER TABLE case_category ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
