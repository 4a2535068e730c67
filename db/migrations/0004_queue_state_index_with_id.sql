DROP INDEX "complaints_state_due_idx";--> statement-breakpoint
CREATE INDEX "complaints_state_due_idx" ON "complaints" USING btree ("state","current_due_on","id");