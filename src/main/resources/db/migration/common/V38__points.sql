-- points (积分): an append-only ledger per member, fed only by other modules' events. An entry is never updated or
-- deleted (on PostgreSQL a trigger refuses both, V38_1); a correction is a reversing entry with a reason. The unique
-- key makes every listener idempotent: the same event delivered twice credits once.
CREATE SEQUENCE points_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE points_entry (
  id BIGINT NOT NULL PRIMARY KEY,
  holder_member_id BIGINT NOT NULL,
  holder_account_id BIGINT,
  amount INTEGER NOT NULL,
  kind VARCHAR(30) NOT NULL,
  source_type VARCHAR(30) NOT NULL,
  source_id VARCHAR(80) NOT NULL,
  minutes INTEGER NOT NULL,
  reason VARCHAR(500) NOT NULL,
  reverses_entry_id BIGINT,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by VARCHAR(100) NOT NULL,
  area_path VARCHAR(400) NOT NULL,
  CONSTRAINT points_entry_source_uk UNIQUE (source_type, source_id, holder_member_id, kind)
);
CREATE INDEX points_entry_holder_idx ON points_entry (holder_member_id, at);
CREATE INDEX points_entry_area_path_idx ON points_entry (area_path);

-- the rules of one subdistrict, overriding the defaults of lianxin.points.* (edited by the subdistrict officer)
CREATE TABLE points_rule (
  subdistrict_id BIGINT NOT NULL PRIMARY KEY,
  subdistrict_path VARCHAR(400) NOT NULL,
  per_activity_hour INTEGER NOT NULL,
  per_wish INTEGER NOT NULL,
  per_need INTEGER NOT NULL,
  per_service_task INTEGER NOT NULL,
  per_mailbox_answer INTEGER NOT NULL,
  updated_by VARCHAR(100) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL
);

-- every service-hours certificate (志愿服务时长证明) printed: its serial number, whom for, by whom
CREATE TABLE points_certificate (
  serial VARCHAR(40) NOT NULL PRIMARY KEY,
  member_id BIGINT NOT NULL,
  total_minutes INTEGER NOT NULL,
  issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
  issued_by VARCHAR(100) NOT NULL
);
CREATE INDEX points_certificate_member_idx ON points_certificate (member_id);
