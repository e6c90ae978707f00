-- prefix searches on materialized paths ('/1/12/%') use these indexes whatever the collation
CREATE INDEX need_area_path_prefix_idx ON need (area_path varchar_pattern_ops);
CREATE INDEX offer_area_path_prefix_idx ON offer_area (path varchar_pattern_ops);
