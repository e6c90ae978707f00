-- Responsibility zones (党员责任区) are sets of households: a household belongs to at most one zone
-- (an org unit of level RESPONSIBILITY_ZONE). A column, not a join table: "at most one" is then the
-- schema's own rule, and the board reads a zone's households with one indexed lookup.
ALTER TABLE household ADD COLUMN zone_id BIGINT;
CREATE INDEX household_zone_idx ON household (zone_id);

-- Who leads what: a placed member may be marked as his branch's secretary (网格党支部书记), his group's
-- leader (党小组长) or his zone's leader (党员责任区长). At most one per branch, group and zone: lead_key is
-- unique ("GROUP_LEADER:<group id>"), and cleared when the registration is withdrawn.
ALTER TABLE registration ADD COLUMN leads VARCHAR(20);
ALTER TABLE registration ADD COLUMN lead_key VARCHAR(60);
ALTER TABLE registration ADD CONSTRAINT registration_lead_uk UNIQUE (lead_key);
