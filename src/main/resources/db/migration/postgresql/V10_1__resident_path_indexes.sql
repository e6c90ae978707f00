-- prefix searches on materialized paths ('/1/12/%') use these indexes whatever the collation
CREATE INDEX household_area_path_prefix_idx ON household (area_path varchar_pattern_ops);
CREATE INDEX resident_area_path_prefix_idx ON resident (area_path varchar_pattern_ops);
CREATE INDEX resident_signup_area_path_prefix_idx ON resident_signup (area_path varchar_pattern_ops);
