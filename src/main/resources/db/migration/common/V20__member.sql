-- member: Party members with the five clear facts (五清), registration with a community (报到) and
-- unit registration (双报到). ID and phone numbers are sealed (AES-GCM) with an HMAC blind index.
CREATE SEQUENCE member_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE member (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  gender VARCHAR(1) NOT NULL,
  id_number_cipher VARCHAR(200) NOT NULL,
  id_number_index VARCHAR(64) NOT NULL,
  phone_cipher VARCHAR(200),
  phone_index VARCHAR(64),
  community_id BIGINT NOT NULL REFERENCES area (id),
  building_id BIGINT REFERENCES area (id),
  area_path VARCHAR(400) NOT NULL,
  address VARCHAR(300),
  own_organization VARCHAR(200),
  employment VARCHAR(20) NOT NULL,
  joined_on DATE,
  skills VARCHAR(400) NOT NULL,
  fact_address VARCHAR(1000),
  fact_contact VARCHAR(1000),
  fact_health VARCHAR(1000),
  fact_thinking VARCHAR(1000),
  fact_wishes VARCHAR(1000),
  care_category VARCHAR(20),
  consent_at TIMESTAMP WITH TIME ZONE,
  consent_recorded_by VARCHAR(100),
  account_id BIGINT,
  username VARCHAR(64),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT member_id_number_uk UNIQUE (id_number_index),
  CONSTRAINT member_account_uk UNIQUE (account_id)
);
CREATE INDEX member_area_path_idx ON member (area_path);
CREATE INDEX member_phone_idx ON member (phone_index);
CREATE INDEX member_name_idx ON member (name);

CREATE SEQUENCE registration_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE registration (
  id BIGINT NOT NULL PRIMARY KEY,
  member_id BIGINT NOT NULL REFERENCES member (id),
  community_id BIGINT NOT NULL REFERENCES area (id),
  community_path VARCHAR(400) NOT NULL,
  grid_id BIGINT NOT NULL REFERENCES area (id),
  skills VARCHAR(400) NOT NULL,
  availability VARCHAR(200) NOT NULL,
  note VARCHAR(500),
  state VARCHAR(20) NOT NULL,
  -- member:community while PENDING or APPROVED, else null: one active registration per member and community
  active_key VARCHAR(60),
  applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_at TIMESTAMP WITH TIME ZONE,
  decided_by VARCHAR(100),
  reason VARCHAR(500),
  branch_id BIGINT REFERENCES org_unit (id),
  group_id BIGINT REFERENCES org_unit (id),
  zone_id BIGINT REFERENCES org_unit (id),
  version BIGINT NOT NULL,
  CONSTRAINT registration_active_uk UNIQUE (active_key)
);
CREATE INDEX registration_member_idx ON registration (member_id);
CREATE INDEX registration_community_path_idx ON registration (community_path);
CREATE INDEX registration_branch_idx ON registration (branch_id);

CREATE SEQUENCE unit_registration_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE unit_registration (
  id BIGINT NOT NULL PRIMARY KEY,
  partner_unit_id BIGINT NOT NULL REFERENCES partner_unit (id),
  unit_name VARCHAR(200) NOT NULL,
  party_organization VARCHAR(200) NOT NULL,
  community_id BIGINT NOT NULL REFERENCES area (id),
  community_path VARCHAR(400) NOT NULL,
  offer VARCHAR(1000),
  state VARCHAR(20) NOT NULL,
  active_key VARCHAR(60),
  applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
  applied_by VARCHAR(100) NOT NULL,
  decided_at TIMESTAMP WITH TIME ZONE,
  decided_by VARCHAR(100),
  reason VARCHAR(500),
  version BIGINT NOT NULL,
  CONSTRAINT unit_registration_active_uk UNIQUE (active_key)
);
CREATE INDEX unit_registration_community_path_idx ON unit_registration (community_path);
