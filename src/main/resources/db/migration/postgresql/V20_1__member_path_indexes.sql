-- prefix searches on materialized paths ('/1/12/%') use these indexes whatever the collation
CREATE INDEX member_area_path_prefix_idx ON member (area_path varchar_pattern_ops);
CREATE INDEX registration_community_path_prefix_idx ON registration (community_path varchar_pattern_ops);
CREATE INDEX unit_registration_community_path_prefix_idx ON unit_registration (community_path varchar_pattern_ops);
