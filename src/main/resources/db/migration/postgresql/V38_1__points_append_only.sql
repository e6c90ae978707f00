-- prefix searches on materialized paths ('/1/12/%') use this index whatever the collation
CREATE INDEX points_entry_area_path_prefix_idx ON points_entry (area_path varchar_pattern_ops);

-- the points ledger is append-only: the database refuses to remove an entry or change what it says. The one change
-- allowed is the area path, which follows an area moved in the tree (PointsPathFollower), so scope stays right.
CREATE FUNCTION points_entry_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.id = OLD.id AND NEW.holder_member_id = OLD.holder_member_id
     AND NEW.holder_account_id IS NOT DISTINCT FROM OLD.holder_account_id
     AND NEW.amount = OLD.amount AND NEW.kind = OLD.kind AND NEW.source_type = OLD.source_type
     AND NEW.source_id = OLD.source_id AND NEW.minutes = OLD.minutes AND NEW.reason = OLD.reason
     AND NEW.reverses_entry_id IS NOT DISTINCT FROM OLD.reverses_entry_id AND NEW.at = OLD.at
     AND NEW.recorded_at = OLD.recorded_at AND NEW.recorded_by = OLD.recorded_by THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'points_entry is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER points_entry_no_update_or_delete
  BEFORE UPDATE OR DELETE ON points_entry
  FOR EACH ROW EXECUTE FUNCTION points_entry_append_only();
