-- prefix searches on materialized paths ('/1/12/%') use these indexes whatever the collation
CREATE INDEX contact_assignment_path_prefix_idx ON contact_assignment (area_path varchar_pattern_ops);
CREATE INDEX visit_path_prefix_idx ON visit (area_path varchar_pattern_ops);
