-- prefix searches on materialized paths ('/1/12/%') use these indexes whatever the collation
CREATE INDEX grid_case_area_path_prefix_idx ON grid_case (area_path varchar_pattern_ops);
CREATE INDEX grid_case_level_path_prefix_idx ON grid_case (level_path varchar_pattern_ops);
