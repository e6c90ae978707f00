-- prefix searches on materialized paths ('/1/12/%') use this index whatever the collation
CREATE INDEX activity_area_path_prefix_idx ON activity (area_path varchar_pattern_ops);
