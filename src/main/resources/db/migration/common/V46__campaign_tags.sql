-- wishes and service tasks tagged to a campaign action (主题行动的行动项), like activities (activity.campaign_action_id)
ALTER TABLE wish ADD COLUMN campaign_action_id BIGINT;
ALTER TABLE service_task ADD COLUMN campaign_action_id BIGINT;

-- the tagged work volunteer counts on the campaign dashboard: a confirmed wish, a completed place on a service task;
-- one row per source (source_key unique: the same event delivered twice counts once)
CREATE TABLE campaign_contribution (
  id BIGINT NOT NULL PRIMARY KEY,
  source_key VARCHAR(60) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  source_id BIGINT NOT NULL,
  campaign_action_id BIGINT NOT NULL REFERENCES campaign_action (id),
  area_path VARCHAR(400) NOT NULL,
  member_id BIGINT,
  minutes INTEGER NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX campaign_contribution_source_idx ON campaign_contribution (source_key);
CREATE INDEX campaign_contribution_action_idx ON campaign_contribution (campaign_action_id);
