-- care: 1+n contact assignments (联系户: a Party member in contact with n households of his community)
-- and visits (走访) to households, or care visits (一看二谈三送) to members in a care category.
-- Rows carry the household's (or the cared-for member's) materialized area path.
CREATE SEQUENCE care_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE contact_assignment (
  id BIGINT NOT NULL PRIMARY KEY,
  member_id BIGINT NOT NULL,
  member_account_id BIGINT,
  member_name VARCHAR(100) NOT NULL,
  community_id BIGINT NOT NULL REFERENCES area (id),
  household_id BIGINT NOT NULL REFERENCES household (id),
  area_path VARCHAR(400) NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  started_by VARCHAR(100) NOT NULL,
  ended_at TIMESTAMP WITH TIME ZONE,
  ended_by VARCHAR(100),
  -- the household id while the assignment is active, null once ended: one contact per household at a time
  active_key BIGINT,
  overdue_notified_due TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL
);
CREATE UNIQUE INDEX contact_assignment_active_uq ON contact_assignment (active_key);
CREATE INDEX contact_assignment_path_idx ON contact_assignment (area_path);
CREATE INDEX contact_assignment_member_idx ON contact_assignment (member_id);
CREATE INDEX contact_assignment_household_idx ON contact_assignment (household_id);

CREATE TABLE visit (
  id BIGINT NOT NULL PRIMARY KEY,
  kind VARCHAR(20) NOT NULL,
  household_id BIGINT REFERENCES household (id),
  cared_member_id BIGINT,
  area_path VARCHAR(400) NOT NULL,
  visitor_account_id BIGINT NOT NULL,
  visitor_member_id BIGINT,
  visitor_name VARCHAR(100) NOT NULL,
  visited_at TIMESTAMP WITH TIME ZONE NOT NULL,
  seen VARCHAR(2000) NOT NULL,
  resident_present BOOLEAN NOT NULL,
  checklist VARCHAR(400) NOT NULL,
  raised_need VARCHAR(1000),
  raised_case VARCHAR(1000),
  photo_type VARCHAR(40),
  photo BYTEA,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX visit_path_idx ON visit (area_path);
CREATE INDEX visit_household_idx ON visit (household_id, visited_at);
CREATE INDEX visit_member_idx ON visit (cared_member_id);
