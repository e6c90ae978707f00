-- casework: grid cases (网格事件) and their categories. A case is reported from a channel (patrol, resident,
-- mailbox hand-over, phone/walk-in, visit), located at a WGS-84 point and routed to the smallest enclosing
-- grid; it runs the case cycle with a deadline at every open step and a responsible person or unit.

-- categories are configuration: a label per language and a time limit per step and per level,
-- each written as a number and a unit: '4h' (working hours) or '3d' (working days)
CREATE TABLE case_category (
  code VARCHAR(40) NOT NULL PRIMARY KEY,
  name_zh VARCHAR(60) NOT NULL,
  name_en VARCHAR(60) NOT NULL,
  sort_order INTEGER NOT NULL,
  accept_limit VARCHAR(8) NOT NULL,
  dispatch_limit VARCHAR(8) NOT NULL,
  grid_limit VARCHAR(8) NOT NULL,
  community_limit VARCHAR(8) NOT NULL,
  subdistrict_limit VARCHAR(8) NOT NULL,
  verify_limit VARCHAR(8) NOT NULL,
  active BOOLEAN NOT NULL
);
INSERT INTO case_category VALUES ('ENVIRONMENT', '人居环境', 'Living environment', 10, '4h', '4h', '2d', '5d', '10d', '1d', TRUE);
INSERT INTO case_category VALUES ('LIVELIHOOD', '民生服务', 'Livelihood services', 20, '4h', '4h', '3d', '5d', '10d', '1d', TRUE);
INSERT INTO case_category VALUES ('DISPUTE', '矛盾纠纷', 'Disputes', 30, '2h', '4h', '3d', '7d', '15d', '2d', TRUE);
INSERT INTO case_category VALUES ('SAFETY', '安全隐患', 'Safety hazards', 40, '1h', '2h', '1d', '2d', '5d', '1d', TRUE);
INSERT INTO case_category VALUES ('FACILITY', '设施设备', 'Facilities and equipment', 50, '4h', '4h', '3d', '7d', '15d', '1d', TRUE);
INSERT INTO case_category VALUES ('OTHER', '其他事项', 'Other matters', 90, '8h', '8h', '5d', '10d', '15d', '2d', TRUE);

CREATE SEQUENCE grid_case_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE grid_case (
  id BIGINT NOT NULL PRIMARY KEY,
  category VARCHAR(40) NOT NULL REFERENCES case_category (code),
  description VARCHAR(1000) NOT NULL,
  address VARCHAR(200),
  channel VARCHAR(20) NOT NULL,
  source_type VARCHAR(40),
  source_id VARCHAR(60),
  longitude DOUBLE PRECISION,
  latitude DOUBLE PRECISION,
  area_path VARCHAR(400) NOT NULL,
  grid_name VARCHAR(200) NOT NULL,
  level VARCHAR(20) NOT NULL,
  level_path VARCHAR(400) NOT NULL,
  responsible_name VARCHAR(200) NOT NULL,
  responsible_account_id BIGINT,
  state VARCHAR(20) NOT NULL,
  state_since TIMESTAMP WITH TIME ZONE NOT NULL,
  deadline TIMESTAMP WITH TIME ZONE,
  overdue_notified_at TIMESTAMP WITH TIME ZONE,
  reporter_account_id BIGINT,
  reporter_name VARCHAR(200) NOT NULL,
  reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_at TIMESTAMP WITH TIME ZONE,
  rating INTEGER,
  rating_comment VARCHAR(500),
  reject_reason VARCHAR(500),
  reject_redirect VARCHAR(200),
  duplicate_of BIGINT,
  urge_count INTEGER NOT NULL,
  supervision_open BOOLEAN NOT NULL,
  version BIGINT NOT NULL,
  -- one case per source (a mailbox message, a visit): a listener delivered twice creates nothing new
  CONSTRAINT grid_case_source_uk UNIQUE (source_type, source_id)
);
CREATE INDEX grid_case_area_path_idx ON grid_case (area_path);
CREATE INDEX grid_case_state_deadline_idx ON grid_case (state, deadline);
CREATE INDEX grid_case_reporter_idx ON grid_case (reporter_account_id);
CREATE INDEX grid_case_category_reported_idx ON grid_case (category, reported_at);

-- the history: every step with who, when, from which state to which, a comment and how many photos
CREATE TABLE case_step (
  case_id BIGINT NOT NULL REFERENCES grid_case (id),
  seq INTEGER NOT NULL,
  action VARCHAR(20) NOT NULL,
  from_state VARCHAR(20),
  to_state VARCHAR(20) NOT NULL,
  by_name VARCHAR(200) NOT NULL,
  by_account_id BIGINT,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  comment VARCHAR(1000),
  PRIMARY KEY (case_id, seq)
);

-- photos of a case: at report, or attached to a later step (step_seq)
CREATE TABLE case_photo (
  id BIGINT NOT NULL PRIMARY KEY,
  case_id BIGINT NOT NULL REFERENCES grid_case (id),
  step_seq INTEGER NOT NULL,
  content_type VARCHAR(40) NOT NULL,
  size_bytes INTEGER NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX case_photo_case_idx ON case_photo (case_id);

-- the reporters of duplicates follow the original: they get its notices and see it
CREATE TABLE case_follower (
  case_id BIGINT NOT NULL REFERENCES grid_case (id),
  account_id BIGINT NOT NULL,
  PRIMARY KEY (case_id, account_id)
);
CREATE INDEX case_follower_account_idx ON case_follower (account_id);
