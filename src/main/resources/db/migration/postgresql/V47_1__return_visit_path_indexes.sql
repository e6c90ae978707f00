-- prefix searches on materialized paths ('/1/12/%') use this index whatever the collation
CREATE INDEX return_visit_area_path_prefix_idx ON return_visit (area_path varchar_pattern_ops);
