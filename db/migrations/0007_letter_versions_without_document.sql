ALTER TABLE "letter_versions" ALTER COLUMN "document" DROP NOT NULL;--> statement-breakpoint
-- Letters written before versions were kept become their own first version (with no document
-- blocks when the letter was kept only as HTML).
INSERT INTO "letter_versions" ("letter_id", "version", "template_id", "subject", "html", "document", "created_by", "created_at")
SELECT l."id", 1, l."template_id", l."subject", l."html", l."document", l."created_by", l."created_at" FROM "letters" l
WHERE NOT EXISTS (SELECT 1 FROM "letter_versions" v WHERE v."letter_id" = l."id");
