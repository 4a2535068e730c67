CREATE INDEX "complaints_state_due_idx" ON "complaints" USING btree ("state","current_due_on");--> statement-breakpoint
CREATE INDEX "complaints_responder_state_due_idx" ON "complaints" USING btree ("responder_id","state","current_due_on");--> statement-breakpoint
CREATE INDEX "complaints_csq_manager_state_due_idx" ON "complaints" USING btree ("csq_manager_id","state","current_due_on");--> statement-breakpoint
CREATE INDEX "complaints_service_area_state_due_idx" ON "complaints" USING btree ("service_area_id","state","current_due_on");