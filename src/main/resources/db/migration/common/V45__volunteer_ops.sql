-- volunteer operations (issue 7): an organiser cancels a published activity with a reason (its sign-ups end as
-- ORGANISER_CANCELLED, told apart from a member's own cancellation); check-ins record how they were made
-- (SCAN: the member scanned the activity's code; HAND: the organiser by hand with a reason; MEMBER_CODE: the
-- organiser scanned the member's personal code); team membership keeps its history (joined, left, why, by whom),
-- so a member may leave, be removed and rejoin later, one row per stint.
ALTER TABLE activity ADD COLUMN cancel_reason VARCHAR(500);
ALTER TABLE activity ADD COLUMN cancelled_by VARCHAR(100);
ALTER TABLE activity ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE sign_up ADD COLUMN check_in_method VARCHAR(20);
UPDATE sign_up SET check_in_method = CASE WHEN manual_reason IS NULL THEN 'SCAN' ELSE 'HAND' END
 WHERE checked_in_at IS NOT NULL;

CREATE TABLE service_team_membership (
  team_id BIGINT NOT NULL REFERENCES service_team (id),
  member_id BIGINT NOT NULL,
  member_name VARCHAR(200) NOT NULL,
  joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
  left_at TIMESTAMP WITH TIME ZONE,
  left_reason VARCHAR(500),
  left_by VARCHAR(100),
  PRIMARY KEY (team_id, member_id, joined_at)
);
INSERT INTO service_team_membership (team_id, member_id, member_name, joined_at)
  SELECT team_id, member_id, member_name, joined_at FROM service_team_member;
DROP TABLE service_team_member;
CREATE INDEX service_team_membership_member_idx ON service_team_membership (member_id);
