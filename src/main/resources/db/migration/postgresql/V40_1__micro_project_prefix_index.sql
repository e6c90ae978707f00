-- prefix searches on materialized paths ('/1/12/%') use this index whatever the collation
CREATE INDEX micro_project_area_path_prefix_idx ON micro_project (area_path varchar_pattern_ops);
