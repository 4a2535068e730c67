-- Trigram indexes for searching any part of a complainant's name. pg_trgm is a trusted extension
-- of PostgreSQL's contrib (a database owner may create it) and ships with PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "complainants" ADD COLUMN "search_name" text GENERATED ALWAYS AS ((' ' || btrim(regexp_replace(translate(full_name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĲĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŊŌōŎŏŐőŒŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž-‐‑‒–—―./,()"_&+''’‘`ʼ', 'abcdefghijklmnopqrstuvwxyzaaaaaaæceeeeiiiiðnoooooouuuuyþaaaaaaceeeeiiiinoooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiĳjjkkllllllllllnnnnnnŋooooooœrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz                '), '\s+', ' ', 'g')) || ' ')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "complainants" ADD COLUMN "search_email" text GENERATED ALWAYS AS (lower(btrim(email))) STORED;--> statement-breakpoint
ALTER TABLE "complainants" ADD COLUMN "search_phone" text GENERATED ALWAYS AS (replace(regexp_replace(regexp_replace(phone, '[^0-9+]', '', 'g'), '^(\+44|0044)0?', '0'), '+', '')) STORED;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "search_court_case_number" text GENERATED ALWAYS AS (upper(regexp_replace(court_case_number, '[^A-Za-z0-9]', '', 'g'))) STORED;--> statement-breakpoint
CREATE INDEX "complainants_search_name_idx" ON "complainants" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "complainants_search_email_idx" ON "complainants" USING btree ("search_email" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "complainants_search_phone_idx" ON "complainants" USING btree ("search_phone");--> statement-breakpoint
CREATE INDEX "complaint_stages_responder_idx" ON "complaint_stages" USING btree ("responder_id");--> statement-breakpoint
CREATE INDEX "complaints_search_court_case_number_idx" ON "complaints" USING btree ("search_court_case_number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "complaint_events_assigned_responder_idx" ON "complaint_events" USING btree (("payload" ->> 'responderId')) WHERE "complaint_events"."type" = 'responder.assigned';