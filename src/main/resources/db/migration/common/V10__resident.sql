-- resident: households (户) in buildings and the residents (居民) living in them, resident self-signup
-- with SMS codes, and the developer inbox that stands in for an SMS gateway in the embedded default.
-- ID and phone numbers are sealed (AES-GCM) with an HMAC blind index; never stored in plain text.
CREATE SEQUENCE household_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE household (
  id BIGINT NOT NULL PRIMARY KEY,
  building_id BIGINT NOT NULL REFERENCES area (id),
  door_number VARCHAR(50) NOT NULL,
  area_path VARCHAR(400) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT household_door_uk UNIQUE (building_id, door_number)
);
CREATE INDEX household_area_path_idx ON household (area_path);

CREATE SEQUENCE resident_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE resident (
  id BIGINT NOT NULL PRIMARY KEY,
  household_id BIGINT NOT NULL REFERENCES household (id),
  name VARCHAR(100) NOT NULL,
  id_number_cipher VARCHAR(200) NOT NULL,
  id_number_index VARCHAR(64) NOT NULL,
  phone_cipher VARCHAR(200),
  phone_index VARCHAR(64),
  gender VARCHAR(1) NOT NULL,
  birth_date DATE NOT NULL,
  relation VARCHAR(32) NOT NULL,
  tags VARCHAR(200) NOT NULL,
  area_path VARCHAR(400) NOT NULL,
  account_id BIGINT REFERENCES account (id),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT resident_id_number_uk UNIQUE (id_number_index)
);
CREATE INDEX resident_household_idx ON resident (household_id);
CREATE INDEX resident_area_path_idx ON resident (area_path);
CREATE INDEX resident_phone_index_idx ON resident (phone_index);
CREATE INDEX resident_account_idx ON resident (account_id);

CREATE SEQUENCE resident_signup_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE resident_signup (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  phone_cipher VARCHAR(200) NOT NULL,
  phone_index VARCHAR(64) NOT NULL,
  id_number_cipher VARCHAR(200) NOT NULL,
  id_number_index VARCHAR(64) NOT NULL,
  building_id BIGINT NOT NULL REFERENCES area (id),
  door_number VARCHAR(50) NOT NULL,
  area_path VARCHAR(400) NOT NULL,
  account_id BIGINT NOT NULL REFERENCES account (id),
  username VARCHAR(64) NOT NULL,
  status VARCHAR(16) NOT NULL,
  reason VARCHAR(500),
  resident_id BIGINT REFERENCES resident (id),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL
);
CREATE INDEX resident_signup_area_path_idx ON resident_signup (area_path);
CREATE INDEX resident_signup_phone_idx ON resident_signup (phone_index);
CREATE INDEX resident_signup_account_idx ON resident_signup (account_id);

CREATE SEQUENCE signup_code_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE signup_code (
  id BIGINT NOT NULL PRIMARY KEY,
  phone_index VARCHAR(64) NOT NULL,
  code_hash VARCHAR(64) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts INT NOT NULL,
  used BOOLEAN NOT NULL
);
CREATE INDEX signup_code_phone_idx ON signup_code (phone_index, created_at);

CREATE SEQUENCE dev_inbox_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE dev_inbox (
  id BIGINT NOT NULL PRIMARY KEY,
  phone_masked VARCHAR(20) NOT NULL,
  phone_index VARCHAR(64) NOT NULL,
  text VARCHAR(500) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dev_inbox_created_idx ON dev_inbox (created_at);
