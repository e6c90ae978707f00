-- prefix searches on materialized paths ('/1/12/%') use this index whatever the collation
CREATE INDEX wish_area_path_prefix_idx ON wish (area_path varchar_pattern_ops);
