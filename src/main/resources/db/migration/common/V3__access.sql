-- access: accounts, role assignments at a scope node, login throttling, and the hash-chained audit log.
CREATE SEQUENCE account_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE account (
  id BIGINT NOT NULL PRIMARY KEY,
  username VARCHAR(64) NOT NULL,
  display_name VARCHAR(100) NOT NULL,
  password_hash VARCHAR(200) NOT NULL,
  enabled BOOLEAN NOT NULL,
  demo BOOLEAN NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_login_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  CONSTRAINT account_username_uk UNIQUE (username)
);

CREATE SEQUENCE role_assignment_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE role_assignment (
  id BIGINT NOT NULL PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES account (id),
  role VARCHAR(40) NOT NULL,
  area_id BIGINT NOT NULL REFERENCES area (id),
  assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT role_assignment_uk UNIQUE (account_id, role, area_id)
);
CREATE INDEX role_assignment_account_idx ON role_assignment (account_id);
CREATE INDEX role_assignment_area_idx ON role_assignment (area_id);

-- failed logins are counted per username, whether or not the account exists, so that the
-- answer never tells which usernames exist
CREATE TABLE login_throttle (
  username VARCHAR(64) NOT NULL PRIMARY KEY,
  failures INT NOT NULL,
  last_failure_at TIMESTAMP WITH TIME ZONE,
  locked_until TIMESTAMP WITH TIME ZONE
);

CREATE TABLE audit_entry (
  seq BIGINT NOT NULL PRIMARY KEY,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_id BIGINT,
  actor VARCHAR(64) NOT NULL,
  action VARCHAR(64) NOT NULL,
  object_type VARCHAR(64),
  object_id VARCHAR(64),
  result VARCHAR(16) NOT NULL,
  source_address VARCHAR(64),
  detail VARCHAR(2000),
  prev_hash VARCHAR(64) NOT NULL,
  hash VARCHAR(64) NOT NULL
);
CREATE INDEX audit_entry_occurred_idx ON audit_entry (occurred_at);
CREATE INDEX audit_entry_action_idx ON audit_entry (action);

-- the head of the chain: one row, locked while an entry is appended, so that two nodes never fork the chain
CREATE TABLE audit_chain_head (
  id INT NOT NULL PRIMARY KEY,
  last_seq BIGINT NOT NULL,
  last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
