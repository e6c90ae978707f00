-- prefix searches on materialized paths ('/1/12/%') use this index whatever the collation
CREATE INDEX patrol_area_path_prefix_idx ON patrol (area_path varchar_pattern_ops);
