-- matching (三单): the needs list (需求清单) and the resources list (资源清单, "offers").
-- A need belongs to the household's (or place's) area path; it is dispatched (发单) to units or to the open
-- pool of the community's paired units; one unit takes it (接单, @Version) and fulfils; the requester confirms.
CREATE SEQUENCE need_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE need (
  id BIGINT NOT NULL PRIMARY KEY,
  title VARCHAR(60) NOT NULL,
  description VARCHAR(1000) NOT NULL,
  category VARCHAR(40) NOT NULL,
  urgency VARCHAR(10) NOT NULL,
  resident_id BIGINT,
  household_id BIGINT,
  place VARCHAR(200),
  area_path VARCHAR(400) NOT NULL,
  identity_visibility VARCHAR(10) NOT NULL,
  source VARCHAR(10) NOT NULL,
  source_key VARCHAR(60),
  state VARCHAR(20) NOT NULL,
  submitted_by VARCHAR(100) NOT NULL,
  submitted_by_account_id BIGINT,
  submitted_on_behalf BOOLEAN NOT NULL,
  submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  pool BOOLEAN NOT NULL,
  dispatch_units VARCHAR(2000),
  declined_units VARCHAR(2000),
  dispatched_by VARCHAR(100),
  dispatched_by_account_id BIGINT,
  dispatched_at TIMESTAMP WITH TIME ZONE,
  offer_id BIGINT,
  taker_unit_id BIGINT,
  taker_account_id BIGINT,
  taker_name VARCHAR(200),
  taken_at TIMESTAMP WITH TIME ZONE,
  fulfil_note VARCHAR(1000),
  fulfilled_at TIMESTAMP WITH TIME ZONE,
  confirmed_by VARCHAR(100),
  confirmed_on_behalf BOOLEAN,
  confirmed_at TIMESTAMP WITH TIME ZONE,
  rating INTEGER,
  comment VARCHAR(500),
  version BIGINT NOT NULL,
  CONSTRAINT need_source_key_uk UNIQUE (source_key)
);
CREATE INDEX need_area_path_idx ON need (area_path);
CREATE INDEX need_state_idx ON need (state, dispatched_at);
CREATE INDEX need_resident_idx ON need (resident_id);
CREATE INDEX need_taker_idx ON need (taker_unit_id, state);
CREATE INDEX need_offer_idx ON need (offer_id, taken_at);

-- every step of a need, in order (history in the console's drawer and the resident's page)
CREATE TABLE need_step (
  need_id BIGINT NOT NULL REFERENCES need (id),
  seq INTEGER NOT NULL,
  action VARCHAR(20) NOT NULL,
  by_name VARCHAR(200) NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  note VARCHAR(1000),
  PRIMARY KEY (need_id, seq)
);

-- the helper's photo of the need fulfilled (at most one)
CREATE TABLE need_photo (
  need_id BIGINT NOT NULL PRIMARY KEY REFERENCES need (id),
  content_type VARCHAR(40) NOT NULL,
  size_bytes INTEGER NOT NULL,
  data BYTEA NOT NULL
);

CREATE SEQUENCE offer_seq START WITH 1000 INCREMENT BY 50;
-- an offer (资源): what a partner unit or a member offers, its category, monthly capacity, areas served, validity
CREATE TABLE offer (
  id BIGINT NOT NULL PRIMARY KEY,
  owner_kind VARCHAR(10) NOT NULL,
  unit_id BIGINT,
  member_id BIGINT,
  owner_account_id BIGINT,
  owner_name VARCHAR(200) NOT NULL,
  title VARCHAR(60) NOT NULL,
  description VARCHAR(1000) NOT NULL,
  category VARCHAR(40) NOT NULL,
  capacity_per_month INTEGER NOT NULL,
  contact_name VARCHAR(50) NOT NULL,
  contact_phone VARCHAR(20) NOT NULL,
  valid_from DATE NOT NULL,
  valid_until DATE NOT NULL,
  withdrawn BOOLEAN NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX offer_unit_idx ON offer (unit_id);
CREATE INDEX offer_category_idx ON offer (category);

-- the areas an offer serves (a subdistrict serves all its communities)
CREATE TABLE offer_area (
  offer_id BIGINT NOT NULL REFERENCES offer (id),
  area_id BIGINT NOT NULL,
  area_name VARCHAR(200) NOT NULL,
  path VARCHAR(400) NOT NULL,
  PRIMARY KEY (offer_id, area_id)
);
CREATE INDEX offer_area_path_idx ON offer_area (path);
