-- wish: micro-projects (微项目). Published by the community with a budget and milestones, claimed by one or more
-- partner units' Party organisations (a claim bumps the version, so the last place cannot be taken twice), with
-- progress updates and photos, completed by a claimant and accepted (验收) by the community.
CREATE SEQUENCE micro_project_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE micro_project (
  id BIGINT NOT NULL PRIMARY KEY,
  title VARCHAR(60) NOT NULL,
  description VARCHAR(2000) NOT NULL,
  place VARCHAR(100),
  budget INTEGER NOT NULL,
  max_units INTEGER NOT NULL,
  area_id BIGINT NOT NULL,
  area_name VARCHAR(200) NOT NULL,
  area_path VARCHAR(400) NOT NULL,
  state VARCHAR(20) NOT NULL,
  published_by VARCHAR(100) NOT NULL,
  published_at TIMESTAMP WITH TIME ZONE NOT NULL,
  completed_at TIMESTAMP WITH TIME ZONE,
  accepted_by VARCHAR(100),
  accepted_at TIMESTAMP WITH TIME ZONE,
  acceptance_note VARCHAR(500),
  cancel_reason VARCHAR(500),
  version BIGINT NOT NULL,
  CONSTRAINT micro_project_budget_ck CHECK (budget >= 0),
  CONSTRAINT micro_project_units_ck CHECK (max_units BETWEEN 1 AND 10)
);
CREATE INDEX micro_project_area_path_idx ON micro_project (area_path);
CREATE INDEX micro_project_state_idx ON micro_project (state);

CREATE TABLE micro_project_milestone (
  project_id BIGINT NOT NULL REFERENCES micro_project (id),
  seq INTEGER NOT NULL,
  title VARCHAR(60) NOT NULL,
  due_on DATE NOT NULL,
  done_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (project_id, seq)
);

-- one row per unit taking part; a unit joins once
CREATE TABLE micro_project_claim (
  project_id BIGINT NOT NULL REFERENCES micro_project (id),
  seq INTEGER NOT NULL,
  unit_id BIGINT NOT NULL,
  unit_name VARCHAR(200) NOT NULL,
  account_id BIGINT NOT NULL,
  by_name VARCHAR(100) NOT NULL,
  claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (project_id, seq),
  CONSTRAINT micro_project_claim_unit_uk UNIQUE (project_id, unit_id)
);
CREATE INDEX micro_project_claim_account_idx ON micro_project_claim (account_id);

CREATE TABLE micro_project_step (
  project_id BIGINT NOT NULL REFERENCES micro_project (id),
  seq INTEGER NOT NULL,
  action VARCHAR(20) NOT NULL,
  by_name VARCHAR(200) NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  note VARCHAR(1000),
  PRIMARY KEY (project_id, seq)
);

CREATE TABLE micro_project_update (
  id BIGINT NOT NULL PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES micro_project (id),
  by_name VARCHAR(100) NOT NULL,
  unit_name VARCHAR(200),
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  text VARCHAR(1000) NOT NULL,
  milestone_title VARCHAR(60),
  photo_type VARCHAR(40),
  photo BYTEA
);
CREATE INDEX micro_project_update_project_idx ON micro_project_update (project_id, at);
