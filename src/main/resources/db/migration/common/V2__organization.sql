-- organization: the area tree, the Party organisation tree, partner units and the six grid roles.
-- Rows that belong to an area carry its materialized path ('/1/12/123/') for data scope.
CREATE SEQUENCE area_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE area (
  id BIGINT NOT NULL PRIMARY KEY,
  parent_id BIGINT REFERENCES area (id),
  level VARCHAR(32) NOT NULL,
  name VARCHAR(100) NOT NULL,
  code VARCHAR(64),
  path VARCHAR(400) NOT NULL,
  boundary VARCHAR(1000000),
  version BIGINT NOT NULL,
  CONSTRAINT area_path_uk UNIQUE (path),
  CONSTRAINT area_sibling_name_uk UNIQUE (parent_id, name)
);
CREATE INDEX area_parent_idx ON area (parent_id);
CREATE INDEX area_level_idx ON area (level);

CREATE SEQUENCE org_unit_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE org_unit (
  id BIGINT NOT NULL PRIMARY KEY,
  parent_id BIGINT REFERENCES org_unit (id),
  level VARCHAR(40) NOT NULL,
  name VARCHAR(100) NOT NULL,
  path VARCHAR(400) NOT NULL,
  area_id BIGINT NOT NULL REFERENCES area (id),
  area_path VARCHAR(400) NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT org_unit_path_uk UNIQUE (path),
  CONSTRAINT org_unit_sibling_name_uk UNIQUE (parent_id, name)
);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);
CREATE INDEX org_unit_area_path_idx ON org_unit (area_path);

CREATE SEQUENCE partner_unit_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE partner_unit (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  address VARCHAR(300),
  description VARCHAR(2000),
  area_id BIGINT NOT NULL REFERENCES area (id),
  area_path VARCHAR(400) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT partner_unit_name_uk UNIQUE (name)
);
CREATE INDEX partner_unit_area_path_idx ON partner_unit (area_path);

CREATE SEQUENCE partner_contact_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE partner_contact (
  id BIGINT NOT NULL PRIMARY KEY,
  partner_unit_id BIGINT NOT NULL REFERENCES partner_unit (id),
  name VARCHAR(100) NOT NULL,
  position VARCHAR(100),
  phone_cipher VARCHAR(200) NOT NULL,
  phone_index VARCHAR(64) NOT NULL,
  account_id BIGINT,
  username VARCHAR(64)
);
CREATE INDEX partner_contact_unit_idx ON partner_contact (partner_unit_id);
CREATE INDEX partner_contact_account_idx ON partner_contact (account_id);

CREATE SEQUENCE partner_pairing_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE partner_pairing (
  id BIGINT NOT NULL PRIMARY KEY,
  partner_unit_id BIGINT NOT NULL REFERENCES partner_unit (id),
  community_id BIGINT NOT NULL REFERENCES area (id),
  community_path VARCHAR(400) NOT NULL,
  since DATE NOT NULL,
  until DATE,
  note VARCHAR(500),
  active BOOLEAN NOT NULL
);
CREATE INDEX partner_pairing_unit_idx ON partner_pairing (partner_unit_id);
CREATE INDEX partner_pairing_community_path_idx ON partner_pairing (community_path);

CREATE SEQUENCE grid_role_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE grid_role (
  id BIGINT NOT NULL PRIMARY KEY,
  grid_id BIGINT NOT NULL REFERENCES area (id),
  area_path VARCHAR(400) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  person_name VARCHAR(100) NOT NULL,
  phone_cipher VARCHAR(200),
  phone_index VARCHAR(64),
  note VARCHAR(500),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX grid_role_grid_idx ON grid_role (grid_id);
CREATE INDEX grid_role_area_path_idx ON grid_role (area_path);
