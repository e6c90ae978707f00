-- A letter number (楼长聘〔2026〕001号) is counted per community and year when a nomination is approved; two approvals
-- at the same moment could count the same number. The constraint makes the second one fail (409, try again) instead
-- of printing two letters with one number.
ALTER TABLE building_leader ADD CONSTRAINT building_leader_letter_uk UNIQUE (community_id, letter_number);
