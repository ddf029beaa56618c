CREATE TABLE "leader_contacts" (
	"tenure_id" bigint PRIMARY KEY NOT NULL,
	"duties" text,
	"office_phone" text,
	"hours" text,
	"mobile_consent" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
