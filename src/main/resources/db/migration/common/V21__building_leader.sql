-- member: building leaders (党员楼长) recruited through a recruitment (招募令), nominated by themselves
-- or recommended by residents, appointed by the community with a letter (聘书); and the building
-- mailbox (楼长信箱) residents write to. Rows carry the compound's (or building's) materialized path.
CREATE SEQUENCE building_leader_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE building_leader_recruitment (
  id BIGINT NOT NULL PRIMARY KEY,
  community_id BIGINT NOT NULL REFERENCES area (id),
  compound_id BIGINT NOT NULL REFERENCES area (id),
  area_path VARCHAR(400) NOT NULL,
  title VARCHAR(200) NOT NULL,
  body VARCHAR(4000) NOT NULL,
  building_ids VARCHAR(1000) NOT NULL,
  closes_on DATE NOT NULL,
  state VARCHAR(20) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL
);
CREATE INDEX building_leader_recruitment_path_idx ON building_leader_recruitment (area_path);

CREATE TABLE building_leader_nomination (
  id BIGINT NOT NULL PRIMARY KEY,
  recruitment_id BIGINT NOT NULL REFERENCES building_leader_recruitment (id),
  member_id BIGINT NOT NULL REFERENCES member (id),
  area_path VARCHAR(400) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  building_ids VARCHAR(1000) NOT NULL,
  statement VARCHAR(1000),
  recommender_resident_id BIGINT,
  recommender_account_id BIGINT,
  recommender_name VARCHAR(100),
  state VARCHAR(20) NOT NULL,
  -- member:recruitment while PENDING, else null: one pending nomination per member and recruitment
  active_key VARCHAR(60),
  reason VARCHAR(500),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_at TIMESTAMP WITH TIME ZONE,
  decided_by VARCHAR(100),
  version BIGINT NOT NULL,
  CONSTRAINT building_leader_nomination_active_uk UNIQUE (active_key)
);
CREATE INDEX building_leader_nomination_path_idx ON building_leader_nomination (area_path);
CREATE INDEX building_leader_nomination_member_idx ON building_leader_nomination (member_id);

CREATE TABLE building_leader (
  id BIGINT NOT NULL PRIMARY KEY,
  member_id BIGINT NOT NULL REFERENCES member (id),
  account_id BIGINT,
  nomination_id BIGINT REFERENCES building_leader_nomination (id),
  community_id BIGINT NOT NULL REFERENCES area (id),
  compound_id BIGINT NOT NULL REFERENCES area (id),
  area_path VARCHAR(400) NOT NULL,
  term_start DATE NOT NULL,
  term_end DATE NOT NULL,
  letter_number VARCHAR(60) NOT NULL,
  state VARCHAR(20) NOT NULL,
  reason VARCHAR(500),
  appointed_by VARCHAR(100) NOT NULL,
  appointed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL
);
CREATE INDEX building_leader_path_idx ON building_leader (area_path);
CREATE INDEX building_leader_member_idx ON building_leader (member_id);

-- the buildings a leader covers; active_building_id is the building while the leader is ACTIVE, else
-- null, so that a building never has two active leaders, however many requests race
CREATE TABLE building_leader_building (
  leader_id BIGINT NOT NULL REFERENCES building_leader (id),
  building_id BIGINT NOT NULL REFERENCES area (id),
  active_building_id BIGINT,
  PRIMARY KEY (leader_id, building_id),
  CONSTRAINT building_leader_building_active_uk UNIQUE (active_building_id)
);
CREATE INDEX building_leader_building_idx ON building_leader_building (building_id);

CREATE TABLE mailbox_message (
  id BIGINT NOT NULL PRIMARY KEY,
  building_id BIGINT NOT NULL REFERENCES area (id),
  area_path VARCHAR(400) NOT NULL,
  resident_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  anonymous BOOLEAN NOT NULL,
  text VARCHAR(2000) NOT NULL,
  state VARCHAR(20) NOT NULL,
  answer VARCHAR(2000),
  answered_by VARCHAR(100),
  answered_at TIMESTAMP WITH TIME ZONE,
  handed_over_to VARCHAR(10),
  handed_over_by VARCHAR(100),
  closed_at TIMESTAMP WITH TIME ZONE,
  overdue_notified_at TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX mailbox_message_path_idx ON mailbox_message (area_path);
CREATE INDEX mailbox_message_building_idx ON mailbox_message (building_id);
CREATE INDEX mailbox_message_account_idx ON mailbox_message (account_id);

CREATE TABLE mailbox_photo (
  id BIGINT NOT NULL PRIMARY KEY,
  message_id BIGINT NOT NULL REFERENCES mailbox_message (id),
  content_type VARCHAR(40) NOT NULL,
  size_bytes INTEGER NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX mailbox_photo_message_idx ON mailbox_photo (message_id);
