-- service teams (党群服务队): formed by profession, initiative or interest in an area, with a leader and members;
-- an activity may be run by one (activity.service_team_id), which is how a team's record of what it did is found.
CREATE TABLE service_team (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(60) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  description VARCHAR(1000),
  area_id BIGINT NOT NULL,
  area_name VARCHAR(200) NOT NULL,
  area_path VARCHAR(400) NOT NULL,
  leader_member_id BIGINT NOT NULL,
  leader_name VARCHAR(200) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX service_team_area_path_idx ON service_team (area_path);

CREATE TABLE service_team_member (
  team_id BIGINT NOT NULL REFERENCES service_team (id),
  member_id BIGINT NOT NULL,
  member_name VARCHAR(200) NOT NULL,
  joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (team_id, member_id)
);

ALTER TABLE activity ADD COLUMN service_team_id BIGINT;
CREATE INDEX activity_service_team_idx ON activity (service_team_id);

-- campaigns (e.g. 百日先锋行动): defined by a district or subdistrict with a period and its actions; rolling it out
-- records every community below (campaign_community); activities are tagged to an action (activity.campaign_action_id)
CREATE TABLE campaign (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(60) NOT NULL,
  description VARCHAR(1000),
  area_id BIGINT NOT NULL,
  area_name VARCHAR(200) NOT NULL,
  area_path VARCHAR(400) NOT NULL,
  starts_on DATE NOT NULL,
  ends_on DATE NOT NULL,
  state VARCHAR(20) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  rolled_out_at TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL
);
CREATE INDEX campaign_area_path_idx ON campaign (area_path);

CREATE TABLE campaign_action (
  id BIGINT NOT NULL PRIMARY KEY,
  campaign_id BIGINT NOT NULL REFERENCES campaign (id),
  seq INTEGER NOT NULL,
  name VARCHAR(60) NOT NULL
);
CREATE INDEX campaign_action_campaign_idx ON campaign_action (campaign_id);

CREATE TABLE campaign_community (
  campaign_id BIGINT NOT NULL REFERENCES campaign (id),
  community_id BIGINT NOT NULL,
  community_name VARCHAR(200) NOT NULL,
  community_path VARCHAR(400) NOT NULL,
  PRIMARY KEY (campaign_id, community_id)
);
