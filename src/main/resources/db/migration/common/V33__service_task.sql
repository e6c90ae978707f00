-- service list (服务清单): tasks the community lists with the skills needed, place, time and number of people;
-- members claim them (nobody is assigned); a task fills at its number by a conditional update of taken.
CREATE SEQUENCE service_task_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE service_task (
  id BIGINT NOT NULL PRIMARY KEY,
  title VARCHAR(60) NOT NULL,
  description VARCHAR(1000) NOT NULL,
  skills VARCHAR(400) NOT NULL,
  place VARCHAR(200) NOT NULL,
  starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at TIMESTAMP WITH TIME ZONE NOT NULL,
  places INTEGER NOT NULL,
  taken INTEGER NOT NULL,
  area_path VARCHAR(400) NOT NULL,
  area_name VARCHAR(200) NOT NULL,
  state VARCHAR(20) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  completed_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  CONSTRAINT service_task_places_ck CHECK (taken >= 0 AND taken <= places)
);
CREATE INDEX service_task_area_path_idx ON service_task (area_path);
CREATE INDEX service_task_starts_idx ON service_task (starts_at);

-- one member's claim of one place; active_key (task:member while CLAIMED or COMPLETED) keeps it to one per member
CREATE TABLE service_task_claim (
  id BIGINT NOT NULL PRIMARY KEY,
  task_id BIGINT NOT NULL REFERENCES service_task (id),
  member_id BIGINT NOT NULL,
  account_id BIGINT,
  member_name VARCHAR(100) NOT NULL,
  state VARCHAR(20) NOT NULL,
  active_key VARCHAR(60),
  claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  cancelled_at TIMESTAMP WITH TIME ZONE,
  completed_at TIMESTAMP WITH TIME ZONE,
  minutes INTEGER,
  CONSTRAINT service_task_claim_active_uk UNIQUE (active_key)
);
CREATE INDEX service_task_claim_task_idx ON service_task_claim (task_id);
CREATE INDEX service_task_claim_account_idx ON service_task_claim (account_id);
