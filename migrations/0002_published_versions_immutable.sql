-- A published course version is immutable: cohorts pin it, and JP credit is computed from it.
-- The application refuses such edits with a 409; these triggers make the rule hold for any writer.
CREATE FUNCTION course_version_published(v uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM course_versions WHERE id = v AND status = 'published')
$$;
--> statement-breakpoint
CREATE FUNCTION forbid_published_content_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_version uuid;
  new_version uuid;
BEGIN
  IF TG_TABLE_NAME = 'quiz_questions' THEN
    IF TG_OP <> 'INSERT' THEN SELECT version_id INTO old_version FROM lessons WHERE id = OLD.lesson_id; END IF;
    IF TG_OP <> 'DELETE' THEN SELECT version_id INTO new_version FROM lessons WHERE id = NEW.lesson_id; END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN old_version := OLD.version_id; END IF;
    IF TG_OP <> 'DELETE' THEN new_version := NEW.version_id; END IF;
  END IF;
  IF course_version_published(old_version) OR course_version_published(new_version) THEN
    RAISE EXCEPTION 'course version is published and cannot change (% on %)', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END
$$;
--> statement-breakpoint
CREATE TRIGGER course_modules_immutable BEFORE INSERT OR UPDATE OR DELETE ON course_modules
  FOR EACH ROW EXECUTE FUNCTION forbid_published_content_change();
--> statement-breakpoint
CREATE TRIGGER lessons_immutable BEFORE INSERT OR UPDATE OR DELETE ON lessons
  FOR EACH ROW EXECUTE FUNCTION forbid_published_content_change();
--> statement-breakpoint
CREATE TRIGGER quiz_questions_immutable BEFORE INSERT OR UPDATE OR DELETE ON quiz_questions
  FOR EACH ROW EXECUTE FUNCTION forbid_published_content_change();
--> statement-breakpoint
CREATE FUNCTION forbid_published_version_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'course version % is published and cannot change', OLD.number
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END
$$;
--> statement-breakpoint
CREATE TRIGGER course_versions_immutable BEFORE UPDATE OR DELETE ON course_versions
  FOR EACH ROW EXECUTE FUNCTION forbid_published_version_change();
