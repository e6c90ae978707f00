-- prefix searches on materialized paths ('/1/12/%') use these indexes whatever the collation
CREATE INDEX area_path_prefix_idx ON area (path varchar_pattern_ops);
CREATE INDEX org_unit_area_path_prefix_idx ON org_unit (area_path varchar_pattern_ops);
CREATE INDEX partner_unit_area_path_prefix_idx ON partner_unit (area_path varchar_pattern_ops);
CREATE INDEX partner_pairing_community_path_prefix_idx ON partner_pairing (community_path varchar_pattern_ops);
CREATE INDEX grid_role_area_path_prefix_idx ON grid_role (area_path varchar_pattern_ops);

-- the audit log is append-only: the database itself refuses to change or remove an entry
CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
