-- wish: micro-wishes (微心愿). A resident's small concrete wish, reviewed by the community, shown on the
-- wish wall without the resident's identity, claimed by exactly one member or partner unit (optimistic
-- version), fulfilled with a photo and confirmed by the resident (or staff on his behalf).
CREATE SEQUENCE wish_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE wish (
  id BIGINT NOT NULL PRIMARY KEY,
  title VARCHAR(60) NOT NULL,
  story VARCHAR(1000) NOT NULL,
  category VARCHAR(40) NOT NULL,
  estimated_value INTEGER NOT NULL,
  resident_id BIGINT NOT NULL,
  household_id BIGINT NOT NULL,
  compound_name VARCHAR(200),
  area_path VARCHAR(400) NOT NULL,
  state VARCHAR(20) NOT NULL,
  submitted_by VARCHAR(100) NOT NULL,
  submitted_on_behalf BOOLEAN NOT NULL,
  submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  reviewed_by VARCHAR(100),
  reviewed_at TIMESTAMP WITH TIME ZONE,
  decline_reason VARCHAR(500),
  claimant_kind VARCHAR(10),
  claimant_account_id BIGINT,
  claimant_member_id BIGINT,
  claimant_unit_id BIGINT,
  claimant_name VARCHAR(200),
  claimed_at TIMESTAMP WITH TIME ZONE,
  fulfil_note VARCHAR(1000),
  fulfilled_at TIMESTAMP WITH TIME ZONE,
  confirmed_by VARCHAR(100),
  confirmed_on_behalf BOOLEAN,
  confirmed_at TIMESTAMP WITH TIME ZONE,
  thank_you VARCHAR(1000),
  version BIGINT NOT NULL
);
CREATE INDEX wish_area_path_idx ON wish (area_path);
CREATE INDEX wish_state_idx ON wish (state, claimed_at);
CREATE INDEX wish_resident_idx ON wish (resident_id);
CREATE INDEX wish_claimant_idx ON wish (claimant_account_id);

-- every step of a wish, in order: the history shown in the console's detail drawer
CREATE TABLE wish_step (
  wish_id BIGINT NOT NULL REFERENCES wish (id),
  seq INTEGER NOT NULL,
  action VARCHAR(20) NOT NULL,
  by_name VARCHAR(200) NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  note VARCHAR(1000),
  PRIMARY KEY (wish_id, seq)
);

-- the resident's photo (SUBMITTED) and the claimant's (FULFILMENT), one each at most
CREATE TABLE wish_photo (
  id BIGINT NOT NULL PRIMARY KEY,
  wish_id BIGINT NOT NULL REFERENCES wish (id),
  kind VARCHAR(20) NOT NULL,
  content_type VARCHAR(40) NOT NULL,
  size_bytes INTEGER NOT NULL,
  data BYTEA NOT NULL,
  CONSTRAINT wish_photo_kind_uk UNIQUE (wish_id, kind)
);
