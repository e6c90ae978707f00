-- volunteer: activities (志愿服务活动) with capacity, sign-ups with waitlist, on-site check-in and hours.
-- activity.taken counts the places held; sign-ups lock the activity row and raise it only while
-- taken < capacity, so 120 places never become 121, whatever the number of nodes.
CREATE SEQUENCE activity_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE activity (
  id BIGINT NOT NULL PRIMARY KEY,
  title VARCHAR(60) NOT NULL,
  description VARCHAR(2000),
  area_id BIGINT NOT NULL,
  area_name VARCHAR(200) NOT NULL,
  area_path VARCHAR(400) NOT NULL,
  place VARCHAR(200) NOT NULL,
  starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at TIMESTAMP WITH TIME ZONE NOT NULL,
  sign_up_opens_at TIMESTAMP WITH TIME ZONE NOT NULL,
  sign_up_closes_at TIMESTAMP WITH TIME ZONE NOT NULL,
  capacity INTEGER NOT NULL,
  taken INTEGER NOT NULL,
  skills VARCHAR(400) NOT NULL,
  campaign_action_id BIGINT,
  organiser_kind VARCHAR(20) NOT NULL,
  organiser_name VARCHAR(200) NOT NULL,
  created_by_account_id BIGINT NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  state VARCHAR(20) NOT NULL,
  confirmed_by VARCHAR(100),
  confirmed_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  CONSTRAINT activity_capacity_ck CHECK (taken >= 0 AND taken <= capacity),
  CONSTRAINT activity_time_ck CHECK (ends_at > starts_at)
);
CREATE INDEX activity_area_path_idx ON activity (area_path);
CREATE INDEX activity_starts_idx ON activity (starts_at);

-- the cover photo, at most one per activity
CREATE TABLE activity_cover (
  activity_id BIGINT NOT NULL PRIMARY KEY REFERENCES activity (id),
  content_type VARCHAR(40) NOT NULL,
  size_bytes INTEGER NOT NULL,
  data BYTEA NOT NULL
);

-- one member's place (or place in the queue) at one activity; a cancelled one may sign up again
CREATE TABLE sign_up (
  id BIGINT NOT NULL PRIMARY KEY,
  activity_id BIGINT NOT NULL REFERENCES activity (id),
  member_id BIGINT NOT NULL,
  account_id BIGINT,
  member_name VARCHAR(200) NOT NULL,
  area_path VARCHAR(400) NOT NULL,
  starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at TIMESTAMP WITH TIME ZONE NOT NULL,
  state VARCHAR(20) NOT NULL,
  queued_at TIMESTAMP WITH TIME ZONE NOT NULL,
  placed_at TIMESTAMP WITH TIME ZONE,
  cancelled_at TIMESTAMP WITH TIME ZONE,
  late_cancellation BOOLEAN NOT NULL,
  checked_in_at TIMESTAMP WITH TIME ZONE,
  checked_out_at TIMESTAMP WITH TIME ZONE,
  checked_in_by VARCHAR(100),
  manual_reason VARCHAR(500),
  minutes INTEGER,
  correction_reason VARCHAR(500),
  reminded_day_at TIMESTAMP WITH TIME ZONE,
  reminded_hour_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  CONSTRAINT sign_up_member_uk UNIQUE (activity_id, member_id)
);
CREATE INDEX sign_up_member_idx ON sign_up (member_id, state);
CREATE INDEX sign_up_account_idx ON sign_up (account_id);
CREATE INDEX sign_up_queue_idx ON sign_up (activity_id, state, queued_at);
CREATE INDEX sign_up_remind_idx ON sign_up (state, starts_at);
