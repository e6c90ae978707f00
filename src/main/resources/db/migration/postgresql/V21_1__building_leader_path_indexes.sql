-- prefix searches on materialized paths ('/1/12/%') use these indexes whatever the collation
CREATE INDEX building_leader_recruitment_path_prefix_idx ON building_leader_recruitment (area_path varchar_pattern_ops);
CREATE INDEX building_leader_nomination_path_prefix_idx ON building_leader_nomination (area_path varchar_pattern_ops);
CREATE INDEX building_leader_path_prefix_idx ON building_leader (area_path varchar_pattern_ops);
CREATE INDEX mailbox_message_path_prefix_idx ON mailbox_message (area_path varchar_pattern_ops);
