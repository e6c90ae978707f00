-- prefix searches on materialized paths ('/1/12/%') use this index whatever the collation
CREATE INDEX service_task_area_path_prefix_idx ON service_task (area_path varchar_pattern_ops);
