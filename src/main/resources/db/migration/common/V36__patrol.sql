-- casework: patrols (巡查). A grid worker starts a patrol in his grid on the phone, records the points he passes,
-- reports the cases he finds (they carry the patrol's id) and ends it. One active patrol per worker (active_key).
CREATE SEQUENCE patrol_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE patrol (
  id BIGINT NOT NULL PRIMARY KEY,
  area_path VARCHAR(400) NOT NULL,
  grid_name VARCHAR(200) NOT NULL,
  worker_account_id BIGINT NOT NULL,
  worker_name VARCHAR(200) NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at TIMESTAMP WITH TIME ZONE,
  note VARCHAR(500),
  active_key BIGINT,
  version BIGINT NOT NULL,
  CONSTRAINT patrol_active_uk UNIQUE (active_key)
);
CREATE INDEX patrol_area_path_idx ON patrol (area_path);
CREATE INDEX patrol_worker_idx ON patrol (worker_account_id, started_at);

-- the points a patrol passed, in order (WGS-84)
CREATE TABLE patrol_point (
  patrol_id BIGINT NOT NULL REFERENCES patrol (id),
  seq INTEGER NOT NULL,
  longitude DOUBLE PRECISION NOT NULL,
  latitude DOUBLE PRECISION NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (patrol_id, seq)
);

ALTER TABLE grid_case ADD COLUMN patrol_id BIGINT;
CREATE INDEX grid_case_patrol_idx ON grid_case (patrol_id);
